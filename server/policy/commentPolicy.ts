/**
 * The update policy's rules for comments and their resolutions (updatePolicy.ts sends every
 * touch under a card's `comments` or `resolvedComments` here).
 */
import * as Y from 'yjs';
import { can } from '#lib/auth/permissions';
import {
  commentProblem,
  isCommentId,
  resolutionProblem,
  type CommentValue,
  type ResolutionValue
} from '#lib/board/comment-value';
import { CardKey } from '#lib/board/schema';
import { existingCard, liveValue, need, type Context, type ItemMap, type Refusal } from './policyContext';
import type { Touch } from './updateTouches';

/**
 * Comments are plain values keyed by comment id (shape: comment-value.ts). Each belongs to its
 * author: only they write it, and an edit keeps its time and thread. Managers moderate by
 * deleting anyone's, never by rewriting it.
 *
 * Mentions are not checked against the board's members here: this runs synchronously inside the
 * room for every update, membership lives in an asynchronous store, and a member may leave after
 * being mentioned anyway. The inbox checks membership when it makes an item and again when it
 * lists one, so a mention of a stranger reaches nobody, and the page highlights members only.
 */
export function judgeComment(touch: Touch, cardId: string, path: string, context: Context): Refusal | null {
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
  if (value.originally !== (existing as Partial<CommentValue> | undefined)?.originally) {
    // Only the server's import says who wrote a comment elsewhere (an edit keeps it as it was);
    // a person saying it would put words in a colleague's mouth under their own name.
    return { reason: 'forbidden', detail: `${path}: only an import names an original author.` };
  }
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
export function judgeResolution(
  touch: Touch,
  cardId: string,
  path: string,
  context: Context
): Refusal | null {
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

function authorOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { author?: unknown }).author : undefined;
}

function commentsOf(doc: Y.Doc, cardId: string): ItemMap | undefined {
  const comments = liveValue(existingCard(doc, cardId), CardKey.comments);
  return comments instanceof Y.AbstractType ? comments : undefined;
}
