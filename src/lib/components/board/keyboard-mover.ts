/**
 * Moving a card with the keyboard alone: Space lifts, arrows move, Space or Enter drops, Escape
 * cancels. Pure functions over the board's current views, so they are unit-testable.
 */
import type { CardView, StageView } from '$lib/board';
import type { KeyboardLift } from './board-dnd.svelte';

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** The lift that starts from a card's current place. */
export function liftFrom(
  stages: readonly StageView[],
  column: (stageId: string) => readonly CardView[],
  cardId: string,
  stageId: string
): KeyboardLift | null {
  const stageIndex = stages.findIndex((s) => s.id === stageId);
  const index = column(stageId).findIndex((c) => c.id === cardId);
  if (stageIndex < 0 || index < 0) return null;
  return { cardId, fromStageId: stageId, stageIndex, index };
}

/** The lift after one arrow key; positions are clamped to the board's edges. */
export function step(
  lift: KeyboardLift,
  key: MoveKey,
  stages: readonly StageView[],
  column: (stageId: string) => readonly CardView[]
): KeyboardLift {
  const othersIn = (i: number) => {
    const stage = stages[i];
    return stage ? column(stage.id).filter((c) => c.id !== lift.cardId).length : 0;
  };
  if (key === 'ArrowUp') return { ...lift, index: Math.max(0, lift.index - 1) };
  if (key === 'ArrowDown') return { ...lift, index: Math.min(othersIn(lift.stageIndex), lift.index + 1) };
  const stageIndex = Math.max(
    0,
    Math.min(stages.length - 1, lift.stageIndex + (key === 'ArrowLeft' ? -1 : 1))
  );
  if (stageIndex === lift.stageIndex) return lift;
  return { ...lift, stageIndex, index: Math.min(lift.index, othersIn(stageIndex)) };
}
