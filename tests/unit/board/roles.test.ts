/**
 * Process roles (src/lib/board/roles.ts): a card entering a stage is handed to the stage's owners
 * by its rule, in the move's own transaction (one undo takes back both); a stage may keep moving
 * out to its owners and managers; an approver naming a role is signed by that role's people.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  SERVER_ORIGIN,
  addCard,
  initBoard,
  maySign,
  maySignGate,
  mayMoveOut,
  moveCard,
  readBoard,
  readCard,
  readRoleList,
  removeRole,
  assignCard,
  setRole,
  setStageRules,
  type Gate,
  type Handoff
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { BoardUndo } from '#lib/sync/undo.svelte';

const DESIGNERS = ['u-dana', 'u-dora'];

/** 需求 → 设计 (owned by 设计部, by `handoff`, `exit`) → 审核. */
function board(handoff: Handoff = 'add', exit: 'anyone' | 'owners' = 'anyone') {
  const doc = new Y.Doc();
  initBoard(doc, {
    title: 'Poster',
    roles: { design: { name: '设计部', alt: 'Design', people: DESIGNERS } },
    stages: [{ name: '需求' }, { name: '设计', owner: { role: 'design', handoff, exit } }, { name: '审核' }]
  });
  const [brief, design, review] = readBoard(doc).stages.map((s) => s.id) as [string, string, string];
  return { doc, brief, design, review };
}

const assignees = (doc: Y.Doc, id: string) => {
  const map = roots(doc).cards.get(id);
  return map ? [...readCard(id, map).assignees].sort() : [];
};

describe('handing a card to the owners of the stage it enters', () => {
  it('adds the owners to whoever was on the card', () => {
    const { doc, brief, design } = board('add');
    const id = addCard(doc, { stageId: brief, title: 'Poster' });
    assignCard(doc, id, 'u-mia', true);
    moveCard(doc, id, design, 0);
    expect(assignees(doc, id)).toEqual(['u-dana', 'u-dora', 'u-mia']);
  });

  it('replaces whoever was on the card with the owners', () => {
    const { doc, brief, design } = board('replace');
    const id = addCard(doc, { stageId: brief, title: 'Poster' });
    assignCard(doc, id, 'u-mia', true);
    moveCard(doc, id, design, 0);
    expect(assignees(doc, id)).toEqual(DESIGNERS);
  });

  it('keeps the assignees as they are under the rule keep, and when nobody holds the role', () => {
    const kept = board('keep');
    const id = addCard(kept.doc, { stageId: kept.brief, title: 'Poster' });
    assignCard(kept.doc, id, 'u-mia', true);
    moveCard(kept.doc, id, kept.design, 0);
    expect(assignees(kept.doc, id)).toEqual(['u-mia']);

    const empty = board('replace');
    setRole(empty.doc, 'design', { name: '设计部', people: [] });
    const other = addCard(empty.doc, { stageId: empty.brief, title: 'Flyer' });
    assignCard(empty.doc, other, 'u-mia', true);
    moveCard(empty.doc, other, empty.design, 0);
    expect(assignees(empty.doc, other)).toEqual(['u-mia']);
  });

  it('hands off in the move’s transaction, so one undo takes back the move and the hand-off', () => {
    const { doc, brief, design } = board('replace');
    const undo = new BoardUndo(doc);
    const id = addCard(doc, { stageId: brief, title: 'Poster' }, SERVER_ORIGIN);
    assignCard(doc, id, 'u-mia', true, SERVER_ORIGIN);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    undo.record(() => moveCard(doc, id, design, 0), { cardId: id, from: brief, to: design });
    expect(transactions).toBe(1);
    expect(assignees(doc, id)).toEqual(DESIGNERS);
    undo.undo();
    expect(readCard(id, roots(doc).cards.get(id)!).stageId).toBe(brief);
    expect(assignees(doc, id)).toEqual(['u-mia']);
  });

  it('does not hand off when the card only changes place within its stage', () => {
    const { doc, design } = board('add');
    const id = addCard(doc, { stageId: design, title: 'Poster' });
    moveCard(doc, id, design, 0);
    expect(assignees(doc, id)).toEqual([]);
  });
});

