import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addChecklistItem,
  addLabel,
  assignCard,
  BoardError,
  cardDescription,
  editChecklistItem,
  existingDescription,
  initBoard,
  LIMITS,
  moveChecklistItem,
  readBoard,
  readCardDetail,
  readLabels,
  removeLabel,
  setCardDescription,
  setCardLabel,
  setCardStartDate,
  setCardTitle,
  setChecklistItemAssignee,
  setChecklistItemDone,
  setChecklistItemDue,
  typeCardTitle,
  updateLabel
} from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';

function boardWithCard() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Launch', stages: [{ name: 'Draft' }, { name: 'Done' }] });
  const stageId = readBoard(doc).stages[0]!.id;
  const cardId = addCard(doc, { stageId, title: 'Poster' });
  return { doc, stageId, cardId };
}

/** Two replicas of one board that exchange updates only when told to (as peers on a slow link). */
function pair() {
  const { doc: a, cardId } = boardWithCard();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, cardId, sync };
}

const detail = (doc: Y.Doc, cardId: string) => readCardDetail(cardId, roots(doc).cards.get(cardId)!);

describe('card description', () => {
  it('keeps both people’s words when they type into the same description at once', () => {
    const { a, b, cardId, sync } = pair();
    setCardDescription(a, cardId, 'Brief: red poster');
    sync();
    setCardDescription(a, cardId, 'Brief: big red poster');
    setCardDescription(b, cardId, 'Brief: red poster, A2');
    sync();
    expect(detail(a, cardId).description).toBe('Brief: big red poster, A2');
    expect(detail(b, cardId).description).toBe(detail(a, cardId).description);
  });

  it('refuses a description over the limit and leaves the old one', () => {
    const { doc, cardId } = boardWithCard();
    setCardDescription(doc, cardId, 'ok');
    expect(() => setCardDescription(doc, cardId, 'x'.repeat(20_001))).toThrow(BoardError);
    expect(detail(doc, cardId).description).toBe('ok');
  });

  it('gives a card made before live descriptions one on first edit, keeping its old text', () => {
    const { doc, cardId } = boardWithCard();
    const card = roots(doc).cards.get(cardId)!;
    card.set(CardKey.description, 'plain old text');
    expect(existingDescription(doc, cardId)).toBeNull();
    expect(cardDescription(doc, cardId).toString()).toBe('plain old text');
    expect(existingDescription(doc, cardId)).toBeInstanceOf(Y.Text);
  });
});

describe('assignees', () => {
  it('keeps both assignments made at the same time on a new card', () => {
    const { a, b, cardId, sync } = pair();
    assignCard(a, cardId, 'user-a');
    assignCard(b, cardId, 'user-b');
    sync();
    expect(detail(a, cardId).assignees).toEqual(['user-a', 'user-b']);
    assignCard(b, cardId, 'user-a', false);
    sync();
    expect(detail(a, cardId).assignees).toEqual(['user-b']);
  });

  it('refuses a twenty-first assignee', () => {
    const { doc, cardId } = boardWithCard();
    for (let i = 0; i < 20; i++) assignCard(doc, cardId, `u${i}`);
    expect(() => assignCard(doc, cardId, 'one-more')).toThrow(BoardError);
    expect(detail(doc, cardId).assignees).toHaveLength(20);
  });
});

describe('labels', () => {
  it('puts board labels on cards, renames them everywhere, and drops removed ones from views', () => {
    const { doc, cardId } = boardWithCard();
    const urgent = addLabel(doc, { name: 'Urgent', color: 'red' });
    const print = addLabel(doc, { name: 'Print', color: 'blue' });
    setCardLabel(doc, cardId, urgent);
    setCardLabel(doc, cardId, print);
    expect(detail(doc, cardId).labels).toEqual([urgent, print].sort());
    updateLabel(doc, urgent, { name: '加急', color: 'orange' });
    expect(readLabels(doc).find((l) => l.id === urgent)).toMatchObject({ name: '加急', color: 'orange' });
    removeLabel(doc, print);
    expect(readLabels(doc).map((l) => l.id)).toEqual([urgent]);
    // The card still names the removed label; the board no longer has it, so nothing shows it.
    setCardLabel(doc, cardId, urgent, false);
    expect(detail(doc, cardId).labels).toEqual([print]);
  });

  it('refuses an unknown colour, a long name and a label the board does not have', () => {
    const { doc, cardId } = boardWithCard();
    expect(() => addLabel(doc, { name: 'x', color: 'magenta' })).toThrow(BoardError);
    expect(() => addLabel(doc, { name: 'x'.repeat(41), color: 'red' })).toThrow(BoardError);
    expect(() => setCardLabel(doc, cardId, 'nope')).toThrow(BoardError);
    expect(readLabels(doc)).toEqual([]);
  });
});

