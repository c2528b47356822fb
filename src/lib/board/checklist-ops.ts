/**
 * Card checklists. Items are Y.Maps keyed by id inside the card, so two people ticking two items
 * (or one ticking while another renames) never overwrite each other.
 *
 * Seeding: a card entering a stage receives the stage's checklist once. The card remembers which
 * stages it has received (`seeded`), so a card sent back and coming forward again keeps the items
 * it has, ticks included, instead of getting a second copy. Seeded item ids are derived from the
 * stage and the item key, so two people moving the same card into a stage at the same moment
 * write the same items and their replicas converge on one copy.
 */
import * as Y from 'yjs';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { isIsoDate } from './dates';
import { compareRanked, isRank, rankAtIndex, rankOrLast, ranksBetween } from './rank';
import { checklistOf, namedChecklistsOf } from './checklist-read';
import { cleanChecklistSeeds } from './rules';
import {
  CardKey,
  ChecklistItemKey,
  LIMITS,
  NamedChecklistKey,
  StageKey,
  cardMap,
  childMap,
  roots,
  seededItemId,
  str,
  type CardMap
} from './schema';
import { cleanName, transact } from './transact';

/** The card's item map, created if an older card lacks one. Call inside a transaction. */
const itemsOf = (card: CardMap) => childMap<Y.Map<unknown>>(card, CardKey.checklist);

/** The greatest well-formed rank among a map's entries (items and named lists both keep one). */
function lastRank(entries: Y.Map<Y.Map<unknown>>): string | null {
  let last: { rank: string; id: string } | null = null;
  for (const [id, entry] of entries) {
    const rank = entry instanceof Y.Map ? str(entry, ChecklistItemKey.rank) : '';
    if (isRank(rank) && (!last || compareRanked(last, { rank, id }) < 0)) last = { rank, id };
  }
  return last?.rank ?? null;
}

/** The rank that puts entry `id` at `index` among the map's other entries, in their order. */
function rankAmongOthers(entries: Y.Map<Y.Map<unknown>>, id: string, index: number): string {
  const others: { id: string; rank: string }[] = [];
  entries.forEach((other, otherId) => {
    const rank = other instanceof Y.Map ? str(other, ChecklistItemKey.rank) : '';
    if (otherId !== id) others.push({ id: otherId, rank: rankOrLast(rank) });
  });
  return rankAtIndex(others.sort(compareRanked), index);
}

function makeItem(text: string, rank: string) {
  const item = new Y.Map<unknown>();
  item.set(ChecklistItemKey.text, text);
  item.set(ChecklistItemKey.done, false);
  item.set(ChecklistItemKey.rank, rank);
  return item;
}

/**
 * Gives a card the checklist of `stageId` unless it had it before. Must run inside the
 * transaction that puts the card into the stage.
 */
export function seedStageChecklist(doc: Y.Doc, card: CardMap, stageId: string): void {
  const stage = roots(doc).stages.get(stageId);
  if (!stage) return;
  const seen = childMap<boolean>(card, CardKey.seeded);
  if (seen.get(stageId) === true) return;
  seen.set(stageId, true);
  const seeds = cleanChecklistSeeds(stage.get(StageKey.checklist));
  if (seeds.length === 0) return;
  const items = itemsOf(card);
  const room = Math.max(0, LIMITS.checklistItems - items.size);
  const ranks = ranksBetween(lastRank(items), null, Math.min(room, seeds.length));
  seeds.slice(0, room).forEach((seed, i) => {
    const id = seededItemId(stageId, seed.key);
    if (!items.has(id)) items.set(id, makeItem(seed.text, ranks[i] as string));
  });
}

/** Ticks or unticks one item. */
export function setChecklistItemDone(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  done: boolean,
  origin?: BoardOrigin
): void {
  const item = itemOf(doc, cardId, itemId);
  if (item.get(ChecklistItemKey.done) === done) return;
  transact(doc, origin, () => item.set(ChecklistItemKey.done, done));
}

/**
 * Adds an item by hand at the end of the card's items, in the named checklist `list` or (null)
 * with the others added by hand, and returns its id.
 */
export function addChecklistItem(
  doc: Y.Doc,
  cardId: string,
  text: string,
  list: string | null = null,
  origin?: BoardOrigin
): string {
  const clean = cleanName(text, LIMITS.checklistText);
  if (!clean) throw new BoardError('invalid', `A checklist item is 1–${LIMITS.checklistText} characters.`);
  const card = cardMap(doc, cardId);
  if (list !== null) listOf(card, list);
  const size = checklistOf(card)?.size ?? 0;
  if (size >= LIMITS.checklistItems) {
    throw new BoardError('too-many-items', `A card holds at most ${LIMITS.checklistItems} checklist items.`);
  }
  const id = newId();
  transact(doc, origin, () => {
    const items = itemsOf(card);
    const [rank] = ranksBetween(lastRank(items), null, 1);
    const item = makeItem(clean, rank as string);
    if (list !== null) item.set(ChecklistItemKey.list, list);
    items.set(id, item);
  });
  return id;
}

/** Throws unless the card has the named checklist `list`. */
/**
 * The card's named checklist `listId`; throws when the card has none by that id. After it,
 * `listsOf(card)` only reads: the map holding the list exists.
 */
function listOf(card: CardMap, listId: string): Y.Map<unknown> {
  const list = namedChecklistsOf(card)?.get(listId);
  if (!(list instanceof Y.Map)) throw new BoardError('not-found', `No checklist ${listId} on this card.`);
  return list;
}

function itemOf(doc: Y.Doc, cardId: string, itemId: string): Y.Map<unknown> {
  const item = checklistOf(cardMap(doc, cardId))?.get(itemId);
  if (!(item instanceof Y.Map)) throw new BoardError('not-found', `No checklist item ${itemId}.`);
  return item;
}

