/**
 * The shape of a row of the field table (fields.ts): who writes a key, how its value is kept, and
 * what a check may ask. Apart from the table so the server's policy reads the types without it.
 */
import type { BoardAction } from '../auth/permissions';
import type { CardFieldKind } from './card-fields';

/** How a value is kept: a plain value of a JSON type, or a Yjs type. */
export type FieldShape = 'string' | 'number' | 'boolean' | 'value' | 'text' | 'map' | 'array';

/** What a check may ask about the board as the update would leave it. */
export interface FieldFacts {
  /** The key of the map the value is written into (a card's or stage's id field repeats it). */
  key: string;
  /** True for a stage the board has after the update. */
  isStage(id: string): boolean;
  /** The key the value itself is written under (a role's key in `roles`, a card field's id in a card's `fields`). */
  entry: string;
  /** The kind of the board's card field `id` after the update, or null when it has none. */
  fieldKind(id: string): CardFieldKind | null;
  /** The kind of card field `id` before the update, or null when the board had none. */
  definedKind(id: string): CardFieldKind | null;
  /** True when a card of the board (archived ones too) holds a value for field `id` before the update. */
  fieldHeld(id: string): boolean;
}

/**
 * Writers with rules of their own, beyond a role: 'server' (written by server calls only),
 * 'comments' and 'resolutions' (each entry its author's: server/policy/commentPolicy.ts), 'budget'
 * and 'expenses' (money rules: server/policy/moneyPolicy.ts). A new
 * card's creator makes such a field's empty map or array, never a value or an entry of it.
 */
export type OwnRule = 'server' | 'comments' | 'resolutions' | 'budget' | 'expenses';

/** True for a writer with rules of its own (OwnRule) rather than a board action. */
export function isOwnRule(write: BoardAction | OwnRule): write is OwnRule {
  return (
    write === 'server' ||
    write === 'comments' ||
    write === 'resolutions' ||
    write === 'budget' ||
    write === 'expenses'
  );
}

/** What a new card is made from (makeCardMap), for the rows that give it a first value. */
export interface NewCard {
  id: string;
  stageId: string;
  title: string;
  rank: string;
  now: number;
}

export interface Field {
  /** Who writes it: a board action, or a rule of its own. Absent below a card field: the field's own. */
  write?: BoardAction | OwnRule;
  shape: FieldShape;
  /** Its map always has it: a live card (stage, item) never loses it, and is never made without it. */
  required?: boolean;
  /** Why a plain value is unusable, or null. */
  check?: (value: unknown, facts: FieldFacts) => string | null;
  /** For Y.Text: the length it may reach, and whether control characters are refused in it. */
  maxLength?: number;
  plain?: boolean;
  /** For a map: its keys' fields (anything else is refused unless `open`), or the field of every entry. */
  fields?: Readonly<Record<string, Field>>;
  entries?: Field;
  open?: boolean;
  /**
   * A card's field a write to which moves the card: leaving a gated stage forward needs the gate
   * approved for the card's round, whoever writes (approvals.ts gateBlocks).
   */
  gated?: boolean;
  /** A card's field: what a new card holds under it (makeCardMap writes every row that has one). */
  initial?: (card: NewCard) => unknown;
}

/** True when a plain `value` keeps the shape: 'value' is any JSON value, the others a `typeof`. */
export function hasShape(shape: FieldShape, value: unknown): boolean {
  return shape === 'value' ? value !== undefined : typeof value === shape;
}
