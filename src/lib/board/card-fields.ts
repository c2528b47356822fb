/**
 * Card fields a board defines (Trello's custom fields): 预算, 重大项目, 需求类型 … The board keeps
 * the definitions in its `fields` root (field id → CardFieldDef, written by managers: they are part
 * of the process, like stages), and each card keeps its values in its own `fields` map (field id →
 * plain value, written by editors). A value is checked against its definition's kind here, by the
 * operations and by the server's update policy alike (fields.ts), so a budget is always a whole
 * number of fen and a link is always http(s).
 */
import * as Y from 'yjs';
import { isIsoDate } from './dates';
import { BoardError } from './errors';
import type { BoardOrigin } from './origin';
import { compareRanked, isRank } from './rank';
import type { Condition } from './rules';
import { CardKey, cardMap, childMap, roots } from './schema';
import { cleanName, nameProblem, transact } from './transact';

/** What a field holds: a day, a number, an amount of money in fen, an http(s) link, text, yes/no. */
export type CardFieldKind = 'date' | 'number' | 'money' | 'link' | 'text' | 'flag';
export const CARD_FIELD_KINDS: readonly CardFieldKind[] = ['date', 'number', 'money', 'link', 'text', 'flag'];

/** A field's definition, stored as a plain value under its id in the `fields` root. */
export interface CardFieldDef {
  name: string;
  alt?: string;
  kind: CardFieldKind;
  rank: string;
}

export interface CardFieldView extends CardFieldDef {
  id: string;
}

/** A field's value on a card: a string (date, link, text), a number (number, money) or a boolean (flag). */
export type CardFieldValue = string | number | boolean;

export const CARD_FIELD_LIMITS = {
  /** Fields a board defines. */
  fields: 30,
  name: 60,
  text: 500,
  link: 2000,
  /** ±10^12: a count or an amount in yuan any marketing plan stays within. */
  number: 1e12,
  /** Fen, so ±10^14 fen is ±1 trillion yuan. */
  money: 1e14
} as const;

/** A field id: what newId() makes, or a template's key. */
export const isFieldId = (id: unknown): id is string => typeof id === 'string' && /^[\w-]{1,64}$/.test(id);

/** Why `value` cannot be a value of a `kind` field, or null. */
export function fieldValueProblem(kind: CardFieldKind, value: unknown): string | null {
  switch (kind) {
    case 'date':
      return isIsoDate(value) ? null : 'a date written YYYY-MM-DD';
    case 'number':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        Math.abs(value) <= CARD_FIELD_LIMITS.number
        ? null
        : 'a number';
    case 'money':
      return Number.isSafeInteger(value) && Math.abs(value as number) <= CARD_FIELD_LIMITS.money
        ? null
        : 'a whole number of fen';
    case 'link':
      return isHttpLink(value) ? null : 'an http or https link';
    case 'text':
      return nameProblem(value, CARD_FIELD_LIMITS.text);
    case 'flag':
      return typeof value === 'boolean' ? null : 'true or false';
  }
}

function isHttpLink(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > CARD_FIELD_LIMITS.link || /[\s\p{Cc}]/u.test(value))
    return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The definition with only its known keys, or null when it is unusable. */
export function cleanFieldDef(def: unknown): CardFieldDef | null {
  const d = def as Partial<CardFieldDef> | null;
  const name = cleanName(d?.name, CARD_FIELD_LIMITS.name);
  if (!name || !CARD_FIELD_KINDS.includes(d?.kind as CardFieldKind) || !isRank(d?.rank)) return null;
  const out: CardFieldDef = { name, kind: d.kind as CardFieldKind, rank: d.rank };
  const alt = cleanName(d.alt, CARD_FIELD_LIMITS.name);
  if (alt) out.alt = alt;
  return out;
}

/** Why a stored definition is not what cleanFieldDef returns (the update policy's check), or null. */
export function fieldDefProblem(def: unknown): string | null {
  const clean = cleanFieldDef(def);
  return clean && JSON.stringify(clean) === JSON.stringify(def) ? null : 'a card field definition';
}

/** The kind of field `id` as `defs` hold it, or null when the board has no such field. */
export function fieldKindIn(defs: Y.Map<unknown> | undefined, id: string): CardFieldKind | null {
  return cleanFieldDef(defs?.get(id))?.kind ?? null;
}

/** The board's card fields, in order. */
export function readFieldDefs(doc: Y.Doc): CardFieldView[] {
  const out: CardFieldView[] = [];
  roots(doc).fields.forEach((value, id) => {
    const def = cleanFieldDef(value);
    if (def) out.push({ id, ...def });
  });
  return out.sort(compareRanked);
}

/** How many cards (archived ones too) hold a value for field `id`, of whatever kind. */
export function cardsHoldingField(doc: Y.Doc, id: string): number {
  let count = 0;
  roots(doc).cards.forEach((card) => {
    const values = card.get(CardKey.fields);
    if (values instanceof Y.Map && values.has(id)) count++;
  });
  return count;
}

/**
 * The card's field values as stored (the server checked each against its field's kind when it was
 * written). Readers that show a value check it against the field's current kind (CardFields).
 */
export function readCardFieldValues(card: Y.Map<unknown>): Record<string, CardFieldValue> {
  const stored = card.get(CardKey.fields);
  const out: Record<string, CardFieldValue> = {};
  if (!(stored instanceof Y.Map)) return out;
  stored.forEach((value, id) => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[id] = value;
  });
  return out;
}

/**
 * True when `condition` holds for a card with these field values and date ('date' names the card's
 * own). 'set' asks for a value, and for a flag a yes (重大项目 ticked); 'gt' and 'gte' compare
 * numbers (money in fen); 'eq' asks for the same value.
 */
export function conditionHolds(
  condition: Condition,
  values: Readonly<Record<string, CardFieldValue>>,
  date: string | null
): boolean {
  const value = condition.field === 'date' ? (date ?? undefined) : values[condition.field];
  if (value === undefined) return false;
  const limit = condition.value;
  switch (condition.op) {
    case 'set':
      return value !== false;
    case 'gt':
      return typeof value === 'number' && typeof limit === 'number' && value > limit;
    case 'gte':
      return typeof value === 'number' && typeof limit === 'number' && value >= limit;
    case 'eq':
      return value === limit;
  }
}

/** Sets (or, `value` null, clears) a card's value of a board field, checked by the field's kind. */
export function setCardFieldValue(
  doc: Y.Doc,
  cardId: string,
  fieldId: string,
  value: CardFieldValue | null,
  origin?: BoardOrigin
): void {
  const map = cardMap(doc, cardId);
  const kind = fieldKindIn(roots(doc).fields, fieldId);
  if (!kind) throw new BoardError('not-found', `No card field ${fieldId}.`);
  const problem = value === null ? null : fieldValueProblem(kind, value);
  if (problem) throw new BoardError('invalid', `The field's value must be ${problem}.`);
  transact(doc, origin, () => {
    if (value === null) (map.get(CardKey.fields) as Y.Map<unknown> | undefined)?.delete(fieldId);
    else childMap(map, CardKey.fields).set(fieldId, value);
  });
}
