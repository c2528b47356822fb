/**
 * Comments on a card: a plain value per comment under the card's `comments` map, so the server's
 * update policy can read the author of what is written (a commenter may write only their own,
 * server/auth/updatePolicy.ts). Threads, pins and mentions build on this shape (issue 6).
 */
import type * as Y from 'yjs';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { CardKey, roots } from './schema';
import { transact } from './transact';

export const COMMENT_MAX = 5000;

/** One comment as stored: who wrote it (a user id), the text, and when. */
export interface CommentValue {
  author: string;
  text: string;
  at: number;
}

/** Adds a comment by `author` to the card and returns its id. */
export function addComment(
  doc: Y.Doc,
  cardId: string,
  comment: { author: string; text: string },
  origin?: BoardOrigin
): string {
  const card = roots(doc).cards.get(cardId);
  const comments = card?.get(CardKey.comments) as Y.Map<CommentValue> | undefined;
  if (!card || !comments) throw new BoardError('not-found', `No card ${cardId}.`);
  const text = comment.text.trim();
  if (!text || text.length > COMMENT_MAX) {
    throw new BoardError('invalid', `A comment is 1–${COMMENT_MAX} characters.`);
  }
  const id = newId();
  transact(doc, origin, () => comments.set(id, { author: comment.author, text, at: Date.now() }));
  return id;
}
