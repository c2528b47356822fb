/**
 * Whether a board member may send a Yjs update, decided before the update is applied (Yjs cannot
 * roll one back). Each touch maps to a board action by its path; a few paths carry rules of their
 * own: approvals and revision logs are the server's, a comment belongs to its author, and a card
 * leaves a gated stage only once approved. Reasons: README.md, "Refusing updates by role".
 */
import * as Y from 'yjs';
import { can, type BoardAction, type BoardRole } from '../../src/lib/auth/permissions';
import { gateBlocks } from '../../src/lib/board/approvals';
import {
  commentProblem,
  isCommentId,
  resolutionProblem,
  type CommentValue,
  type ResolutionValue
} from '../../src/lib/board/comment-value';
import { CardKey } from '../../src/lib/board/schema';
import type { DecodedUpdate } from '../protocol';
import { touchesOf, type Touch } from './updateTouches';

export type RefusalReason =
  'read-only' | 'forbidden' | 'server-only' | 'gate-closed' | 'not-author' | 'unresolvable';

export type PolicyResult =
  { ok: true; touches: Touch[] } | { ok: false; reason: RefusalReason; detail: string };

/** Who sent the update: the signed-in user and their role on this board. */
export interface Actor {
  userId: string;
  role: BoardRole;
}

interface Refusal {
  reason: RefusalReason;
  detail: string;
}

interface Context {
  doc: Y.Doc;
  actor: Actor;
  /** Cards this update creates (written, absent from the document). */
  created: Set<string>;
  /** Cards of the document this update deletes or writes over: their insides go with them. */
  replaced: Set<string>;
  /** Card id → ids of the comments this update writes, which a reply or resolution may name. */
  comments: Map<string, Set<string>>;
}

/** Card fields that place a card: writing them moves it (a card entering a stage is seeded). */
const MOVE_FIELDS: ReadonlySet<string> = new Set([
  CardKey.stageId,
  CardKey.rank,
  CardKey.enteredAt,
  CardKey.seeded
]);

/**
 * Fields whose entries a card's creator may not write along with the card: the revision log and
 * attachments (the server's) and comments (their authors').
 */
const CREATOR_MAY_NOT_FILL: ReadonlySet<string> = new Set([
  CardKey.revisions,
  CardKey.comments,
  CardKey.resolvedComments,
  CardKey.attachments
]);

