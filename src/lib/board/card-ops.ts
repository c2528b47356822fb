import * as Y from 'yjs';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { rankAtIndex, ranksBetween } from './rank';
import { readColumn } from './read';
import { CardKey, LIMITS, roots, type CardMap } from './schema';
import { replaceText } from './text';
import { cleanName, transact } from './transact';

function cardMap(doc: Y.Doc, cardId: string): CardMap {
  const map = roots(doc).cards.get(cardId);
  if (!map) throw new BoardError('not-found', `No card ${cardId}.`);
  return map;
}

function requireStage(doc: Y.Doc, stageId: string): void {
  if (!roots(doc).stages.has(stageId)) throw new BoardError('not-found', `No stage ${stageId}.`);
}

function cleanTitle(title: string): string {
  const clean = cleanName(title, LIMITS.cardTitle);
  if (!clean) throw new BoardError('invalid', `Card title must be 1–${LIMITS.cardTitle} characters.`);
  return clean;
}

function makeCardMap(id: string, stageId: string, title: string, rank: string): CardMap {
  const map = new Y.Map<unknown>();
  map.set(CardKey.id, id);
  map.set(CardKey.title, new Y.Text(title));
  map.set(CardKey.description, new Y.Text());
  map.set(CardKey.stageId, stageId);
  map.set(CardKey.rank, rank);
  map.set(CardKey.archived, false);
  map.set(CardKey.createdAt, Date.now());
  map.set(CardKey.checklist, new Y.Map());
  map.set(CardKey.comments, new Y.Map());
  return map;
}

/** Adds a card to a stage at `index` among its visible cards (default: last) and returns its id. */
export function addCard(
  doc: Y.Doc,
  card: { stageId: string; title: string; index?: number; id?: string },
  origin?: BoardOrigin
): string {
  const title = cleanTitle(card.title);
  requireStage(doc, card.stageId);
  const siblings = readColumn(doc, card.stageId);
  const rank = rankAtIndex(siblings, card.index ?? siblings.length);
  const id = card.id ?? newId();
  transact(doc, origin, () => roots(doc).cards.set(id, makeCardMap(id, card.stageId, title, rank)));
  return id;
}

/**
 * Appends cards to the end of a stage, in order, as one transaction and returns their ids.
 * Reads the column once, where adding one by one rereads the board per card (quadratic on big
 * boards). Every title is checked before anything is written.
 */
export function addCards(
  doc: Y.Doc,
  stageId: string,
  titles: readonly string[],
  origin?: BoardOrigin
): string[] {
  const clean = titles.map(cleanTitle);
  requireStage(doc, stageId);
  const last = readColumn(doc, stageId).at(-1)?.rank ?? null;
  const ranks = ranksBetween(last, null, clean.length);
  const ids = clean.map(() => newId());
  if (ids.length === 0) return ids;
  transact(doc, origin, () => {
    const { cards } = roots(doc);
    clean.forEach((title, i) => {
      const id = ids[i] as string;
      cards.set(id, makeCardMap(id, stageId, title, ranks[i] as string));
    });
  });
  return ids;
}

/** Changes a card's title, touching only the characters that differ. */
export function setCardTitle(doc: Y.Doc, cardId: string, title: string, origin?: BoardOrigin): void {
  const clean = cleanTitle(title);
  const map = cardMap(doc, cardId);
  transact(doc, origin, () => {
    const ytext = map.get(CardKey.title);
    if (ytext instanceof Y.Text) replaceText(ytext, clean);
    else map.set(CardKey.title, new Y.Text(clean));
  });
}

/**
 * Moves a card to `index` among the visible cards of `stageId` (counted without the card itself).
 * One field pair changes, so concurrent moves of the same card converge to one place.
 */
export function moveCard(
  doc: Y.Doc,
  cardId: string,
  stageId: string,
  index: number,
  origin?: BoardOrigin
): void {
  const map = cardMap(doc, cardId);
  requireStage(doc, stageId);
  const rank = rankAtIndex(readColumn(doc, stageId, cardId), index);
  transact(doc, origin, () => {
    if (map.get(CardKey.stageId) !== stageId) map.set(CardKey.stageId, stageId);
    map.set(CardKey.rank, rank);
  });
}

/** Archives (or restores) a card; archived cards leave their column but keep everything. */
export function archiveCard(doc: Y.Doc, cardId: string, archived = true, origin?: BoardOrigin): void {
  const map = cardMap(doc, cardId);
  transact(doc, origin, () => map.set(CardKey.archived, archived));
}

/** Deletes a card for good. */
export function deleteCard(doc: Y.Doc, cardId: string, origin?: BoardOrigin): void {
  cardMap(doc, cardId);
  transact(doc, origin, () => roots(doc).cards.delete(cardId));
}
