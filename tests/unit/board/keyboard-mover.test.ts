import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, initBoard, moveCard, readBoard, type CardView, type StageView } from '#lib/board';
import {
  BoardDnd,
  spotAt,
  spotIndex,
  type DropSpot,
  type KeyboardLift
} from '#lib/components/board/board-dnd.svelte';
import { liftFrom, step, type MoveKey } from '#lib/components/board/keyboard-mover';

/** A board whose columns hold `sizes[i]` cards titled `<stage>-<n>`. */
function board(sizes: number[]) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Keys', stages: sizes.map((_, i) => ({ name: `S${i}` })) });
  const stageIds = readBoard(doc).stages.map((s) => s.id);
  sizes.forEach((size, i) => {
    for (let n = 0; n < size; n++) addCard(doc, { stageId: stageIds[i]!, title: `S${i}-${n}` });
  });
  return view(doc);
}

function view(doc: Y.Doc) {
  const current = readBoard(doc);
  const stages: readonly StageView[] = current.stages;
  const column = (stageId: string): readonly CardView[] => current.columns.get(stageId) ?? [];
  const cardAt = (stage: number, index: number): CardView => column(stages[stage]!.id)[index]!;
  return { doc, stages, column, cardAt };
}

function liftCard(b: ReturnType<typeof board>, stage: number, index: number): KeyboardLift {
  const card = b.cardAt(stage, index);
  const lift = liftFrom(b.stages, b.column, card.id, card.stageId);
  if (!lift) throw new Error('card did not lift');
  return lift;
}

function press(b: ReturnType<typeof board>, lift: KeyboardLift, ...keys: MoveKey[]): KeyboardLift {
  return keys.reduce((current, key) => step(current, key, b.stages, b.column), lift);
}

