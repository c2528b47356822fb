/**
 * What a card holds beyond its place on the board: the description, the people it is assigned
 * to and its start date. Assignees are a map of user id → true, so two people assigning at
 * once both land (a list would need a merge rule).
 */
import * as Y from 'yjs';
import { cardsHoldingField, fieldKindIn } from './card-fields';
import { BoardError } from './errors';
import { hasShape, type FieldShape } from './field-shape';
import { CARD_FIELDS } from './fields';
import type { BoardOrigin } from './origin';
import { CardKey, LIMITS, cardMap, childMap, roots } from './schema';
import { replaceText } from './text';
import { transact } from './transact';

/** A card's live text field (title or description) if it is a Y.Text already; reading never writes. */
function existingText(doc: Y.Doc, cardId: string, key: string): Y.Text | null {
  const value = roots(doc).cards.get(cardId)?.get(key);
  return value instanceof Y.Text ? value : null;
}

/** A card's text field as a Y.Text, made from an older plain string on first use. */
function liveText(doc: Y.Doc, cardId: string, key: string, origin?: BoardOrigin): Y.Text {
  const map = cardMap(doc, cardId);
  const existing = map.get(key);
  if (existing instanceof Y.Text) return existing;
  return transact(doc, origin, () => {
    const text = new Y.Text(typeof existing === 'string' ? existing : '');
    map.set(key, text);
    return text;
  });
}

/** The card's description as a Y.Text, or null while it has none (a viewer's panel reads this). */
export const existingDescription = (doc: Y.Doc, cardId: string) =>
  existingText(doc, cardId, CardKey.description);

/**
 * The card's description as a Y.Text, for live editing (src/lib/sync/text-binding.ts edits it
 * keystroke by keystroke); created on first use for cards that have none.
 */
export const cardDescription = (doc: Y.Doc, cardId: string, origin?: BoardOrigin) =>
  liveText(doc, cardId, CardKey.description, origin);

/** The card's title as a Y.Text, or null for a card from before titles were live text. */
export const existingTitle = (doc: Y.Doc, cardId: string) => existingText(doc, cardId, CardKey.title);

/** The card's title as a Y.Text for live editing, made from an older plain title on first use. */
export const cardTitleText = (doc: Y.Doc, cardId: string, origin?: BoardOrigin) =>
  liveText(doc, cardId, CardKey.title, origin);

/** Rewrites the description to `next`, touching only what differs (others' words stay). */
export function setCardDescription(doc: Y.Doc, cardId: string, next: string, origin?: BoardOrigin): void {
  if (next.length > LIMITS.cardDescription) {
    throw new BoardError('invalid', `A description is at most ${LIMITS.cardDescription} characters.`);
  }
  const text = cardDescription(doc, cardId, origin);
  transact(doc, origin, () => replaceText(text, next));
}

/** The card's 问题与改进建议 (CardKey.retro) as a Y.Text, or null while nobody has written it. */
export const existingRetro = (doc: Y.Doc, cardId: string) => existingText(doc, cardId, CardKey.retro);

/** The card's 问题与改进建议 as a Y.Text for live editing, made on first use. */
export const cardRetro = (doc: Y.Doc, cardId: string, origin?: BoardOrigin) =>
  liveText(doc, cardId, CardKey.retro, origin);

/** Rewrites the card's 问题与改进建议 to `next`, touching only what differs. */
export function setCardRetro(doc: Y.Doc, cardId: string, next: string, origin?: BoardOrigin): void {
  if (next.length > LIMITS.cardRetro) {
    throw new BoardError('invalid', `Issues and suggestions are at most ${LIMITS.cardRetro} characters.`);
  }
  const text = cardRetro(doc, cardId, origin);
  transact(doc, origin, () => replaceText(text, next));
}

/** The card's 问题与改进建议 as plain text ('' when none). */
export function readRetro(doc: Y.Doc, cardId: string): string {
  return existingRetro(doc, cardId)?.toString() ?? '';
}

/** Assigns (or, `assigned` false, unassigns) a board member to the card. */
export function assignCard(
  doc: Y.Doc,
  cardId: string,
  userId: string,
  assigned = true,
  origin?: BoardOrigin
): void {
  if (!userId || userId.length > 64) throw new BoardError('invalid', 'Not a user id.');
  const map = cardMap(doc, cardId);
  const current = map.get(CardKey.assignees);
  if (!assigned) {
    if (current instanceof Y.Map && current.has(userId)) transact(doc, origin, () => current.delete(userId));
    return;
  }
  if (current instanceof Y.Map && current.size >= LIMITS.assignees && !current.has(userId)) {
    throw new BoardError('invalid', `A card has at most ${LIMITS.assignees} assignees.`);
  }
  transact(doc, origin, () => childMap(map, CardKey.assignees).set(userId, true));
}

const PLAIN_SHAPES: ReadonlySet<FieldShape> = new Set(['string', 'number', 'boolean', 'value']);

/**
 * Sets (or, `value` null, removes) a card field that holds a plain value, checked by its row in
 * the field table (fields.ts: its shape and check, the ones the server's policy applies), so a new
 * plain card field needs no operation of its own. A field with an operation of its own (the
 * stage and rank: moveCard) goes through that; a required field is never removed.
 */
export function setCardField(
  doc: Y.Doc,
  cardId: string,
  key: string,
  value: unknown,
  origin?: BoardOrigin
): void {
  const field = CARD_FIELDS[key];
  if (!field || !PLAIN_SHAPES.has(field.shape))
    throw new BoardError('invalid', `${key} is no plain card field.`);
  if (value === null && field.required) throw new BoardError('invalid', `A card always has ${key}.`);
  if (value !== null) {
    const facts = {
      key: cardId,
      entry: key,
      isStage: (id: string) => roots(doc).stages.has(id),
      fieldKind: (id: string) => fieldKindIn(roots(doc).fields, id),
      definedKind: (id: string) => fieldKindIn(roots(doc).fields, id),
      fieldHeld: (id: string) => cardsHoldingField(doc, id) > 0
    };
    const problem = hasShape(field.shape, value) ? (field.check?.(value, facts) ?? null) : `a ${field.shape}`;
    if (problem) throw new BoardError('invalid', `A card's ${key} is ${problem}.`);
  }
  const map = cardMap(doc, cardId);
  transact(doc, origin, () => (value === null ? map.delete(key) : map.set(key, value)));
}

/** Sets (a 'YYYY-MM-DD' date) or clears (null) the day work on the card starts. */
export function setCardStartDate(
  doc: Y.Doc,
  cardId: string,
  date: string | null,
  origin?: BoardOrigin
): void {
  setCardField(doc, cardId, CardKey.startDate, date, origin);
}

/** Puts a board label on the card, or (`on` false) takes it off. */
export function setCardLabel(
  doc: Y.Doc,
  cardId: string,
  labelId: string,
  on = true,
  origin?: BoardOrigin
): void {
  const map = cardMap(doc, cardId);
  if (on && !roots(doc).labels.has(labelId)) throw new BoardError('not-found', `No label ${labelId}.`);
  transact(doc, origin, () => {
    if (on) childMap(map, CardKey.labels).set(labelId, true);
    else (map.get(CardKey.labels) as Y.Map<unknown> | undefined)?.delete(labelId);
  });
}
