import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addAttachmentVersion,
  addCard,
  addChecklistItem,
  addComment,
  deleteComment,
  dueStatus,
  highlightRuns,
  initBoard,
  readBoard,
  readCardSearchText,
  searchCard,
  searchWords,
  setCardDescription
} from '#lib/board';
import { roots } from '#lib/board/schema';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', stages: [{ name: 'Draft' }, { name: 'Done' }] });
  const stageId = readBoard(doc).stages[0]!.id;
  const cardId = addCard(doc, { stageId, title: '双十一海报 Poster' });
  const face = () => readBoard(doc).columns.get(stageId)![0]!;
  const searchText = () => readCardSearchText(roots(doc).cards.get(cardId)!);
  return { doc, cardId, face, searchText };
}

let clock = 0;
beforeEach(() => void vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000)));
afterEach(() => void vi.restoreAllMocks());

describe('card face facts', () => {
  it('counts comments and drafts and marks a description that holds more than spaces', () => {
    const { doc, cardId, face } = board();
    expect(face()).toMatchObject({ commentCount: 0, attachmentCount: 0, described: false, cover: null });
    const first = addComment(doc, cardId, { author: 'mia', text: 'Logo too small' });
    addComment(doc, cardId, { author: 'eli', text: 'Fixed', replyTo: first });
    addAttachmentVersion(doc, cardId, 'brief', {
      name: 'brief.pdf',
      size: 10,
      type: 'application/pdf',
      by: 'mia'
    });
    setCardDescription(doc, cardId, '   ');
    expect(face()).toMatchObject({ commentCount: 2, attachmentCount: 1, described: false, cover: null });
    setCardDescription(doc, cardId, '尺寸 A2');
    deleteComment(doc, cardId, first);
    expect(face()).toMatchObject({ commentCount: 1, described: true });
  });

  it('covers the card with the newest version of the most recently updated image draft', () => {
    const { doc, cardId, face } = board();
    const file = (type: 'image/png' | 'image/jpeg' | 'application/pdf') => ({
      name: 'x',
      size: 1,
      type,
      by: 'mia'
    });
    addAttachmentVersion(doc, cardId, 'poster', file('image/png'));
    addAttachmentVersion(doc, cardId, 'banner', file('image/jpeg'));
    addAttachmentVersion(doc, cardId, 'specs', file('application/pdf'));
    expect(face().cover).toEqual({ attachmentId: 'banner', v: 1 });
    addAttachmentVersion(doc, cardId, 'poster', file('image/jpeg'));
    expect(face().cover).toEqual({ attachmentId: 'poster', v: 2 });
    expect(face().attachmentCount).toBe(3);
  });
});

describe('due status on the face', () => {
  it('is overdue once the day passed, soon on the day and the day before, done in the last stage', () => {
    expect(dueStatus('2026-12-06', '2026-12-07', false, 'mon-fri')).toBe('overdue');
    expect(dueStatus('2026-12-07', '2026-12-07', false, 'mon-fri')).toBe('soon');
    expect(dueStatus('2026-12-08', '2026-12-07', false, 'mon-fri')).toBe('soon');
    expect(dueStatus('2026-12-09', '2026-12-07', false, 'mon-fri')).toBe('later');
    expect(dueStatus('2026-12-06', '2026-12-07', true, 'mon-fri')).toBe('done');
  });
});

describe('searching a card', () => {
  it('finds a word only in a comment, and a Chinese word only in a checklist item, and says where', () => {
    const { doc, cardId, face, searchText } = board();
    addComment(doc, cardId, { author: 'mia', text: 'Use the Pantone swatch' });
    addChecklistItem(doc, cardId, '确认出血位');
    setCardDescription(doc, cardId, 'Print at A2');
    const title = face().title;
    expect(searchCard(title, searchWords('pantone'), searchText)).toEqual(['comment']);
    expect(searchCard(title, searchWords('出血'), searchText)).toEqual(['checklist']);
    expect(searchCard(title, searchWords('海报 a2'), searchText)).toEqual(['title', 'description']);
    expect(searchCard(title, searchWords('海报 banner'), searchText)).toBeNull();
  });

  it('reads the rest of the card only when the title alone does not match', () => {
    const more = vi.fn(() => ({ description: '', comment: '', checklist: '' }));
    expect(searchCard('双十一海报', searchWords('海报'), more)).toEqual(['title']);
    expect(more).not.toHaveBeenCalled();
  });

  it('folds full-width letters and case, so ＰＯＳＴＥＲ finds Poster', () => {
    expect(searchCard('Poster Ｑ３', searchWords('ＰＯＳＴＥＲ q3'), () => undefined)).toEqual(['title']);
  });

  it('cuts the title into runs that mark every occurrence of every word', () => {
    expect(highlightRuns('海报 Poster 海报', searchWords('海报 POST'))).toEqual([
      { text: '海报', match: true },
      { text: ' ', match: false },
      { text: 'Post', match: true },
      { text: 'er ', match: false },
      { text: '海报', match: true }
    ]);
    expect(highlightRuns('Poster', [])).toEqual([{ text: 'Poster', match: false }]);
  });
});
