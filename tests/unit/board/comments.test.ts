import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  BoardError,
  COMMENT_MAX,
  deleteComment,
  editComment,
  initBoard,
  MENTIONS_MAX,
  readBoard,
  readComments,
  reopenComment,
  resolveComment
} from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';

function card() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', stages: [{ name: 'Draft' }] });
  const cardId = addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: 'Poster' });
  const threads = () => readComments(roots(doc).cards.get(cardId)!);
  const stored = () => roots(doc).cards.get(cardId)!.get(CardKey.comments) as Y.Map<unknown>;
  return { doc, cardId, threads, stored };
}

const PIN = { attachmentId: 'att1', version: 2, x: 0.25, y: 0.75 };

// A second per call: comments written in one millisecond are ordered by their random ids, which
// would make "oldest first" a coin toss here (people do not write two comments in a millisecond).
let clock = 0;
beforeEach(() => void vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000)));
afterEach(() => void vi.restoreAllMocks());

describe('comment threads', () => {
  it('threads replies under the first comment, one level deep', () => {
    const { doc, cardId, threads } = card();
    const first = addComment(doc, cardId, { author: 'mia', text: 'Logo is too small' });
    const reply = addComment(doc, cardId, { author: 'eli', text: 'Bigger now', replyTo: first });
    addComment(doc, cardId, { author: 'mia', text: 'Better', replyTo: reply });
    const [thread] = threads();
    expect(thread!.comment.text).toBe('Logo is too small');
    expect(thread!.replies.map((r) => [r.author, r.text, r.replyTo])).toEqual([
      ['eli', 'Bigger now', first],
      ['mia', 'Better', first]
    ]);
  });

  it('lists threads oldest first (newest last), whatever order the map keeps', () => {
    const { doc, threads, stored } = card();
    doc.transact(() => {
      stored().set('zzz', { author: 'mia', text: 'first', at: 1 });
      stored().set('aaa', { author: 'eli', text: 'second', at: 2 });
      stored().set('bbb', { author: 'eli', text: 'third (same time, later id)', at: 2 });
    });
    expect(threads().map((t) => t.comment.id)).toEqual(['zzz', 'aaa', 'bbb']);
  });

  it('keeps replies visible when their first comment is deleted', () => {
    const { doc, cardId, threads } = card();
    const first = addComment(doc, cardId, { author: 'mia', text: 'Question' });
    addComment(doc, cardId, { author: 'eli', text: 'Answer', replyTo: first });
    deleteComment(doc, cardId, first);
    expect(threads().map((t) => t.comment.text)).toEqual(['Answer']);
  });

  it('shows a reply naming another reply (from a hostile client) as a thread of its own', () => {
    const { doc, cardId, threads, stored } = card();
    const first = addComment(doc, cardId, { author: 'mia', text: 'A' });
    const reply = addComment(doc, cardId, { author: 'eli', text: 'B', replyTo: first });
    stored().set('forged', { author: 'x', text: 'C', at: Date.now() + 1, replyTo: reply });
    expect(threads().map((t) => t.comment.text)).toEqual(['A', 'C']);
  });

  it('skips stored values that are not comments, so a hostile client’s leftovers never show', () => {
    const { doc, cardId, threads, stored } = card();
    doc.transact(() => {
      stored().set('a', 'just a string');
      stored().set('b', { author: 'mia', text: '<b>x</b>', at: 1, onclick: 'alert(1)' });
      stored().set('c', { author: 'mia', text: 'x'.repeat(COMMENT_MAX + 1), at: 1 });
    });
    addComment(doc, cardId, { author: 'mia', text: 'real' });
    expect(threads().map((t) => t.comment.text)).toEqual(['real']);
  });
});