describe('keyboard mover', () => {
  it('lifts a card from where it stands', () => {
    const b = board([2, 3]);
    const card = b.cardAt(1, 2);
    expect(liftFrom(b.stages, b.column, card.id, card.stageId)).toEqual({
      cardId: card.id,
      fromStageId: card.stageId,
      stageIndex: 1,
      index: 2
    });
  });

  it('refuses to lift a card that is not in the named column, or from a stage that does not exist', () => {
    const b = board([2, 3]);
    const card = b.cardAt(0, 0);
    expect(liftFrom(b.stages, b.column, card.id, b.stages[1]!.id)).toBeNull();
    expect(liftFrom(b.stages, b.column, card.id, 'no-such-stage')).toBeNull();
    expect(liftFrom(b.stages, b.column, 'no-such-card', card.stageId)).toBeNull();
  });

  it('moves up and down within the column and stops at its top and bottom', () => {
    const b = board([4]);
    const lift = liftCard(b, 0, 1);
    expect(press(b, lift, 'ArrowUp').index).toBe(0);
    expect(press(b, lift, 'ArrowUp', 'ArrowUp', 'ArrowUp').index).toBe(0);
    expect(press(b, lift, 'ArrowDown').index).toBe(2);
    // Three other cards, so the last place is index 3 (after all of them), whatever else is pressed.
    expect(press(b, lift, 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown').index).toBe(3);
    expect(press(b, lift, 'ArrowDown', 'ArrowDown').stageIndex).toBe(0);
  });

  it('stays put at the left and right edges of the board', () => {
    const b = board([2, 2, 2]);
    const left = liftCard(b, 0, 1);
    expect(press(b, left, 'ArrowLeft')).toBe(left);
    const right = liftCard(b, 2, 0);
    expect(press(b, right, 'ArrowRight')).toBe(right);
    expect(press(b, left, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight').stageIndex).toBe(2);
  });

  it('clamps the position to the length of a shorter column it moves into, and keeps it in a longer one', () => {
    const b = board([5, 1, 0, 6, 4]);
    const lift = liftCard(b, 0, 4);
    const intoOne = press(b, lift, 'ArrowRight');
    expect(intoOne).toEqual({ ...lift, stageIndex: 1, index: 1 });
    expect(press(b, intoOne, 'ArrowRight')).toMatchObject({ stageIndex: 2, index: 0 });
    const high = liftCard(b, 3, 3);
    expect(press(b, high, 'ArrowRight')).toMatchObject({ stageIndex: 4, index: 3 });
    expect(press(b, high, 'ArrowLeft')).toMatchObject({ stageIndex: 2, index: 0 });
    // The clamp is not undone on the way on: the place is where the card now stands.
    expect(press(b, high, 'ArrowLeft', 'ArrowLeft', 'ArrowLeft')).toMatchObject({ stageIndex: 0, index: 0 });
  });

  it('counts the home column without the lifted card when coming back to it', () => {
    const b = board([3, 0]);
    const lift = liftCard(b, 0, 2);
    const back = press(b, lift, 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowDown');
    expect(back).toMatchObject({ stageIndex: 0, index: 2 });
  });

  it('drops the card where the lift points when the drop goes through moveCard', () => {
    const b = board([3, 2]);
    const card = b.cardAt(0, 0);
    const lift = press(b, liftCard(b, 0, 0), 'ArrowRight', 'ArrowDown');
    const stage = b.stages[lift.stageIndex]!;
    const spot = spotAt(b.column(stage.id), card.id, stage.id, lift.index);
    expect(spot).toEqual({ stageId: stage.id, beforeId: b.cardAt(1, 1).id });

    moveCard(b.doc, card.id, stage.id, spotIndex(b.column(stage.id), card.id, spot));
    const after = view(b.doc);
    expect(after.column(stage.id).map((c) => c.title)).toEqual(['S1-0', 'S0-0', 'S1-1']);
  });
});

describe('drop spots', () => {
  const b = board([4, 2]);
  const [home, other] = b.stages.map((s) => s.id) as [string, string];

  it('turn an index into a spot and back to the same index, in the home column and another', () => {
    const moving = b.cardAt(0, 1);
    for (const stageId of [home, other]) {
      const others = b.column(stageId).filter((c) => c.id !== moving.id);
      for (let index = 0; index <= others.length; index++) {
        const spot = spotAt(b.column(stageId), moving.id, stageId, index);
        expect(spotIndex(b.column(stageId), moving.id, spot)).toBe(index);
        expect(
          spotAt(b.column(stageId), moving.id, stageId, spotIndex(b.column(stageId), moving.id, spot))
        ).toEqual(spot);
      }
    }
  });

  it('place a card before the named neighbour, counting without the moving card', () => {
    const column = b.column(home);
    const moving = column[0]!;
    expect(spotIndex(column, moving.id, { stageId: home, beforeId: column[2]!.id })).toBe(1);
    expect(spotAt(column, moving.id, home, 0)).toEqual({ stageId: home, beforeId: column[1]!.id });
  });

  it('mean the end of the column when there is no neighbour or the neighbour is gone', () => {
    const column = b.column(other);
    const moving = b.cardAt(0, 0);
    const end: DropSpot = { stageId: other, beforeId: null };
    expect(spotAt(column, moving.id, other, column.length)).toEqual(end);
    expect(spotIndex(column, moving.id, end)).toBe(column.length);
    expect(spotIndex(column, moving.id, { stageId: other, beforeId: 'deleted-meanwhile' })).toBe(
      column.length
    );
  });
});

describe('drag state', () => {
  it('forgets the dragged card, the spot and the keyboard lift when cleared', () => {
    const dnd = new BoardDnd();
    dnd.dragging = 'card';
    dnd.spot = { stageId: 's', beforeId: null };
    dnd.keyboard = { cardId: 'card', fromStageId: 's', stageIndex: 0, index: 0 };
    dnd.announcement = 'Lifted';
    dnd.clear();
    expect([dnd.dragging, dnd.spot, dnd.keyboard]).toEqual([null, null, null]);
    expect(dnd.announcement).toBe('Lifted');
  });
});
