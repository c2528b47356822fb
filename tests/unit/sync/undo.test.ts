import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  addCard,
  approveCard,
  archiveCard,
  gateBlocking,
  gateOnReturn,
  initBoard,
  moveCard,
  readBoard,
  readCard,
  type CardView,
  sendBackCard,
  setCardTitle
} from '#lib/board';
import { SERVER_ORIGIN } from '#lib/board/origin';
import { roots } from '#lib/board/schema';
import { BoardUndo } from '#lib/sync/undo.svelte';

const manager = { title: '市场部经理', level: 'manager' as const };

/** 方案 → 审批 (gated) → 执行 → 复盘, with 复盘 sending back to 执行. */
function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    title: 'Launch',
    stages: [
      { name: '方案' },
      { name: '审批', gate: { approvers: [manager] } },
      { name: '执行' },
      { name: '复盘', sendBackTo: 2 }
    ]
  });
  const [plan, review, run, retro] = readBoard(doc).stages.map((s) => s.id) as [
    string,
    string,
    string,
    string
  ];
  return { doc, plan, review, run, retro, undo: new BoardUndo(doc) };
}

const approval = { by: 'u-mia', name: 'Mia', at: 1, note: '' };
const card = (doc: Y.Doc, id: string): CardView | null => {
  const map = roots(doc).cards.get(id);
  return map ? readCard(id, map) : null;
};
const stageOf = (doc: Y.Doc, id: string) => card(doc, id)?.stageId;

/** A local move recorded as its own undo step, as the board view makes it. */
function move(undo: BoardUndo, doc: Y.Doc, cardId: string, to: string): void {
  const from = stageOf(doc, cardId) ?? to;
  undo.record(() => moveCard(doc, cardId, to, 0), { cardId, from, to });
}

describe('undo of a person’s own changes', () => {
  it('undoes and redoes a move, and never another person’s edit', () => {
    const { doc, plan, review, undo } = board();
    const id = addCard(doc, { stageId: plan, title: 'Poster' });
    move(undo, doc, id, review);
    // Someone else (the server, here) renames the card meanwhile.
    setCardTitle(doc, id, 'Poster v2', SERVER_ORIGIN);
    expect(undo.undo()).toBe(true);
    expect(stageOf(doc, id)).toBe(plan);
    expect(card(doc, id)?.title).toBe('Poster v2');
    expect(undo.canRedo).toBe(true);
    expect(undo.redo()).toBe(true);
    expect(stageOf(doc, id)).toBe(review);
  });

  it('brings an archived card back', () => {
    const { doc, plan, undo } = board();
    const id = addCard(doc, { stageId: plan, title: 'Poster' });
    undo.record(() => archiveCard(doc, id));
    undo.undo();
    expect(card(doc, id)?.archived).toBe(false);
  });

  it('refuses to undo a move back when that would carry the card past a gate it has not passed', () => {
    const { doc, review, run, retro, undo } = board();
    const id = addCard(doc, { stageId: review, title: 'Poster' });
    approveCard(doc, id, approval, SERVER_ORIGIN);
    moveCard(doc, id, run, 0, SERVER_ORIGIN);
    moveCard(doc, id, retro, 0, SERVER_ORIGIN);
    // A send-back starts round 1: 审批 is no longer signed for it.
    sendBackCard(doc, id, SERVER_ORIGIN);
    expect(gateOnReturn(doc, id, review)).toMatchObject({ stageId: review });
    move(undo, doc, id, review);
    expect(stageOf(doc, id)).toBe(review);
    expect(gateBlocking(doc, id, run)).toMatchObject({ stageId: review });
    let refusal: unknown;
    try {
      undo.undo();
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(BoardError);
    expect(refusal).toMatchObject({ code: 'gate-closed', stageId: review });
    // Nothing changed and the step is still there for when the gate opens.
    expect(stageOf(doc, id)).toBe(review);
    expect(undo.canUndo).toBe(true);
    approveCard(doc, id, approval, SERVER_ORIGIN);
    expect(undo.undo()).toBe(true);
    expect(stageOf(doc, id)).toBe(run);
  });

  it('leaves a card alone when someone else moved it since', () => {
    const { doc, plan, review, run, undo } = board();
    const id = addCard(doc, { stageId: plan, title: 'Poster' }, SERVER_ORIGIN);
    move(undo, doc, id, review);
    approveCard(doc, id, approval, SERVER_ORIGIN);
    moveCard(doc, id, run, 0, SERVER_ORIGIN);
    undo.undo();
    expect(stageOf(doc, id)).toBe(run);
  });

  it('refuses to redo adding a card, since a card id is never used twice', () => {
    const { doc, plan, undo } = board();
    const id = addCard(doc, { stageId: plan, title: 'Poster' });
    undo.undo();
    expect(card(doc, id)).toBeNull();
    expect(() => undo.redo()).toThrow(BoardError);
    expect(card(doc, id)).toBeNull();
  });
});

describe('the gate a refused move names', () => {
  it('is the closed gate on the way, not the stage the card stands in', () => {
    const { doc, plan, review, retro } = board();
    const id = addCard(doc, { stageId: plan, title: 'Poster' });
    expect(() => moveCard(doc, id, retro, 0)).toThrow(
      expect.objectContaining({ code: 'gate-closed', stageId: review })
    );
  });
});
