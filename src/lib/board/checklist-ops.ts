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
import { compareRanked, isRank, rankAtIndex, ranksBetween } from './rank';
import { checklistOf } from './read';
import { cleanChecklistSeeds } from './rules';
import {
  CardKey,
  ChecklistItemKey,
  LIMITS,
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

/** The rank after the card's last item. */
function lastRank(items: Y.Map<Y.Map<unknown>>): string | null {
  let last: { rank: string; id: string } | null = null;
  for (const [id, item] of items) {
    const rank = item instanceof Y.Map ? str(item, ChecklistItemKey.rank) : '';
    if (isRank(rank) && (!last || compareRanked(last, { rank, id }) < 0)) last = { rank, id };
  }
  return last?.rank ?? null;
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

/** Adds an item by hand at the end of the card's checklist and returns its id. */
export function addChecklistItem(doc: Y.Doc, cardId: string, text: string, origin?: BoardOrigin): string {
  const clean = cleanName(text, LIMITS.checklistText);
  if (!clean) throw new BoardError('invalid', `A checklist item is 1–${LIMITS.checklistText} characters.`);
  const card = cardMap(doc, cardId);
  const size = checklistOf(card)?.size ?? 0;
  if (size >= LIMITS.checklistItems) {
    throw new BoardError('too-many-items', `A card holds at most ${LIMITS.checklistItems} checklist items.`);
  }
  const id = newId();
  transact(doc, origin, () => {
    const items = itemsOf(card);
    const [rank] = ranksBetween(lastRank(items), null, 1);
    items.set(id, makeItem(clean, rank as string));
  });
  return id;
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
 * Moves an item to `index` among the card's other items (in their order). Only its rank changes,
 * so a concurrent tick or rewording of the same item is kept.
 */
export function moveChecklistItem(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  index: number,
  origin?: BoardOrigin
): void {
  const items = checklistOf(cardMap(doc, cardId));
  const item = items?.get(itemId);
  if (!items || !(item instanceof Y.Map)) throw new BoardError('not-found', `No checklist item ${itemId}.`);
  const others: { id: string; rank: string }[] = [];
  items.forEach((other, id) => {
    const rank = other instanceof Y.Map ? str(other, ChecklistItemKey.rank) : '';
    if (id !== itemId) others.push({ id, rank: isRank(rank) ? rank : '~' });
  });
  const rank = rankAtIndex(others.sort(compareRanked), index);
  transact(doc, origin, () => item.set(ChecklistItemKey.rank, rank));
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
