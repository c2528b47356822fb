import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  BoardError,
  deleteComment,
  editComment,
  initBoard,
  readBoard,
  readComments
} from '../../../src/lib/board';
import { CardKey, roots } from '../../../src/lib/board/schema';

function card() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', stages: [{ name: 'Draft' }] });
  const cardId = addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: 'Poster' });
  const threads = () => readComments(roots(doc).cards.get(cardId)!);
  return { doc, cardId, threads };
}

describe('comments', () => {
  // Comments order by time (same-millisecond ones by id): each is written a millisecond apart.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());
  const later = () => vi.setSystemTime(Date.now() + 1);

  it('threads replies under the first comment, one level deep', () => {
    const { doc, cardId, threads } = card();
    const first = addComment(doc, cardId, { author: 'mia', text: 'Logo is too small' });
    later();
    const reply = addComment(doc, cardId, { author: 'eli', text: 'Bigger now', replyTo: first });
    later();
    addComment(doc, cardId, { author: 'mia', text: 'Better', replyTo: reply });
    const [thread] = threads();
    expect(thread!.comment.text).toBe('Logo is too small');
    expect(thread!.replies.map((r) => [r.author, r.text, r.replyTo])).toEqual([
      ['eli', 'Bigger now', first],
      ['mia', 'Better', first]
    ]);
  });

  it('lets only the author edit, keeping author and time, and marks the edit', () => {
    const { doc, cardId, threads } = card();
    const id = addComment(doc, cardId, { author: 'mia', text: 'Draft v1 ok' });
    const at = threads()[0]!.comment.at;
    expect(() => editComment(doc, cardId, id, 'eli', 'hijacked')).toThrow(BoardError);
    editComment(doc, cardId, id, 'mia', 'Draft v1 ok, ship it');
    expect(threads()[0]!.comment).toMatchObject({ author: 'mia', at, text: 'Draft v1 ok, ship it' });
    expect(threads()[0]!.comment.editedAt).toBeTypeOf('number');
  });

  it('keeps replies visible when their first comment is deleted', () => {
    const { doc, cardId, threads } = card();
    const first = addComment(doc, cardId, { author: 'mia', text: 'Question' });
    addComment(doc, cardId, { author: 'eli', text: 'Answer', replyTo: first });
    deleteComment(doc, cardId, first);
    expect(threads().map((t) => t.comment.text)).toEqual(['Answer']);
  });

  it('shows a reply naming another reply (from a hostile client) as a thread of its own', () => {
    const { doc, cardId, threads } = card();
    const first = addComment(doc, cardId, { author: 'mia', text: 'A' });
    later();
    const reply = addComment(doc, cardId, { author: 'eli', text: 'B', replyTo: first });
    const comments = roots(doc).cards.get(cardId)!.get(CardKey.comments) as Y.Map<unknown>;
    comments.set('forged', { author: 'x', text: 'C', at: Date.now() + 1, replyTo: reply });
    expect(threads().map((t) => t.comment.text)).toEqual(['A', 'C']);
  });

  it('refuses an empty or too long comment and a reply to a deleted one', () => {
    const { doc, cardId, threads } = card();
    expect(() => addComment(doc, cardId, { author: 'mia', text: '   ' })).toThrow(BoardError);
    expect(() => addComment(doc, cardId, { author: 'mia', text: 'x'.repeat(5001) })).toThrow(BoardError);
    expect(() => addComment(doc, cardId, { author: 'mia', text: 'hi', replyTo: 'gone' })).toThrow(BoardError);
    expect(threads()).toEqual([]);
  });
});
