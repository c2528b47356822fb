/**
 * The update policy on comments: who may write, edit, delete and resolve which comment, and the
 * shape a written comment must have. Cards, stages and the rest: updatePolicy.test.ts.
 */
import { describe } from 'vitest';
import {
  addCard,
  addComment,
  COMMENT_MAX,
  deleteComment,
  editComment,
  MENTIONS_MAX,
  reopenComment,
  resolveComment,
  SERVER_ORIGIN
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit } from '../../helpers/yjs';
import {
  comment,
  commentsOf,
  everyCommenter,
  judgeEach,
  ME,
  mine,
  OTHER,
  rawComment,
  resolutionsOf,
  row,
  type PolicyCase
} from './policyFixture';

/** Writing, taking over and deleting comments: a commenter may touch only their own. */
const AUTHOR_CASES: PolicyCase[] = [
  {
    name: 'comments as themselves',
    update: (f) => edit(f.client, () => comment(f.client, 'c1', 'cm-new', ME)),
    expected: row('ok', 'ok', 'ok', 'ok', 'read-only')
  },
  {
    name: 'comments in the name of someone else',
    update: (f) => edit(f.client, () => comment(f.client, 'c1', 'cm-new', OTHER)),
    expected: row('not-author', 'not-author', 'not-author', 'not-author', 'read-only')
  },
  {
    // Managers moderate by deleting; rewriting would put words in someone else's mouth.
    name: "takes over someone else's comment",
    update: (f) => edit(f.client, () => comment(f.client, 'c1', 'cm-other', ME)),
    expected: row('not-author', 'not-author', 'not-author', 'not-author', 'read-only')
  },
  {
    name: "deletes someone else's comment",
    update: (f) => edit(f.client, () => commentsOf(f.client, 'c1').delete('cm-other')),
    expected: row('ok', 'ok', 'not-author', 'not-author', 'read-only')
  },
  {
    name: 'deletes their own comment',
    update: (f) => edit(f.client, () => commentsOf(f.client, 'c1').delete('cm-mine')),
    expected: row('ok', 'ok', 'ok', 'ok', 'read-only')
  },
  {
    name: 'creates a card holding a comment in the name of someone else',
    update: (f) =>
      edit(f.client, () =>
        f.client.transact(() => {
          addCard(f.client, { stageId: f.draft, title: 'Forged', id: 'c2' });
          comment(f.client, 'c2', 'cm-new', OTHER);
        })
      ),
    expected: row('not-author', 'not-author', 'not-author', 'forbidden', 'read-only')
  }
];