/**
 * Allows or refuses `update` from `actor`, judged against `doc` as it is before the update.
 * Pure: reads `doc`, never writes it. A refused update is refused whole.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  decoded?: DecodedUpdate
): PolicyResult {
  const read = touchesOf(doc, update, decoded);
  if (!read.ok) return { ok: false, reason: 'unresolvable', detail: `Update refused: ${read.detail}.` };
  const { touches, inert } = read;
  // Sync step 2 of a client with nothing new is an empty update; every member sends one.
  if (touches.length === 0 && !inert) return { ok: true, touches };
  // Commenting is the least an update can do; a role without it can do nothing.
  if (!can(actor.role, 'comment')) {
    return { ok: false, reason: 'read-only', detail: `A ${actor.role} may not change the board.` };
  }
  const context = contextOf(doc, actor, touches);
  for (const touch of touches) {
    const refusal = judge(touch, context);
    if (refusal) return { ok: false, ...refusal };
  }
  return { ok: true, touches };
}

function contextOf(doc: Y.Doc, actor: Actor, touches: readonly Touch[]): Context {
  const context: Context = { doc, actor, created: new Set(), replaced: new Set(), comments: new Map() };
  for (const t of touches) {
    const [root, cardId, field] = t.parent;
    const writesComment = root === 'cards' && field === CardKey.comments && t.parent.length === 3;
    if (writesComment && cardId && t.key && t.kind === 'write') {
      context.comments.set(cardId, (context.comments.get(cardId) ?? new Set()).add(t.key));
    }
    if (t.parent.length !== 1 || t.parent[0] !== 'cards' || t.key === null) continue;
    if (existingCard(doc, t.key)) context.replaced.add(t.key);
    else if (t.kind === 'write') context.created.add(t.key);
  }
  return context;
}

function judge(touch: Touch, context: Context): Refusal | null {
  const path = pathText(touch);
  switch (touch.parent[0]) {
    case 'meta':
      return need('edit-board', path, context);
    case 'stages':
      return need('edit-stages', path, context);
    case 'approvals':
      return serverOnly(path);
    case 'labels':
      // Labels are everyday card work (Trello lets every member make them), not board structure.
      return need('edit-card', path, context);
    case 'cards':
      return judgeCard(touch, path, context);
    default:
      // A root the schema does not name is read by nobody; writing one is board-level data like
      // meta's own unknown keys, so it asks what meta asks. (Protocol-level tests and tools sync
      // plain Yjs types through a board as its owner.)
      return need('edit-board', path, context);
  }
}

function judgeCard(touch: Touch, path: string, context: Context): Refusal | null {
  // Below the root: the card id, then its field, then whatever the field holds.
  const [id, field] = [...touch.parent.slice(1), touch.key];
  if (id === undefined || id === null) return { reason: 'forbidden', detail: `${path} is a map of cards.` };
  if (field === undefined || field === null) {
    const creates = touch.kind === 'write' && !existingCard(context.doc, id);
    return need(creates ? 'create-card' : 'edit-card', path, context);
  }
  const keyOfCard = touch.parent.length === 2;
  // A new card's fields come with creating it, except those CREATOR_MAY_NOT_FILL lists, which a
  // creator could otherwise forge.
  if (context.created.has(id) && touch.newParent) {
    if (keyOfCard || !CREATOR_MAY_NOT_FILL.has(field)) {
      return need('create-card', path, context);
    }
  }
  // Whatever a deleted or replaced card held goes with it; deleting the card was judged above.
  if (context.replaced.has(id) && touch.kind === 'delete') return need('edit-card', path, context);
  if (field === CardKey.revisions || field === CardKey.attachments) return serverOnly(path);
  if (field === CardKey.comments) return judgeComment(touch, id, path, context);
  if (field === CardKey.resolvedComments) return judgeResolution(touch, id, path, context);
  if (field === CardKey.checklist) return need('tick-checklist', path, context);
  if (!MOVE_FIELDS.has(field)) return need('edit-card', path, context);
  const refusal = need('move-card', path, context);
  if (refusal || field !== CardKey.stageId || !keyOfCard || typeof touch.value !== 'string') return refusal;
  if (touch.kind !== 'write' || !existingCard(context.doc, id)) return null;
  // Owners too: approving is a separate, audited HTTP step; the move comes after it.
  return gateBlocks(context.doc, id, touch.value)
    ? { reason: 'gate-closed', detail: `${path}: card ${id} needs its gate approved before moving on.` }
    : null;
}

/**
 * Comments are plain values keyed by comment id (shape: comment-value.ts). Each belongs to its
 * author: only they write it, and an edit keeps its time and thread. Managers moderate by
 * deleting anyone's, never by rewriting it.
 */
function judgeComment(touch: Touch, cardId: string, path: string, context: Context): Refusal | null {
  const refusal = need('comment', path, context);
  if (refusal) return refusal;
  const commentId = touch.parent.length === 3 ? touch.key : null;
  if (commentId === null) return plainValues(path);
  const { userId, role } = context.actor;
  const existing = liveValue(commentsOf(context.doc, cardId), commentId);
  // An overwritten value reaches the server as deleted content: judge it as the delete it is.
  if (touch.kind === 'delete' || touch.content === 'deleted') {
    if (existing === undefined || authorOf(existing) === userId || can(role, 'manage-members')) return null;
    return { reason: 'not-author', detail: `${path} belongs to someone else; a ${role} may not remove it.` };
  }
  if (touch.content !== 'any') return plainValues(path);
  const problem = isCommentId(commentId) ? commentProblem(touch.value) : 'a comment id is short and plain';
  if (problem) return { reason: 'forbidden', detail: `${path}: ${problem}.` };
  const value = touch.value as CommentValue;
  if (value.author !== userId) {
    return { reason: 'not-author', detail: `${path} must be written as its author.` };
  }
  if (existing !== undefined) {
    const before = existing as Partial<CommentValue>;
    if (before.author !== userId) {
      return { reason: 'not-author', detail: `${path} belongs to someone else; only its author edits it.` };
    }
    if (value.at !== before.at || value.replyTo !== before.replyTo) {
      return { reason: 'forbidden', detail: `${path}: an edit keeps the comment's time and thread.` };
    }
  }
  if (value.replyTo !== undefined && !commentKnown(context, cardId, value.replyTo)) {
    return { reason: 'forbidden', detail: `${path} replies to a comment the card never had.` };
  }
  return null;
}

