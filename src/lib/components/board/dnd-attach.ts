/**
 * Svelte attachments that register cards and columns with pragmatic-drag-and-drop. The library
 * uses the browser's native drag and drop, so it needs no re-render while dragging and works
 * with touch where the browser supports native drag (long-press to lift, the page still scrolls).
 */
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { attachClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge';
import type { Attachment } from 'svelte/attachments';

type DragData = Record<string | symbol, unknown>;

export type CardDragData = DragData & { type: 'card'; cardId: string; stageId: string };
export type ColumnDropData = DragData & { type: 'column'; stageId: string };

/** True when drag data describes a card. */
export function isCardData(data: DragData): data is CardDragData {
  return data.type === 'card' && typeof data.cardId === 'string' && typeof data.stageId === 'string';
}

/** Makes a card draggable and a drop target that reports which half (top/bottom) is under the pointer. */
export function cardDnd(getData: () => CardDragData, disabled: () => boolean): Attachment<HTMLElement> {
  return (element) =>
    combine(
      draggable({ element, canDrag: () => !disabled(), getInitialData: () => getData() }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => isCardData(source.data),
        getData: ({ input }) =>
          attachClosestEdge(getData(), { input, element, allowedEdges: ['top', 'bottom'] }),
        getIsSticky: () => true
      })
    );
}

/** Makes a column's card list a drop target (for empty columns and the space below the last card). */
export function columnDnd(getData: () => ColumnDropData): Attachment<HTMLElement> {
  return (element) =>
    dropTargetForElements({
      element,
      canDrop: ({ source }) => isCardData(source.data),
      getData: () => getData(),
      // A finger lifted over the column's header or its gaps still drops into the column it was
      // over, instead of losing the drop.
      getIsSticky: () => true
    });
}

/**
 * Scrolls `element` while a card is dragged near its edges, on the axis given: the board
 * sideways to reach a distant column, a column's list up and down. A finger holding a card at
 * the screen's edge scrolls too, since the touch polyfill sends the same drag events.
 */
export function autoScroll(axis: 'horizontal' | 'vertical'): Attachment<HTMLElement> {
  return (element) =>
    autoScrollForElements({
      element,
      canScroll: ({ source }) => isCardData(source.data),
      getAllowedAxis: () => axis
    });
}