describe('writing comments', () => {
  it('lets only the author edit, keeping author, time, thread and pin, and marks the edit', () => {
    const { doc, cardId, threads } = card();
    const id = addComment(doc, cardId, { author: 'mia', text: 'Draft v1 ok', pin: PIN });
    const at = threads()[0]!.comment.at;
    expect(() => editComment(doc, cardId, id, { author: 'eli', text: 'hijacked' })).toThrow(BoardError);
    editComment(doc, cardId, id, { author: 'mia', text: 'Draft v1 ok, ship it' });
    expect(threads()[0]!.comment).toMatchObject({
      author: 'mia',
      at,
      text: 'Draft v1 ok, ship it',
      pin: PIN
    });
    expect(threads()[0]!.comment.editedAt).toBeTypeOf('number');
  });

  it('replaces the mentions with those of the new text on edit', () => {
    const { doc, cardId, threads } = card();
    const id = addComment(doc, cardId, { author: 'mia', text: '@Eli look', mentions: ['eli', 'eli'] });
    expect(threads()[0]!.comment.mentions).toEqual(['eli']);
    editComment(doc, cardId, id, { author: 'mia', text: 'never mind' });
    expect(threads()[0]!.comment.mentions).toBeUndefined();
  });

  it('refuses an empty or too long comment and a reply to a deleted one', () => {
    const { doc, cardId, threads } = card();
    expect(() => addComment(doc, cardId, { author: 'mia', text: '   ' })).toThrow(BoardError);
    expect(() => addComment(doc, cardId, { author: 'mia', text: 'x'.repeat(COMMENT_MAX + 1) })).toThrow(
      BoardError
    );
    expect(() => addComment(doc, cardId, { author: 'mia', text: 'hi', replyTo: 'gone' })).toThrow(BoardError);
    expect(threads()).toEqual([]);
  });

  it('refuses too many mentions, odd ids, pins off the image and pins on replies', () => {
    const { doc, cardId, threads } = card();
    const many = Array.from({ length: MENTIONS_MAX + 1 }, (_, i) => `user${i}`);
    const first = addComment(doc, cardId, { author: 'mia', text: 'ok' });
    for (const draft of [
      { mentions: many },
      { mentions: ['<script>'] },
      { pin: { ...PIN, x: 1.01 } },
      { pin: { ...PIN, y: -0.1 } },
      { pin: { ...PIN, version: 0 } },
      { pin: { ...PIN, attachmentId: '../../etc/passwd' } },
      { pin: PIN, replyTo: first }
    ]) {
      expect(
        () => addComment(doc, cardId, { author: 'mia', text: 'hi', ...draft }),
        JSON.stringify(draft)
      ).toThrow(BoardError);
    }
    expect(() => addComment(doc, cardId, { author: 'not an id!', text: 'hi' })).toThrow(BoardError);
    expect(threads()).toHaveLength(1);
  });
});

describe('resolving threads', () => {
  it('lets anyone resolve anyone’s thread, beside the comment, and reopen it', () => {
    const { doc, cardId, threads, stored } = card();
    const id = addComment(doc, cardId, { author: 'boss', text: 'Logo too small' });
    const before = stored().get(id);
    resolveComment(doc, cardId, id, 'designer');
    expect(threads()[0]!.resolved).toEqual({ by: 'designer', at: expect.any(Number) });
    // The comment value (its author's) is untouched.
    expect(stored().get(id)).toBe(before);
    reopenComment(doc, cardId, id);
    expect(threads()[0]!.resolved).toBeNull();
  });

  it('keeps both resolutions when two threads are resolved on two replicas of a card that had one', () => {
    const { doc, cardId, threads } = card();
    const [a, b, c] = ['A', 'B', 'C'].map((text) => addComment(doc, cardId, { author: 'mia', text }));
    resolveComment(doc, cardId, a!, 'mia');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    resolveComment(doc, cardId, b!, 'mia');
    resolveComment(other, cardId, c!, 'eli');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(threads().map((t) => t.resolved?.by ?? null)).toEqual(['mia', 'mia', 'eli']);
  });

  it('forgets the resolution of a deleted comment', () => {
    const { doc, cardId } = card();
    const id = addComment(doc, cardId, { author: 'mia', text: 'A' });
    resolveComment(doc, cardId, id, 'eli');
    deleteComment(doc, cardId, id);
    const resolved = roots(doc).cards.get(cardId)!.get(CardKey.resolvedComments) as Y.Map<unknown>;
    expect(resolved.has(id)).toBe(false);
  });

  it('refuses to resolve a comment that is not there', () => {
    const { doc, cardId } = card();
    expect(() => resolveComment(doc, cardId, 'nope', 'mia')).toThrow(BoardError);
  });
});

describe('pin numbers', () => {
  it('numbers pins 1, 2, … per attachment version in order of writing, the same on every replica', () => {
    const { doc, cardId, threads, stored } = card();
    const v1 = { ...PIN, version: 1 };
    doc.transact(() => {
      stored().set('c3', { author: 'mia', text: 'third on v2', at: 30, pin: PIN });
      stored().set('c1', { author: 'mia', text: 'first on v2', at: 10, pin: PIN });
      stored().set('c2', { author: 'eli', text: 'first on v1', at: 20, pin: v1 });
      stored().set('c0', { author: 'eli', text: 'no pin', at: 5 });
      stored().set('c4', { author: 'eli', text: 'second on v2', at: 20, pin: PIN });
    });
    const numbers = (d: Y.Doc) =>
      readComments(roots(d).cards.get(cardId)!).map((t) => [t.comment.id, t.pinNumber]);
    expect(numbers(doc)).toEqual([
      ['c0', null],
      ['c1', 1],
      ['c2', 1],
      ['c4', 2],
      ['c3', 3]
    ]);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(numbers(replica)).toEqual(numbers(doc));
    // Resolving keeps a pin's number: people refer to "pin 2" in the room.
    resolveComment(doc, cardId, 'c1', 'eli');
    expect(threads().find((t) => t.comment.id === 'c4')!.pinNumber).toBe(2);
  });
});
