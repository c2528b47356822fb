import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  addCard,
  addCards,
  addStage,
  archiveCard,
  deleteCard,
  initBoard,
  moveCard,
  moveStage,
  readBoard,
  removeStage,
  renameBoard,
  renameStage,
  setCardTitle,
  isBoardOrigin
} from '#lib/board';

function board(stages = ['A', 'B', 'C']) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Launch', stages: stages.map((name) => ({ name })) });
  const ids = readBoard(doc).stages.map((s) => s.id);
  return { doc, ids };
}

const titles = (doc: Y.Doc, stageId: string) =>
  readBoard(doc)
    .columns.get(stageId)!
    .map((c) => c.title);

describe('board operations', () => {
  it('creates a board with its stages in order', () => {
    const { doc } = board();
    const view = readBoard(doc);
    expect(view.meta.title).toBe('Launch');
    expect(view.meta.schemaVersion).toBe(1);
    expect(view.stages.map((s) => s.name)).toEqual(['A', 'B', 'C']);
  });

  it('adds cards at the end or at an index and keeps their order', () => {
    const { doc, ids } = board();
    const [a] = ids as [string];
    addCard(doc, { stageId: a, title: 'one' });
    addCard(doc, { stageId: a, title: 'three' });
    addCard(doc, { stageId: a, title: 'two', index: 1 });
    addCard(doc, { stageId: a, title: 'zero', index: 0 });
    expect(titles(doc, a)).toEqual(['zero', 'one', 'two', 'three']);
  });

  it('moves a card within a column and across columns', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    const c1 = addCard(doc, { stageId: a, title: 'c1' });
    addCard(doc, { stageId: a, title: 'c2' });
    addCard(doc, { stageId: a, title: 'c3' });
    moveCard(doc, c1, a, 2);
    expect(titles(doc, a)).toEqual(['c2', 'c3', 'c1']);
    moveCard(doc, c1, b, 0);
    expect(titles(doc, a)).toEqual(['c2', 'c3']);
    expect(titles(doc, b)).toEqual(['c1']);
  });

  it('edits a title by changing only the differing characters', () => {
    const { doc, ids } = board();
    const id = addCard(doc, { stageId: ids[0]!, title: 'Poster draft' });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    setCardTitle(doc, id, 'Poster draft v2');
    const remoteCard = remote.getMap<Y.Map<unknown>>('cards').get(id)!;
    (remoteCard.get('title') as Y.Text).insert(0, 'Final ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    expect(readBoard(doc).columns.get(ids[0]!)![0]!.title).toBe('Final Poster draft v2');
    expect(readBoard(remote)).toEqual(readBoard(doc));
  });

  it('archives and restores a card without losing it', () => {
    const { doc, ids } = board();
    const id = addCard(doc, { stageId: ids[0]!, title: 'x' });
    archiveCard(doc, id);
    expect(titles(doc, ids[0]!)).toEqual([]);
    expect(readBoard(doc).archived.map((c) => c.id)).toEqual([id]);
    archiveCard(doc, id, false);
    expect(titles(doc, ids[0]!)).toEqual(['x']);
    deleteCard(doc, id);
    expect(readBoard(doc).archived).toEqual([]);
    expect(titles(doc, ids[0]!)).toEqual([]);
  });

  it('adds, renames, reorders and removes stages', () => {
    const { doc, ids } = board();
    const d = addStage(doc, { name: 'D', index: 1 });
    expect(readBoard(doc).stages.map((s) => s.name)).toEqual(['A', 'D', 'B', 'C']);
    renameStage(doc, d, '  Draft   review ');
    moveStage(doc, d, 3);
    expect(readBoard(doc).stages.map((s) => s.name)).toEqual(['A', 'B', 'C', 'Draft review']);
    removeStage(doc, ids[1]!);
    expect(readBoard(doc).stages.map((s) => s.name)).toEqual(['A', 'C', 'Draft review']);
  });

  it('refuses to remove a stage holding cards unless told where they go, then moves them all', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    addCard(doc, { stageId: b, title: 'b0' });
    addCard(doc, { stageId: a, title: 'a1' });
    const archived = addCard(doc, { stageId: a, title: 'a2' });
    archiveCard(doc, archived);
    expect(() => removeStage(doc, a)).toThrow(BoardError);
    removeStage(doc, a, { moveCardsTo: b });
    expect(titles(doc, b)).toEqual(['b0', 'a1']);
    expect(readBoard(doc).archived[0]!.stageId).toBe(b);
  });

  it('keeps the last stage', () => {
    const { doc, ids } = board(['Only']);
    expect(() => removeStage(doc, ids[0]!)).toThrow(/at least one stage/);
  });

  it('rejects empty or oversized names with a BoardError and changes nothing', () => {
    const { doc, ids } = board();
    const before = Y.encodeStateVector(doc);
    expect(() => addCard(doc, { stageId: ids[0]!, title: '   ' })).toThrow(BoardError);
    expect(() => addCard(doc, { stageId: ids[0]!, title: 'x'.repeat(501) })).toThrow(BoardError);
    expect(() => renameBoard(doc, '')).toThrow(BoardError);
    expect(() => addCard(doc, { stageId: 'nope', title: 'x' })).toThrow(/No stage/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('tags every operation with a typed origin', () => {
    const { doc, ids } = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    addCard(doc, { stageId: ids[0]!, title: 'x' });
    renameBoard(doc, 'Renamed', { source: 'server' });
    expect(origins).toEqual([{ source: 'local' }, { source: 'server' }]);
    expect(origins.every(isBoardOrigin)).toBe(true);
  });

  it('shows a card whose stage was removed concurrently in the first stage instead of losing it', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    const card = addCard(doc, { stageId: a, title: 'orphan' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    moveCard(doc, card, b, 0);
    removeStage(other, b);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(titles(doc, a)).toEqual(['orphan']);
    expect(readBoard(other)).toEqual(readBoard(doc));
  });

  it('appends many cards after the existing ones, in order, as one transaction, or writes nothing', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    addCard(doc, { stageId: a, title: 'first' });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const added = addCards(doc, a, ['one', ' two ', 'three'], { source: 'server', reason: 'fixture' });
    expect(origins).toEqual([{ source: 'server', reason: 'fixture' }]);
    expect(titles(doc, a)).toEqual(['first', 'one', 'two', 'three']);
    expect(
      readBoard(doc)
        .columns.get(a)!
        .map((c) => c.id)
    ).toEqual([expect.any(String), ...added]);
    expect(new Set(added).size).toBe(3);
    addCard(doc, { stageId: a, title: 'last' });
    expect(titles(doc, a).at(-1)).toBe('last');

    const before = Y.encodeStateVector(doc);
    expect(() => addCards(doc, b, ['fine', '   '])).toThrow(BoardError);
    expect(() => addCards(doc, 'nope', ['x'])).toThrow(/No stage/);
    expect(addCards(doc, b, [])).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
