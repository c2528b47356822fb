/**
 * Comments on a card: a plain value per comment under the card's `comments` map, so the server's
 * update policy can read the author of what is written (a commenter may write only their own,
 * server/auth/updatePolicy.ts). Replies are one level deep: a reply names its thread's first
 * comment. Editing rewrites the whole value, keeping author and time, so a concurrent edit of the
 * same comment resolves to one of the two texts, never a mix.
 */
import * as Y from 'yjs';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { CardKey, cardMap } from './schema';
import { transact } from './transact';

export const COMMENT_MAX = 5000;

/** One comment as stored: who wrote it (a user id), the text, when, and what it answers. */
export interface CommentValue {
  author: string;
  text: string;
  at: number;
  /** The id of the thread's first comment, for a reply. */
  replyTo?: string;
  /** When the author last changed the text. */
  editedAt?: number;
}

export interface CommentView extends CommentValue {
  id: string;
}

/** A first comment and its replies, oldest first. */
export interface CommentThread {
  comment: CommentView;
  replies: CommentView[];
}

function commentsOf(doc: Y.Doc, cardId: string): Y.Map<unknown> {
  const comments = cardMap(doc, cardId).get(CardKey.comments);
  if (!(comments instanceof Y.Map)) throw new BoardError('not-found', `No comments on card ${cardId}.`);
  return comments as Y.Map<unknown>;
}

function cleanText(text: string): string {
  const clean = text.trim();
  if (!clean || clean.length > COMMENT_MAX) {
    throw new BoardError('invalid', `A comment is 1–${COMMENT_MAX} characters.`);
  }
  return clean;
}

function isComment(value: unknown): value is CommentValue {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<CommentValue>;
  return typeof c.author === 'string' && typeof c.text === 'string' && typeof c.at === 'number';
}

/** Adds a comment by `author` to the card (a reply when `replyTo` is given) and returns its id. */
export function addComment(
  doc: Y.Doc,
  cardId: string,
  comment: { author: string; text: string; replyTo?: string },
  origin?: BoardOrigin
): string {
  const comments = commentsOf(doc, cardId);
  const value: CommentValue = { author: comment.author, text: cleanText(comment.text), at: Date.now() };
  if (comment.replyTo !== undefined) {
    const parent = comments.get(comment.replyTo);
    if (!isComment(parent)) throw new BoardError('not-found', 'The comment replied to is gone.');
    value.replyTo = parent.replyTo ?? comment.replyTo;
  }
  const id = newId();
  transact(doc, origin, () => comments.set(id, value));
  return id;
}

/** Rewrites the text of `author`'s own comment. */
export function editComment(
  doc: Y.Doc,
  cardId: string,
  commentId: string,
  author: string,
  text: string,
  origin?: BoardOrigin
): void {
  const comments = commentsOf(doc, cardId);
  const current = comments.get(commentId);
  if (!isComment(current)) throw new BoardError('not-found', 'This comment is gone.');
  if (current.author !== author) throw new BoardError('invalid', 'Only its author can edit a comment.');
  const next: CommentValue = { ...current, text: cleanText(text), editedAt: Date.now() };
  transact(doc, origin, () => comments.set(commentId, next));
}

/** Deletes a comment (the server lets authors delete their own, and managers any). */
export function deleteComment(doc: Y.Doc, cardId: string, commentId: string, origin?: BoardOrigin): void {
  const comments = commentsOf(doc, cardId);
  if (!comments.has(commentId)) throw new BoardError('not-found', 'This comment is gone.');
  transact(doc, origin, () => comments.delete(commentId));
}

/**
 * The card's comments as threads, oldest first. A reply whose first comment was deleted becomes
 * a thread of its own, so no words disappear with someone else's comment.
 */
export function readComments(card: Y.Map<unknown>): CommentThread[] {
  const stored = card.get(CardKey.comments);
  if (!(stored instanceof Y.Map)) return [];
  const all: CommentView[] = [];
  stored.forEach((value, id) => {
    if (isComment(value)) all.push({ ...value, id });
  });
  all.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const threads = new Map<string, CommentThread>();
  for (const c of all)
    if (!c.replyTo || !stored.has(c.replyTo)) threads.set(c.id, { comment: c, replies: [] });
  for (const c of all) {
    if (threads.has(c.id)) continue;
    const thread = threads.get(c.replyTo as string);
    // A reply naming another reply (an old or hostile client) still shows, as its own thread.
    if (thread) thread.replies.push(c);
    else threads.set(c.id, { comment: c, replies: [] });
  }
  return [...threads.values()].sort((a, b) => a.comment.at - b.comment.at);
}
