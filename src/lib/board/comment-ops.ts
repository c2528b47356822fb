/**
 * Comments on a card: a plain value per comment under the card's `comments` map, so the server's
 * update policy can read the author of what is written (a commenter may write only their own,
 * server/policy/updatePolicy.ts). Replies are one level deep: a reply names its thread's first
 * comment. Editing rewrites the whole value, keeping author and time, so a concurrent edit of the
 * same comment resolves to one of the two texts, never a mix. Resolution lives in a map of its
 * own (`resolvedComments`), since anyone who may comment resolves anyone's thread. Shapes and
 * limits: comment-value.ts; reading threads: comment-read.ts.
 */
import * as Y from 'yjs';
import {
  commentProblem,
  isCommentId,
  isCommentValue,
  MENTIONS_MAX,
  type CommentPin,
  type CommentValue,
  type ResolutionValue
} from './comment-value';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { CardKey, cardMap, childMap } from './schema';
import { transact } from './transact';

/** What a person writes: the text, and optionally whom it mentions, what it answers, where it points. */
export interface CommentDraft {
  author: string;
  text: string;
  /** Any comment of the thread; a reply to a reply joins the thread's first comment. */
  replyTo?: string;
  mentions?: readonly string[];
  pin?: CommentPin;
  /** When it was written, for an import keeping the original time (default: now). */
  at?: number;
  /** Its writer in the tool it was imported from, when no account stands for them. */
  originally?: string;
}

function commentsOf(doc: Y.Doc, cardId: string): Y.Map<unknown> {
  const comments = cardMap(doc, cardId).get(CardKey.comments);
  if (!(comments instanceof Y.Map)) throw new BoardError('not-found', `No comments on card ${cardId}.`);
  return comments as Y.Map<unknown>;
}

function existing(comments: Y.Map<unknown>, commentId: string): CommentValue {
  const value = comments.get(commentId);
  if (!isCommentValue(value)) throw new BoardError('not-found', 'This comment is gone.');
  return value;
}

/** Each mentioned id once; more than MENTIONS_MAX is refused rather than silently cut. */
function cleanMentions(mentions: readonly string[] | undefined): string[] | undefined {
  if (!mentions || mentions.length === 0) return undefined;
  const unique = [...new Set(mentions)];
  if (unique.length > MENTIONS_MAX) {
    throw new BoardError('invalid', `A comment mentions at most ${MENTIONS_MAX} people.`);
  }
  return unique;
}

/** The value as the server will judge it; a problem here would close the connection there. */
function checked(value: CommentValue): CommentValue {
  const trimmed = { ...value, text: value.text.trim() };
  const problem = commentProblem(trimmed);
  if (problem) throw new BoardError('invalid', `Comment refused: ${problem}.`);
  return trimmed;
}

/** Adds a comment by `draft.author` to the card (a reply when `replyTo` is given) and returns its id. */
export function addComment(doc: Y.Doc, cardId: string, draft: CommentDraft, origin?: BoardOrigin): string {
  const comments = commentsOf(doc, cardId);
  const value: CommentValue = { author: draft.author, text: draft.text, at: draft.at ?? Date.now() };
  if (draft.originally !== undefined) value.originally = draft.originally;
  if (draft.replyTo !== undefined) {
    const parent = comments.get(draft.replyTo);
    if (!isCommentValue(parent)) throw new BoardError('not-found', 'The comment replied to is gone.');
    value.replyTo = parent.replyTo ?? draft.replyTo;
  }
  const mentions = cleanMentions(draft.mentions);
  if (mentions) value.mentions = mentions;
  if (draft.pin) value.pin = { ...draft.pin };
  const clean = checked(value);
  const id = newId();
  transact(doc, origin, () => comments.set(id, clean));
  return id;
}

/**
 * Rewrites the text (and so the mentions) of `edit.author`'s own comment; author, time, thread
 * and pin stay as they were.
 */
export function editComment(
  doc: Y.Doc,
  cardId: string,
  commentId: string,
  edit: { author: string; text: string; mentions?: readonly string[] },
  origin?: BoardOrigin
): void {
  const comments = commentsOf(doc, cardId);
  const current = existing(comments, commentId);
  if (current.author !== edit.author) throw new BoardError('invalid', 'Only its author can edit a comment.');
  const next: CommentValue = { ...current, text: edit.text, editedAt: Date.now() };
  // The mentions follow the new text: someone no longer named is no longer mentioned.
  delete next.mentions;
  const mentions = cleanMentions(edit.mentions);
  if (mentions) next.mentions = mentions;
  const clean = checked(next);
  transact(doc, origin, () => comments.set(commentId, clean));
}

/** Deletes a comment and its resolution (the server lets authors delete their own, and managers any). */
export function deleteComment(doc: Y.Doc, cardId: string, commentId: string, origin?: BoardOrigin): void {
  const comments = commentsOf(doc, cardId);
  if (!comments.has(commentId)) throw new BoardError('not-found', 'This comment is gone.');
  const resolved = resolutionsOf(doc, cardId);
  transact(doc, origin, () => {
    comments.delete(commentId);
    if (resolved?.has(commentId)) resolved.delete(commentId);
  });
}

function resolutionsOf(doc: Y.Doc, cardId: string): Y.Map<unknown> | null {
  const map = cardMap(doc, cardId).get(CardKey.resolvedComments);
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null;
}

/**
 * Marks a thread resolved by `by` (anyone who may comment: the designer resolves the manager's
 * remark once the draft is fixed). The first resolution on a card creates its map; two people
 * doing that at the same moment on one card keep only one of the two maps (Yjs map keys are
 * last-writer-wins), which is why cards made from now on could carry it from the start.
 */
export function resolveComment(
  doc: Y.Doc,
  cardId: string,
  commentId: string,
  by: string,
  origin?: BoardOrigin
): void {
  existing(commentsOf(doc, cardId), commentId);
  if (!isCommentId(by)) throw new BoardError('invalid', 'Resolved by whom?');
  const value: ResolutionValue = { by, at: Date.now() };
  const card = cardMap(doc, cardId);
  transact(doc, origin, () => {
    childMap(card, CardKey.resolvedComments).set(commentId, value);
  });
}

/** Opens a resolved thread again (anyone who may comment). */
export function reopenComment(doc: Y.Doc, cardId: string, commentId: string, origin?: BoardOrigin): void {
  const map = resolutionsOf(doc, cardId);
  if (!map?.has(commentId)) return;
  transact(doc, origin, () => map.delete(commentId));
}
