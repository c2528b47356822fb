/**
 * Drag state of one board view, shared by mouse/touch dragging (pragmatic-drag-and-drop) and
 * the keyboard mover. It writes nothing to the document until a drop: then one moveCard.
 */
import type { CardView } from '$lib/board';

/** Where a dragged card would land: before `beforeId` in `stageId`, or at the end when null. */
export interface DropSpot {
  stageId: string;
  beforeId: string | null;
}

export interface KeyboardLift {
  cardId: string;
  fromStageId: string;
  stageIndex: number;
  /** Position among the target column's cards, counted without the lifted card. */
  index: number;
}

/** The index a drop spot stands for, counted without the moving card (what moveCard takes). */
export function spotIndex(column: readonly CardView[], cardId: string, spot: DropSpot): number {
  const others = column.filter((c) => c.id !== cardId);
  if (spot.beforeId === null) return others.length;
  const i = others.findIndex((c) => c.id === spot.beforeId);
  return i < 0 ? others.length : i;
}

/** The drop spot for an index among the column's other cards. */
export function spotAt(
  column: readonly CardView[],
  cardId: string,
  stageId: string,
  index: number
): DropSpot {
  const others = column.filter((c) => c.id !== cardId);
  return { stageId, beforeId: others[index]?.id ?? null };
}

export class BoardDnd {
  /** Card being moved by this client (any input), or null. */
  dragging = $state<string | null>(null);
  spot = $state<DropSpot | null>(null);
  keyboard = $state<KeyboardLift | null>(null);
  /** Text for the screen-reader live region. */
  announcement = $state('');

  clear(): void {
    this.dragging = null;
    this.spot = null;
    this.keyboard = null;
  }
}