/** Comment shapes, edits, replies and resolutions: every role that may comment is judged alike. */
const COMMENT_CASES: PolicyCase[] = [
  {
    name: 'edits their own comment through the operation (author and time kept)',
    update: (f) =>
      edit(f.client, () => editComment(f.client, 'c1', 'cm-mine', { author: ME, text: 'Better' })),
    expected: everyCommenter('ok')
  },
  {
    name: 'edits their own comment, moving its time',
    update: (f) => rawComment(f, 'cm-mine', mine({ at: 2 })),
    expected: everyCommenter('forbidden')
  },
  {
    // Only the server's import says who wrote a comment in another tool.
    name: 'writes a comment claiming an original author, as an import does',
    update: (f) => rawComment(f, 'cm-new', mine({ originally: 'Someone in Trello' })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'adds an original author to their own comment',
    update: (f) => rawComment(f, 'cm-mine', mine({ originally: 'Someone in Trello' })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'writes a comment that is not a plain object',
    update: (f) => rawComment(f, 'cm-new', 'hello'),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'writes a comment longer than the limit',
    update: (f) => rawComment(f, 'cm-new', mine({ text: 'x'.repeat(COMMENT_MAX + 1) })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'writes a comment with a field the model does not have',
    update: (f) => rawComment(f, 'cm-new', mine({ html: '<b>hi</b>' })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'writes a comment under an id that is not a short plain id',
    update: (f) => rawComment(f, 'x'.repeat(65), mine()),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'mentions more people than a comment may',
    update: (f) =>
      rawComment(
        f,
        'cm-new',
        mine({ mentions: Array.from({ length: MENTIONS_MAX + 1 }, (_, i) => `u${i}`) })
      ),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'pins a comment outside its image',
    update: (f) => rawComment(f, 'cm-new', mine({ pin: { attachmentId: 'a1', version: 1, x: 1.5, y: 0 } })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'pins a comment on a draft and mentions someone',
    update: (f) =>
      rawComment(
        f,
        'cm-new',
        mine({ mentions: [OTHER], pin: { attachmentId: 'a1', version: 2, x: 1, y: 0 } })
      ),
    expected: everyCommenter('ok')
  },
  {
    name: 'replies to a comment the card never had',
    update: (f) => rawComment(f, 'cm-new', mine({ replyTo: 'cm-nope' })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'writes a comment and a reply to it in one update',
    update: (f) =>
      edit(f.client, () => {
        const first = addComment(f.client, 'c1', { author: ME, text: 'Question' });
        addComment(f.client, 'c1', { author: ME, text: 'And more', replyTo: first });
      }),
    expected: everyCommenter('ok')
  },
  {
    name: 'replies to a comment deleted meanwhile (a race, not a forgery)',
    update: (f) => {
      const update = edit(f.client, () =>
        addComment(f.client, 'c1', { author: ME, text: 'Done', replyTo: 'cm-other' })
      );
      deleteComment(f.server, 'c1', 'cm-other', SERVER_ORIGIN);
      return update;
    },
    expected: everyCommenter('ok')
  },
  {
    name: "resolves someone else's thread",
    update: (f) => edit(f.client, () => resolveComment(f.client, 'c1', 'cm-other', ME)),
    expected: everyCommenter('ok')
  },
  {
    name: 'resolves the first thread on a card (making its map of resolutions)',
    update: (f) => edit(f.client, () => resolveComment(f.client, 'g1', 'cm-g', ME)),
    expected: everyCommenter('ok')
  },
  {
    name: 'resolves a thread in the name of someone else',
    update: (f) => edit(f.client, () => resolutionsOf(f.client, 'c1').set('cm-other', { by: OTHER, at: 1 })),
    expected: everyCommenter('not-author')
  },
  {
    name: 'writes a resolution with more than { by, at }',
    update: (f) =>
      edit(f.client, () => resolutionsOf(f.client, 'c1').set('cm-other', { by: ME, at: 1, text: 'hidden' })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'resolves a comment the card never had',
    update: (f) => edit(f.client, () => resolutionsOf(f.client, 'c1').set('cm-nope', { by: ME, at: 1 })),
    expected: everyCommenter('forbidden')
  },
  {
    name: 'reopens a thread someone else resolved',
    update: (f) => edit(f.client, () => reopenComment(f.client, 'c1', 'cm-mine')),
    expected: everyCommenter('ok')
  },
  {
    name: "removes a card's whole map of resolutions, reopening every thread",
    update: (f) => edit(f.client, () => roots(f.client).cards.get('c1')!.delete('resolvedComments')),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
  {
    name: 'creates a card holding a resolution in the name of someone else',
    update: (f) =>
      edit(f.client, () =>
        f.client.transact(() => {
          addCard(f.client, { stageId: f.draft, title: 'Forged', id: 'c2' });
          comment(f.client, 'c2', 'cm-new', ME);
          resolveComment(f.client, 'c2', 'cm-new', ME);
          resolutionsOf(f.client, 'c2').set('cm-new', { by: OTHER, at: 1 });
        })
      ),
    expected: row('not-author', 'not-author', 'not-author', 'forbidden', 'read-only')
  }
];

describe('refusing a comment update by the sender’s board role', () => {
  judgeEach([...AUTHOR_CASES, ...COMMENT_CASES]);
});
