import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAttachmentVersion,
  addCard,
  addComment,
  initBoard,
  readAttachments,
  readBoard,
  readComments,
  resolveComment
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { draftImages, pinsOn } from '#lib/components/comments/comment-pins';
import { relativeTime } from '#lib/components/comments/relative-time';

function cardWithDrafts() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', stages: [{ name: 'Draft' }] });
  const cardId = addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: 'Poster' });
  const file = (type: 'image/png' | 'application/pdf') => ({
    name: `poster.${type.slice(-3)}`,
    size: 10,
    type,
    by: 'u1'
  });
  addAttachmentVersion(doc, cardId, 'img', file('image/png'));
  addAttachmentVersion(doc, cardId, 'img', file('image/png'));
  addAttachmentVersion(doc, cardId, 'pdf', file('application/pdf'));
  const card = () => roots(doc).cards.get(cardId)!;
  return { doc, cardId, card };
}

describe('draft pins', () => {
  it('offers every image version, newest first, and no PDFs', () => {
    const { card } = cardWithDrafts();
    expect(draftImages(readAttachments(card())).map((i) => i.key)).toEqual(['img:2', 'img:1']);
  });

  it('puts each version’s pins on it with their numbers and whether they are resolved', () => {
    const { doc, cardId, card } = cardWithDrafts();
    const pin = (version: number, x: number) => ({ attachmentId: 'img', version, x, y: 0.5 });
    const a = addComment(doc, cardId, { author: 'u1', text: 'a', pin: pin(2, 0.1) });
    addComment(doc, cardId, { author: 'u1', text: 'b', pin: pin(1, 0.2) });
    resolveComment(doc, cardId, a, 'u2');
    const [v2, v1] = draftImages(readAttachments(card()));
    const threads = readComments(card());
    expect(pinsOn(threads, v2!)).toEqual([{ commentId: a, number: 1, x: 0.1, y: 0.5, resolved: true }]);
    expect(pinsOn(threads, v1!).map((p) => [p.number, p.x, p.resolved])).toEqual([[1, 0.2, false]]);
  });
});

describe('relative time', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  it('says how long ago in the page’s language, and the date after a week', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 min. ago');
    expect(relativeTime(now - 3 * 3_600_000, now, 'zh-CN')).toBe('3小时前');
    expect(relativeTime(now - 86_400_000, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 30 * 86_400_000, now, 'en')).toBe('Oct 23, 2026');
  });

  it('reads a time from a clock ahead of ours as now', () => {
    expect(relativeTime(now + 60_000, now, 'en')).toBe('now');
  });
});
