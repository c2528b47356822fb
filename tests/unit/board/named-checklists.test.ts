import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  LIMITS,
  addCard,
  addChecklist,
  addChecklistItem,
  checklistDropIndex,
  groupAccepts,
  groupChecklist,
  initBoard,
  moveChecklist,
  moveChecklistItem,
  readBoard,
  readCardDetail,
  removeChecklist,
  removeStage,
  renameChecklist,
  setChecklistItemDone,
  type ChecklistGroup
} from '#lib/board';
import { roots } from '#lib/board/schema';

/** A card in a stage that gives it two items, on a replica pair that syncs when told to. */
function setup() {
  const a = new Y.Doc();
  initBoard(a, {
    title: 'Expo',
    stages: [
      {
        name: 'Venue',
        checklist: [
          { key: 'c0', text: 'Book hall' },
          { key: 'c1', text: 'Sign contract' }
        ]
      },
      { name: 'Done' }
    ]
  });
  const stageId = readBoard(a).stages[0]!.id;
  const cardId = addCard(a, { stageId, title: 'Autumn expo' });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync, stageId, cardId };
}

const detail = (doc: Y.Doc, id: string) => readCardDetail(id, roots(doc).cards.get(id)!);
const groups = (doc: Y.Doc, id: string) => {
  const card = detail(doc, id);
  return groupChecklist(card.checklist, card.checklists, readBoard(doc).stages);
};
/** Each group as "heading: item, item". */
const outline = (doc: Y.Doc, id: string) =>
  groups(doc, id).map((g) => `${headingOf(g)}: ${g.items.map((i) => i.text).join(', ')}`);
const headingOf = (g: ChecklistGroup) =>
  g.kind === 'stage' ? g.stage.name : g.kind === 'list' ? g.list.title : 'by hand';

describe('named checklists', () => {
  it('groups the stage’s items, then named lists in order (empty ones too), then items by hand', () => {
    const { a, cardId } = setup();
    const print = addChecklist(a, cardId, 'Print');
    addChecklist(a, cardId, 'Guests');
    addChecklistItem(a, cardId, 'Badges', print);
    addChecklistItem(a, cardId, 'Call the caterer');
    expect(outline(a, cardId)).toEqual([
      'Venue: Book hall, Sign contract',
      'Print: Badges',
      'Guests: ',
      'by hand: Call the caterer'
    ]);
    expect(detail(a, cardId)).toMatchObject({ checklistTotal: 4 });
  });

  it('renames a list, refuses blank or unknown ones, and caps how many a card holds', () => {
    const { a, cardId } = setup();
    const list = addChecklist(a, cardId, 'Print');
    renameChecklist(a, cardId, list, '  Print shop  ');
    expect(detail(a, cardId).checklists.map((l) => l.title)).toEqual(['Print shop']);
    expect(() => renameChecklist(a, cardId, list, '   ')).toThrow(BoardError);
    expect(() => addChecklistItem(a, cardId, 'Flyers', 'no-such-list')).toThrow(/No checklist/);
    expect(() => addChecklist(a, cardId, 'x'.repeat(LIMITS.checklistTitle + 1))).toThrow(BoardError);
    for (let i = detail(a, cardId).checklists.length; i < LIMITS.checklists; i++)
      addChecklist(a, cardId, `L${i}`);
    expect(() => addChecklist(a, cardId, 'One too many')).toThrow(/at most 20 checklists/);
  });

  it('moves a list among the others, keeping a rename and an item added meanwhile', () => {
    const { a, b, sync, cardId } = setup();
    const print = addChecklist(a, cardId, 'Print');
    addChecklist(a, cardId, 'Guests');
    const venue = addChecklist(a, cardId, 'Venue');
    sync();
    moveChecklist(a, cardId, venue, 0);
    renameChecklist(b, cardId, venue, 'Hall');
    addChecklistItem(b, cardId, 'Chairs', venue);
    sync();
    const titles = (doc: Y.Doc) => detail(doc, cardId).checklists.map((l) => l.title);
    for (const doc of [a, b]) expect(titles(doc)).toEqual(['Hall', 'Print', 'Guests']);
    expect(outline(a, cardId)).toContain('Hall: Chairs');
    moveChecklist(a, cardId, print, 2);
    expect(titles(a)).toEqual(['Hall', 'Guests', 'Print']);
    // An index past the end means last; an unknown list is refused.
    moveChecklist(a, cardId, venue, 99);
    expect(titles(a)).toEqual(['Guests', 'Print', 'Hall']);
    expect(() => moveChecklist(a, cardId, 'no-such-list', 0)).toThrow(/No checklist/);
  });

  it('removing a list removes its items and nothing else', () => {
    const { a, cardId } = setup();
    const list = addChecklist(a, cardId, 'Print');
    addChecklistItem(a, cardId, 'Badges', list);
    addChecklistItem(a, cardId, 'Call the caterer');
    removeChecklist(a, cardId, list);
    expect(outline(a, cardId)).toEqual(['Venue: Book hall, Sign contract', 'by hand: Call the caterer']);
    expect(() => removeChecklist(a, cardId, list)).toThrow(BoardError);
  });

  it('moves an item into a list and home again, keeping a tick made meanwhile', () => {
    const { a, b, sync, cardId } = setup();
    const list = addChecklist(a, cardId, 'Print');
    sync();
    const hall = detail(a, cardId).checklist[0]!;
    moveChecklistItem(a, cardId, hall.id, { index: 0, list });
    setChecklistItemDone(b, cardId, hall.id, true);
    sync();
    for (const doc of [a, b])
      expect(outline(doc, cardId)).toEqual(['Venue: Sign contract', 'Print: Book hall']);
    expect(detail(b, cardId).checklist.find((i) => i.id === hall.id)!.done).toBe(true);
    moveChecklistItem(a, cardId, hall.id, { index: 0, list: null });
    expect(outline(a, cardId)).toEqual(['Venue: Book hall, Sign contract', 'Print: ']);
  });

  it('an item added to a list someone removes at the same moment goes home instead of vanishing', () => {
    const { a, b, sync, cardId } = setup();
    const list = addChecklist(a, cardId, 'Print');
    sync();
    removeChecklist(a, cardId, list);
    addChecklistItem(b, cardId, 'Flyers', list);
    sync();
    for (const doc of [a, b]) expect(outline(doc, cardId).at(-1)).toBe('by hand: Flyers');
  });

  it('two people making a list on the same new card at once both keep theirs', () => {
    const { a, b, sync, cardId } = setup();
    addChecklist(a, cardId, 'Print');
    addChecklist(b, cardId, 'Guests');
    sync();
    expect(
      detail(a, cardId)
        .checklists.map((l) => l.title)
        .sort()
    ).toEqual(['Guests', 'Print']);
  });

  it('a seeded item whose stage is removed shows with the items added by hand', () => {
    const { a, stageId, cardId } = setup();
    const done = readBoard(a).stages[1]!.id;
    removeStage(a, stageId, { moveCardsTo: done });
    expect(outline(a, cardId)).toEqual(['by hand: Book hall, Sign contract']);
  });
});

