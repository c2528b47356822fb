/**
 * Dragging checklist items within and between a card's checklists, with the same library as
 * the board's cards (board/dnd-attach.ts). Rows are both draggable and drop targets that report
 * which half is under the pointer; a group's list is a target too, for empty lists and the space
 * below the last row. Nothing is written until the drop (CardChecklist's monitor).
 */
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { attachClosestEdge, extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge';
import type { Attachment } from 'svelte/attachments';

type DragData = Record<string | symbol, unknown>;

export type ChecklistItemDragData = DragData & { type: 'checklist-item'; cardId: string; itemId: string };
export type ChecklistGroupDropData = DragData & { type: 'checklist-group'; groupKey: string };

/** True when drag data is one of this card's checklist items. */
export function isChecklistItemData(data: DragData, cardId: string): data is ChecklistItemDragData {
  return data.type === 'checklist-item' && data.cardId === cardId && typeof data.itemId === 'string';
}

/** Where a drop lands: before `beforeId` in the group, or at its end when null. */
export interface ChecklistDropSpot {
  groupKey: string;
  beforeId: string | null;
}

/**
 * The spot the innermost target under the pointer stands for. `nextOf` gives the row after a
 * row in its group, since "the bottom half of a row" means "before the row after it".
 */
export function spotFromTargets(
  targets: readonly { data: DragData }[],
  nextOf: (itemId: string) => string | null
): ChecklistDropSpot | null {
  const target = targets[0]?.data;
  if (!target) return null;
  if (target.type === 'checklist-group' && typeof target.groupKey === 'string') {
    return { groupKey: target.groupKey, beforeId: null };
  }
  if (target.type !== 'checklist-item' || typeof target.itemId !== 'string') return null;
  if (typeof target.groupKey !== 'string') return null;
  const after = extractClosestEdge(target) === 'bottom';
  return { groupKey: target.groupKey, beforeId: after ? nextOf(target.itemId) : target.itemId };
}

interface RowOptions {
  /** The row's data (its group included, so a drop on it names the group). */
  data: () => ChecklistItemDragData & { groupKey: string };
  disabled: () => boolean;
  /** Whether the dragged item may land in this row's group. */
  accepts: (itemId: string) => boolean;
}

/**
 * Makes a checklist row a drop target, and draggable by its grip (the `[data-grip]` inside it),
 * so the row's checkbox, text and menus keep their own pointer behaviour.
 */
export function checklistRowDnd(options: RowOptions): Attachment<HTMLElement> {
  return (element) =>
    combine(
      draggable({
        element,
        dragHandle: element.querySelector<HTMLElement>('[data-grip]') ?? undefined,
        canDrag: () => !options.disabled(),
        getInitialData: () => options.data()
      }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) =>
          isChecklistItemData(source.data, options.data().cardId) && options.accepts(source.data.itemId),
        getData: ({ input }) =>
          attachClosestEdge(options.data(), { input, element, allowedEdges: ['top', 'bottom'] }),
        getIsSticky: () => true
      })
    );
}

/** Makes a group's list a drop target (for an empty list and below its last row). */
export function checklistGroupDnd(
  cardId: () => string,
  groupKey: () => string,
  accepts: (itemId: string) => boolean
): Attachment<HTMLElement> {
  return (element) =>
    dropTargetForElements({
      element,
      canDrop: ({ source }) => isChecklistItemData(source.data, cardId()) && accepts(source.data.itemId),
      getData: (): ChecklistGroupDropData => ({ type: 'checklist-group', groupKey: groupKey() })
    });
}
