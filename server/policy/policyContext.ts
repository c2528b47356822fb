/**
 * What the update policy's rules share: the context a whole update is judged in, the refusal a
 * rule answers with, and reads of the document as it is before the update (never writing it).
 */
import * as Y from 'yjs';
import { can, type BoardAction, type BoardRole } from '#lib/auth/permissions';
import type { ExpenseRef } from '#lib/board/expenses';
import type { Effects } from './updateEffects';
import type { Touch } from './updateTouches';

export type RefusalReason =
  | 'read-only'
  | 'forbidden'
  | 'server-only'
  | 'gate-closed'
  /** The card's stage lets only its owners and managers move cards out (src/lib/board/roles.ts). */
  | 'exit-restricted'
  /** A card moved on from a stage whose requirements (src/lib/board/requirements.ts) it does not meet. */
  | 'requirements-unmet'
  | 'not-author'
  | 'unresolvable'
  /** The value leaves the board's field table (src/lib/board/fields.ts): shape, check, a required key. */
  | 'invalid';

/** Who sent the update: the signed-in user and their role on this board. */
export interface Actor {
  userId: string;
  role: BoardRole;
}

export interface Refusal {
  reason: RefusalReason;
  detail: string;
}

export interface Context {
  doc: Y.Doc;
  actor: Actor;
  /** Cards this update creates (written, absent from the document). */
  created: Set<string>;
  /** Cards of the document this update deletes or writes over: their insides go with them. */
  replaced: Set<string>;
  /** Card id → ids of the comments this update writes, which a reply or resolution may name. */
  comments: Map<string, Set<string>>;
  /** Card field id → the definition this update writes last for it (a value may use it at once). */
  fieldDefs: Map<string, unknown>;
  /** `<card>/<budget|expenses>` → key → this update's last plain write of it, else its first touch. */
  moneyWrites: Map<string, Map<string, Touch>>;
  /** Card id → its budget and expenses after the update, read once (moneyPolicy.ts). */
  money: Map<string, unknown>;
  /**
   * New `within` expenses of the sender's that the budget the update leaves does not allow: the
   * update is accepted and the room demotes them to `pending` at once (moneyPolicy.ts judgeNew).
   */
  overruns: ExpenseRef[];
  /** What a map key holds after the update (updateEffects.ts). */
  after: Effects['after'];
}

export function need(action: BoardAction, path: string, context: Context): Refusal | null {
  const { role } = context.actor;
  return can(role, action)
    ? null
    : { reason: 'forbidden', detail: `${path} needs ${action}; ${role} may not.` };
}

export function serverOnly(path: string): Refusal {
  return { reason: 'server-only', detail: `${path} is written by the server only.` };
}

/** What every Yjs type keeps its map entries in; a root may be a plain AbstractType until read as a map. */
export type ItemMap = Pick<Y.AbstractType<unknown>, '_map'>;

/**
 * The live value under `key`, read through the type's item map. Reading `doc.getMap` instead
 * would define root types on the server's document as a side effect of a check.
 */
export function liveValue(type: ItemMap | undefined, key: string): unknown {
  const item = type?._map.get(key);
  return item && !item.deleted ? item.content.getContent()[item.length - 1] : undefined;
}

export function existingCard(doc: Y.Doc, id: string): ItemMap | undefined {
  const card = liveValue(doc.share.get('cards'), id);
  return card instanceof Y.AbstractType ? card : undefined;
}

/** True when the document has, or had, a card with this id (a deleted entry keeps its key). */
export function cardIdUsed(doc: Y.Doc, id: string): boolean {
  return (doc.share.get('cards') as ItemMap | undefined)?._map.has(id) === true;
}