describe('dropping an item', () => {
  it('a list takes any item; a stage heading or “by hand” takes only its own', () => {
    const { a, cardId } = setup();
    const list = addChecklist(a, cardId, 'Print');
    const own = addChecklistItem(a, cardId, 'Call the caterer');
    const card = detail(a, cardId);
    const stages = readBoard(a).stages;
    const [venue, print, byHand] = groupChecklist(card.checklist, card.checklists, stages);
    const hall = card.checklist[0]!;
    const caterer = card.checklist.find((i) => i.id === own)!;
    expect([venue, print, byHand].map((g) => groupAccepts(g!, hall, stages))).toEqual([true, true, false]);
    expect([venue, print, byHand].map((g) => groupAccepts(g!, caterer, stages))).toEqual([false, true, true]);
    expect(print!.kind === 'list' && print!.list.id).toBe(list);
  });

  it('turns a place in a group into the index among the card’s other items', () => {
    const { a, cardId } = setup();
    const list = addChecklist(a, cardId, 'Print');
    addChecklistItem(a, cardId, 'Badges', list);
    addChecklistItem(a, cardId, 'Call the caterer');
    addChecklistItem(a, cardId, 'Flyers', list);
    const place = (itemText: string, groupIndex: number, beforeText: string | null) => {
      const card = detail(a, cardId);
      const group = groups(a, cardId)[groupIndex]!;
      const item = card.checklist.find((i) => i.text === itemText)!;
      const before = beforeText === null ? null : card.checklist.find((i) => i.text === beforeText)!.id;
      const index = checklistDropIndex(card.checklist, item.id, group, before);
      moveChecklistItem(a, cardId, item.id, { index, list: group.kind === 'list' ? group.list.id : null });
    };
    // Card order: Book hall, Sign contract, Badges, Call the caterer, Flyers.
    place('Flyers', 1, 'Badges');
    expect(outline(a, cardId)[1]).toBe('Print: Flyers, Badges');
    place('Flyers', 1, null);
    expect(outline(a, cardId)[1]).toBe('Print: Badges, Flyers');
    place('Sign contract', 1, null);
    expect(outline(a, cardId)).toEqual([
      'Venue: Book hall',
      'Print: Badges, Flyers, Sign contract',
      'by hand: Call the caterer'
    ]);
  });

  it('an item dropped into an empty list lands there', () => {
    const { a, cardId } = setup();
    addChecklist(a, cardId, 'Empty');
    const card = detail(a, cardId);
    const [, empty] = groups(a, cardId);
    const hall = card.checklist[0]!;
    const index = checklistDropIndex(card.checklist, hall.id, empty!, null);
    expect(index).toBe(card.checklist.length - 1);
    moveChecklistItem(a, cardId, hall.id, { index, list: empty!.kind === 'list' ? empty!.list.id : null });
    expect(outline(a, cardId)).toEqual(['Venue: Sign contract', 'Empty: Book hall']);
  });
});