/** Rewords one item. */
export function editChecklistItem(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  text: string,
  origin?: BoardOrigin
): void {
  const clean = cleanName(text, LIMITS.checklistText);
  if (!clean) throw new BoardError('invalid', `A checklist item is 1–${LIMITS.checklistText} characters.`);
  const item = itemOf(doc, cardId, itemId);
  transact(doc, origin, () => item.set(ChecklistItemKey.text, clean));
}

/**
 * Moves an item to `to.index` among the card's other items (in their order, all lists together:
 * checklist-read.ts's checklistDropIndex turns a place in a list into one), and into the named
 * checklist `to.list`, or home (null), or leaves its list (undefined). Only its rank and list
 * change, so a concurrent tick or rewording of the same item is kept.
 */
export function moveChecklistItem(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  to: { index: number; list?: string | null },
  origin?: BoardOrigin
): void {
  const card = cardMap(doc, cardId);
  const items = checklistOf(card);
  const item = items?.get(itemId);
  if (!items || !(item instanceof Y.Map)) throw new BoardError('not-found', `No checklist item ${itemId}.`);
  if (typeof to.list === 'string') listOf(card, to.list);
  const rank = rankAmongOthers(items, itemId, to.index);
  transact(doc, origin, () => {
    item.set(ChecklistItemKey.rank, rank);
    if (to.list === null) item.delete(ChecklistItemKey.list);
    else if (to.list !== undefined) item.set(ChecklistItemKey.list, to.list);
  });
}

/** Gives the item to a person (a user id), or to nobody (null). */
export function setChecklistItemAssignee(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  userId: string | null,
  origin?: BoardOrigin
): void {
  if (userId !== null && (!userId || userId.length > 64)) throw new BoardError('invalid', 'Not a user id.');
  const item = itemOf(doc, cardId, itemId);
  transact(doc, origin, () =>
    userId === null ? item.delete(ChecklistItemKey.assignee) : item.set(ChecklistItemKey.assignee, userId)
  );
}

/** Sets ('YYYY-MM-DD') or clears (null) the item's own due date. */
export function setChecklistItemDue(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  date: string | null,
  origin?: BoardOrigin
): void {
  if (date !== null && !isIsoDate(date)) throw new BoardError('invalid', 'A date is written YYYY-MM-DD.');
  const item = itemOf(doc, cardId, itemId);
  transact(doc, origin, () =>
    date === null ? item.delete(ChecklistItemKey.due) : item.set(ChecklistItemKey.due, date)
  );
}

/** Removes one item. */
export function removeChecklistItem(doc: Y.Doc, cardId: string, itemId: string, origin?: BoardOrigin): void {
  const items = checklistOf(cardMap(doc, cardId));
  if (!items?.has(itemId)) throw new BoardError('not-found', `No checklist item ${itemId}.`);
  transact(doc, origin, () => items.delete(itemId));
}

/*
 * Named checklists. A list is a title and a rank; its items stay in the card's item map and name
 * it, so removing a list while someone adds to it leaves their item at home, not lost.
 */

const listsOf = (card: CardMap) => childMap<Y.Map<unknown>>(card, CardKey.checklists);

function cleanListTitle(title: string): string {
  const clean = cleanName(title, LIMITS.checklistTitle);
  if (!clean) throw new BoardError('invalid', `A checklist's name is 1–${LIMITS.checklistTitle} characters.`);
  return clean;
}

/** Makes a named checklist after the card's others and returns its id. */
export function addChecklist(doc: Y.Doc, cardId: string, title: string, origin?: BoardOrigin): string {
  const clean = cleanListTitle(title);
  const card = cardMap(doc, cardId);
  if ((namedChecklistsOf(card)?.size ?? 0) >= LIMITS.checklists) {
    throw new BoardError('too-many-items', `A card holds at most ${LIMITS.checklists} checklists.`);
  }
  const id = newId();
  transact(doc, origin, () => {
    const lists = listsOf(card);
    const list = new Y.Map<unknown>();
    list.set(NamedChecklistKey.title, clean);
    list.set(NamedChecklistKey.rank, ranksBetween(lastRank(lists), null, 1)[0] as string);
    lists.set(id, list);
  });
  return id;
}

/** Renames a named checklist. */
export function renameChecklist(
  doc: Y.Doc,
  cardId: string,
  listId: string,
  title: string,
  origin?: BoardOrigin
): void {
  const clean = cleanListTitle(title);
  const list = listOf(cardMap(doc, cardId), listId);
  transact(doc, origin, () => list.set(NamedChecklistKey.title, clean));
}

/**
 * Moves a named checklist to `index` among the card's other lists. Only its rank changes, so an
 * item added to it or a rename at the same moment is kept.
 */
export function moveChecklist(
  doc: Y.Doc,
  cardId: string,
  listId: string,
  index: number,
  origin?: BoardOrigin
): void {
  const card = cardMap(doc, cardId);
  const list = listOf(card, listId);
  const rank = rankAmongOthers(listsOf(card), listId, index);
  transact(doc, origin, () => list.set(NamedChecklistKey.rank, rank));
}

/** Removes a named checklist with its items (as Trello does). */
export function removeChecklist(doc: Y.Doc, cardId: string, listId: string, origin?: BoardOrigin): void {
  const card = cardMap(doc, cardId);
  listOf(card, listId);
  const lists = listsOf(card);
  const items = checklistOf(card);
  transact(doc, origin, () => {
    lists.delete(listId);
    for (const [id, item] of items ?? []) {
      if (item instanceof Y.Map && item.get(ChecklistItemKey.list) === listId) items?.delete(id);
    }
  });
}