describe('start date', () => {
  it('sets and clears a start date and refuses a malformed one', () => {
    const { doc, cardId } = boardWithCard();
    setCardStartDate(doc, cardId, '2026-11-23');
    expect(detail(doc, cardId).startDate).toBe('2026-11-23');
    expect(() => setCardStartDate(doc, cardId, '23/11/2026')).toThrow(BoardError);
    setCardStartDate(doc, cardId, null);
    expect(detail(doc, cardId).startDate).toBeNull();
  });
});

describe('card title typed live', () => {
  it('keeps spaces as typed, merges two people typing, and is tidied when editing ends', () => {
    const { a, b, cardId, sync } = pair();
    typeCardTitle(a, cardId, 'Red Poster');
    typeCardTitle(b, cardId, 'Poster ');
    sync();
    expect(detail(a, cardId).title).toBe('Red Poster ');
    typeCardTitle(b, cardId, 'Red Poster A2');
    sync();
    setCardTitle(a, cardId, '  Red   Poster A2 ');
    sync();
    expect([detail(a, cardId).title, detail(b, cardId).title]).toEqual(['Red Poster A2', 'Red Poster A2']);
  });

  it('refuses an empty title, a second line or one past the limit, and writes nothing', () => {
    const { doc, cardId } = boardWithCard();
    for (const bad of ['   ', 'one\ntwo', 'x'.repeat(LIMITS.cardTitle + 1)]) {
      expect(() => typeCardTitle(doc, cardId, bad)).toThrow(BoardError);
    }
    expect(detail(doc, cardId).title).toBe('Poster');
  });
});

describe('checklist items', () => {
  const texts = (doc: Y.Doc, cardId: string) => detail(doc, cardId).checklist.map((i) => i.text);

  it('rewording and ticking the same item at once keeps both', () => {
    const { a, b, cardId, sync } = pair();
    const id = addChecklistItem(a, cardId, 'Book venue');
    sync();
    editChecklistItem(a, cardId, id, 'Book venue (300 seats)');
    setChecklistItemDone(b, cardId, id, true);
    sync();
    expect(detail(a, cardId).checklist[0]).toMatchObject({ text: 'Book venue (300 seats)', done: true });
    expect(detail(b, cardId).checklist).toEqual(detail(a, cardId).checklist);
  });

  it('moves an item to any position', () => {
    const { doc, cardId } = boardWithCard();
    const [x, , z] = ['x', 'y', 'z'].map((t) => addChecklistItem(doc, cardId, t));
    moveChecklistItem(doc, cardId, z!, { index: 0 });
    expect(texts(doc, cardId)).toEqual(['z', 'x', 'y']);
    moveChecklistItem(doc, cardId, x!, { index: 2 });
    expect(texts(doc, cardId)).toEqual(['z', 'y', 'x']);
  });

  it('gives an item its own assignee and due date, and refuses bad ones', () => {
    const { doc, cardId } = boardWithCard();
    const id = addChecklistItem(doc, cardId, 'Print badges');
    setChecklistItemAssignee(doc, cardId, id, 'user-1');
    setChecklistItemDue(doc, cardId, id, '2026-12-01');
    expect(detail(doc, cardId).checklist[0]).toMatchObject({ assignee: 'user-1', due: '2026-12-01' });
    expect(() => setChecklistItemDue(doc, cardId, id, 'soon')).toThrow(BoardError);
    expect(() => editChecklistItem(doc, cardId, id, '   ')).toThrow(BoardError);
    setChecklistItemAssignee(doc, cardId, id, null);
    setChecklistItemDue(doc, cardId, id, null);
    expect(detail(doc, cardId).checklist[0]).toMatchObject({
      text: 'Print badges',
      assignee: null,
      due: null
    });
  });
});
