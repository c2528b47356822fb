import * as Y from 'yjs';
import { assertGateOpen } from './approvals';
import { assertRequirementsMet } from './requirements';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { seedStageChecklist } from './checklist-ops';
import { setCardField } from './card-detail-ops';
import { CARD_FIELDS } from './fields';
import { rankAtIndex, ranksBetween } from './rank';
import { readColumn, readStage, revisionsOf, type RevisionView } from './read';
import { CardKey, LIMITS, cardMap, roots, str, type CardMap } from './schema';
import { stripControlChars } from '../text/controlChars';
import { assertMayMoveOut, handOff, type Mover } from './roles';
import { replaceText } from './text';
import { cleanName, transact } from './transact';

function requireStage(doc: Y.Doc, stageId: string): void {
  if (!roots(doc).stages.has(stageId)) throw new BoardError('not-found', `No stage ${stageId}.`);
}

function cleanTitle(title: string): string {
  const clean = cleanName(title, LIMITS.cardTitle);
  if (!clean) throw new BoardError('invalid', `Card title must be 1–${LIMITS.cardTitle} characters.`);
  return clean;
}

/**
 * A new card map: every key the field table gives a first value (fields.ts `initial`), so a new
 * card field is a row there, not a line here. Put it into `cards` first, then seed (Yjs types
 * must be integrated to be read).
 */
function makeCardMap(id: string, stageId: string, title: string, rank: string): CardMap {
  const card = { id, stageId, title, rank, now: Date.now() };
  const map = new Y.Map<unknown>();
  for (const [key, field] of Object.entries(CARD_FIELDS))
    if (field.initial) map.set(key, field.initial(card));
  return map;
}

/** Puts a new card into the board; creating it in a stage counts as entering that stage. */
function insertCard(doc: Y.Doc, id: string, stageId: string, title: string, rank: string): void {
  const map = makeCardMap(id, stageId, title, rank);
  roots(doc).cards.set(id, map);
  seedStageChecklist(doc, map, stageId);
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
  transact(doc, origin, () => insertCard(doc, id, card.stageId, title, rank));
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
    clean.forEach((title, i) => insertCard(doc, ids[i] as string, stageId, title, ranks[i] as string));
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
 * Writes the title as it is being typed, keystroke by keystroke: only the changed span, and
 * spaces are kept as typed (setCardTitle tidies them when editing ends). Tidying on every key
 * would drop the space just typed before the next word, and everyone's caret would jump.
 */
export function typeCardTitle(doc: Y.Doc, cardId: string, typed: string, origin?: BoardOrigin): void {
  // A pasted control character would be refused by the server, resetting the whole session.
  const value = stripControlChars(typed);
  if (!value.trim() || value.length > LIMITS.cardTitle || /[\r\n]/.test(value)) {
    throw new BoardError('invalid', `Card title must be 1–${LIMITS.cardTitle} characters on one line.`);
  }
  const map = cardMap(doc, cardId);
  transact(doc, origin, () => {
    const ytext = map.get(CardKey.title);
    if (ytext instanceof Y.Text) replaceText(ytext, value);
    else map.set(CardKey.title, new Y.Text(value));
  });
}

/**
 * Moves a card to `index` among the visible cards of `stageId` (counted without the card itself).
 * One field pair changes, so concurrent moves of the same card converge to one place. Entering a
 * new stage restarts its clock, brings that stage's checklist (once per stage) and hands the card
 * to the stage's owners (roles.ts). A card in a gated stage moves on (forward) only once that
 * stage is approved for its round; a stage that keeps moving out to its owners lets only them
 * and managers move it (`by`, the person moving; checked when given).
 */
export function moveCard(
  doc: Y.Doc,
  cardId: string,
  stageId: string,
  index: number,
  origin?: BoardOrigin,
  by?: Mover
): void {
  const map = cardMap(doc, cardId);
  requireStage(doc, stageId);
  // The server refuses such moves anyway (server/policy/updatePolicy.ts); saying so here keeps the
  // card where it is instead of a move that the whole session would have to drop.
  assertMayMoveOut(doc, str(map, CardKey.stageId), stageId, by);
  assertGateOpen(doc, cardId, stageId);
  assertRequirementsMet(doc, cardId, stageId);
  const rank = rankAtIndex(readColumn(doc, stageId, cardId), index);
  transact(doc, origin, () => {
    if (map.get(CardKey.stageId) !== stageId) enterStage(doc, map, stageId);
    map.set(CardKey.rank, rank);
  });
}

function enterStage(doc: Y.Doc, map: CardMap, stageId: string): void {
  map.set(CardKey.stageId, stageId);
  map.set(CardKey.enteredAt, Date.now());
  seedStageChecklist(doc, map, stageId);
  handOff(doc, map, stageId);
}

/**
 * Sends a card back from its stage to the earlier stage the stage names (校稿 → 设计稿), at the
 * top of that column, and logs a revision (who, and the reviewer's note): the log's length is the
 * round count on the card. A server operation: clients may not write the revision log.
 * A log entry per send-back (not a counter) keeps concurrent send-backs both counted.
 */
export function sendBackCard(
  doc: Y.Doc,
  cardId: string,
  origin?: BoardOrigin,
  detail: { by?: string; note?: string } = {}
): string {
  const map = cardMap(doc, cardId);
  const from = str(map, CardKey.stageId);
  const stage = roots(doc).stages.get(from);
  const to = stage ? readStage(from, stage).sendBackTo : null;
  if (!to || !roots(doc).stages.has(to)) {
    throw new BoardError('no-send-back', 'This stage does not send cards back anywhere.');
  }
  const rank = rankAtIndex(readColumn(doc, to, cardId), 0);
  transact(doc, origin, () => {
    enterStage(doc, map, to);
    map.set(CardKey.rank, rank);
    let log = revisionsOf(map);
    if (!log) {
      log = new Y.Array<RevisionView>();
      map.set(CardKey.revisions, log);
    }
    const entry: RevisionView = { from, to, at: Date.now() };
    if (detail.by) entry.by = detail.by;
    if (detail.note) entry.note = detail.note;
    log.push([entry]);
  });
  return to;
}

/** Sets (a 'YYYY-MM-DD' date) or clears (null) the card's date. */
export function setCardDate(doc: Y.Doc, cardId: string, date: string | null, origin?: BoardOrigin): void {
  setCardField(doc, cardId, CardKey.date, date, origin);
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