/**
 * Resolutions (comment id → { by, at }) sit beside the comments because anyone who may comment
 * resolves or reopens anyone's thread; what they may not do is resolve in someone else's name.
 */
function judgeResolution(touch: Touch, cardId: string, path: string, context: Context): Refusal | null {
  const refusal = need('comment', path, context);
  if (refusal) return refusal;
  if (touch.parent.length === 2) {
    // The map itself, made by the first resolve on a card. Removing or replacing it would reopen
    // every thread at once: that is editing the card.
    if (touch.kind === 'delete') return need('edit-card', path, context);
    const isMap = touch.content === 'type' && (touch.value as { yType?: unknown }).yType === 'YMap';
    return isMap ? null : { reason: 'forbidden', detail: `${path} is a map of resolutions.` };
  }
  const commentId = touch.parent.length === 3 ? touch.key : null;
  if (commentId === null) return plainValues(path);
  if (touch.kind === 'delete' || touch.content === 'deleted') return null;
  if (touch.content !== 'any') return plainValues(path);
  const problem = resolutionProblem(touch.value);
  if (problem) return { reason: 'forbidden', detail: `${path}: ${problem}.` };
  if ((touch.value as ResolutionValue).by !== context.actor.userId) {
    return { reason: 'not-author', detail: `${path} must name its sender as \`by\`.` };
  }
  return commentKnown(context, cardId, commentId)
    ? null
    : { reason: 'forbidden', detail: `${path} resolves a comment the card never had.` };
}

/**
 * True when the card has or had the comment, or this update writes it. A deleted comment counts:
 * a reply or a resolve that crossed its deletion is a race, not a forgery, and refusing it would
 * make the sender drop everything else it has not synced.
 */
function commentKnown(context: Context, cardId: string, commentId: string): boolean {
  return (
    commentsOf(context.doc, cardId)?._map.has(commentId) === true ||
    context.comments.get(cardId)?.has(commentId) === true
  );
}

function plainValues(path: string): Refusal {
  return { reason: 'forbidden', detail: `${path}: holds plain values keyed by comment id.` };
}

function need(action: BoardAction, path: string, context: Context): Refusal | null {
  const { role } = context.actor;
  return can(role, action)
    ? null
    : { reason: 'forbidden', detail: `${path} needs ${action}; ${role} may not.` };
}

function serverOnly(path: string): Refusal {
  return { reason: 'server-only', detail: `${path} is written by the server only.` };
}

function pathText(touch: Touch): string {
  return touch.key === null ? touch.parent.join('/') : [...touch.parent, touch.key].join('/');
}

function authorOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { author?: unknown }).author : undefined;
}

/** What every Yjs type keeps its map entries in; a root may be a plain AbstractType until read as a map. */
type ItemMap = Pick<Y.AbstractType<unknown>, '_map'>;

/**
 * The live value under `key`, read through the type's item map. Reading `doc.getMap` instead
 * would define root types on the server's document as a side effect of a check.
 */
function liveValue(type: ItemMap | undefined, key: string): unknown {
  const item = type?._map.get(key);
  return item && !item.deleted ? item.content.getContent()[item.length - 1] : undefined;
}

function existingCard(doc: Y.Doc, id: string): ItemMap | undefined {
  const card = liveValue(doc.share.get('cards'), id);
  return card instanceof Y.AbstractType ? card : undefined;
}

function commentsOf(doc: Y.Doc, cardId: string): ItemMap | undefined {
  const comments = liveValue(existingCard(doc, cardId), CardKey.comments);
  return comments instanceof Y.AbstractType ? comments : undefined;
}
