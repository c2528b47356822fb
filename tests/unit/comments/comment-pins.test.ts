import { afterEach, describe, expect, it, vi } from 'vitest';
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
import { formatTime, marksOn, pinnableDrafts, pinsOn } from '#lib/components/comments/comment-pins';
import { relativeTime } from '#lib/components/comments/relative-time';

function cardWithDrafts() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', stages: [{ name: 'Draft' }] });
  const cardId = addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: 'Poster' });
  const file = (type: 'image/png' | 'application/pdf' | 'video/webm' | 'application/zip') => ({
    name: `poster.${type.slice(-3)}`,
    size: 10,
    type,
    by: 'u1'
  });
  addAttachmentVersion(doc, cardId, 'img', file('image/png'));
  addAttachmentVersion(doc, cardId, 'img', file('image/png'));
  addAttachmentVersion(doc, cardId, 'pdf', file('application/pdf'));
  addAttachmentVersion(doc, cardId, 'cut', file('video/webm'));
  addAttachmentVersion(doc, cardId, 'zip', file('application/zip'));
  const card = () => roots(doc).cards.get(cardId)!;
  return { doc, cardId, card };
}

describe('draft pins', () => {
  it('offers every image, PDF and video version, newest first, and no archives', () => {
    const { card } = cardWithDrafts();
    const keys = pinnableDrafts(readAttachments(card())).map((i) => `${i.key} ${i.kind}`);
    expect(keys.filter((k) => k.startsWith('img'))).toEqual(['img:2 image', 'img:1 image']);
    expect(keys.toSorted()).toEqual(['cut:1 video', 'img:1 image', 'img:2 image', 'pdf:1 pdf']);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('puts PDF pins on their page and video pins on the timeline, one numbering per version', () => {
    const { doc, cardId, card } = cardWithDrafts();
    const onPdf = (page: number) => ({ attachmentId: 'pdf', version: 1, x: 0.5, y: 0.25, page });
    // Numbers follow the order comments were made; made in one millisecond, ids would decide it.
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 7, 9) });
    const p2 = addComment(doc, cardId, { author: 'u1', text: 'a', pin: onPdf(2) });
    vi.advanceTimersByTime(1000);
    const p1 = addComment(doc, cardId, { author: 'u1', text: 'b', pin: onPdf(1) });
    const at = addComment(doc, cardId, {
      author: 'u1',
      text: 'c',
      pin: { attachmentId: 'cut', version: 1, t: 61_500 }
    });
    const drafts = pinnableDrafts(readAttachments(card()));
    const [pdf, video] = [drafts.find((d) => d.kind === 'pdf')!, drafts.find((d) => d.kind === 'video')!];
    const threads = readComments(card());
    expect(pinsOn(threads, pdf, 2).map((p) => [p.commentId, p.number])).toEqual([[p2, 1]]);
    expect(pinsOn(threads, pdf, 1).map((p) => [p.commentId, p.number])).toEqual([[p1, 2]]);
    expect(pinsOn(threads, video)).toEqual([]);
    expect(marksOn(threads, video)).toEqual([{ commentId: at, number: 1, t: 61_500, resolved: false }]);
    expect(marksOn(threads, pdf)).toEqual([]);
    expect([formatTime(61_500), formatTime(3_723_000), formatTime(0)]).toEqual(['1:01', '1:02:03', '0:00']);
  });

  it('puts each version’s pins on it with their numbers and whether they are resolved', () => {
    const { doc, cardId, card } = cardWithDrafts();
    const pin = (version: number, x: number) => ({ attachmentId: 'img', version, x, y: 0.5 });
    const a = addComment(doc, cardId, { author: 'u1', text: 'a', pin: pin(2, 0.1) });
    addComment(doc, cardId, { author: 'u1', text: 'b', pin: pin(1, 0.2) });
    resolveComment(doc, cardId, a, 'u2');
    const [v2, v1] = pinnableDrafts(readAttachments(card())).filter((d) => d.kind === 'image');
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