describe('who may move a card out of a stage', () => {
  it('lets anyone who moves cards out of a stage that keeps nothing to its owners', () => {
    const { doc, design } = board('add', 'anyone');
    expect(mayMoveOut(doc, design, 'u-eli', 'editor')).toBe(true);
    expect(mayMoveOut(doc, design, 'u-eli', 'commenter')).toBe(false);
  });

  it('keeps it to the owners and managers when the stage says so, and the move op refuses others', () => {
    const { doc, design, review } = board('add', 'owners');
    expect(mayMoveOut(doc, design, 'u-eli', 'editor')).toBe(false);
    expect(mayMoveOut(doc, design, 'u-dana', 'editor')).toBe(true);
    expect(mayMoveOut(doc, design, 'u-max', 'manager')).toBe(true);
    const id = addCard(doc, { stageId: design, title: 'Poster' });
    const refused = (() => {
      try {
        moveCard(doc, id, review, 0, undefined, { userId: 'u-eli', role: 'editor' });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(BoardError);
    expect(refused).toMatchObject({ code: 'exit-restricted', stageId: design });
    moveCard(doc, id, review, 0, undefined, { userId: 'u-dana', role: 'editor' });
    expect(readCard(id, roots(doc).cards.get(id)!).stageId).toBe(review);
  });

  it('refuses an undo that would move a card out of a stage the person may not leave', () => {
    const { doc, brief, design } = board('keep', 'owners');
    const undo = new BoardUndo(doc, () => ({ userId: 'u-eli', role: 'editor' }));
    const id = addCard(doc, { stageId: brief, title: 'Poster' }, SERVER_ORIGIN);
    undo.record(() => moveCard(doc, id, design, 0), { cardId: id, from: brief, to: design });
    expect(() => undo.undo()).toThrow(BoardError);
    expect(readCard(id, roots(doc).cards.get(id)!).stageId).toBe(design);
  });
});

describe('who signs an approver', () => {
  const gate = (role?: string): Gate => ({
    approvers: [{ title: '设计总监', level: 'director', ...(role ? { role } : {}) }]
  });

  it('falls back to the board role when the approver names no role or nobody holds it', () => {
    const { doc } = board();
    expect(maySignGate(doc, gate(), 'u-max', 'manager')).toBe(true);
    expect(maySignGate(doc, gate(), 'u-eli', 'editor')).toBe(false);
    setRole(doc, 'director', { name: '设计总监', people: [] });
    expect(maySignGate(doc, gate('director'), 'u-max', 'manager')).toBe(true);
    expect(maySignGate(doc, gate('director'), 'u-dana', 'editor')).toBe(false);
  });

  it('lets the role’s people sign, whatever their board role, and nobody else', () => {
    const { doc } = board();
    const g = gate('design');
    expect(maySign(doc, g.approvers[0]!, 'u-dana', 'editor')).toBe(true);
    expect(maySign(doc, g.approvers[0]!, 'u-max', 'manager')).toBe(false);
    expect(maySign(doc, g.approvers[0]!, 'u-dana', null)).toBe(false);
    removeRole(doc, 'design');
    expect(maySign(doc, g.approvers[0]!, 'u-max', 'manager')).toBe(true);
  });
});

describe('the board’s roles', () => {
  it('are listed by key, cleaned, and refused when unusable', () => {
    const { doc } = board();
    setRole(doc, 'finance', { name: ' 财务 ', people: ['u-fay', 'u-fay'] });
    expect(readRoleList(doc)).toEqual([
      { key: 'design', name: '设计部', alt: 'Design', people: DESIGNERS },
      { key: 'finance', name: '财务', people: ['u-fay'] }
    ]);
    expect(() => setRole(doc, 'bad key', { name: 'x', people: [] })).toThrow(BoardError);
    expect(() => setRole(doc, 'ok', { name: '', people: [] })).toThrow(BoardError);
  });

  it('a stage names its owner through the stage rules, and clears it', () => {
    const { doc, review } = board();
    setStageRules(doc, review, { owner: { role: 'design', handoff: 'replace', exit: 'owners' } });
    expect(readBoard(doc).stages.find((s) => s.id === review)?.owner).toEqual({
      role: 'design',
      handoff: 'replace',
      exit: 'owners'
    });
    setStageRules(doc, review, { owner: null });
    expect(readBoard(doc).stages.find((s) => s.id === review)?.owner).toBeNull();
  });
});
