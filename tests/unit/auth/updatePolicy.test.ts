import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROLES, type BoardRole } from '../../../src/lib/auth/permissions';
import {
  SERVER_ORIGIN,
  addAttachmentVersion,
  addCard,
  addComment,
  COMMENT_MAX,
  deleteCard,
  deleteComment,
  editComment,
  MENTIONS_MAX,
  reopenComment,
  resolveComment,
  initBoard,
  moveCard,
  readStages,
  renameBoard,
  removeAttachment,
  renameStage,
  sendBackCard,
  setCardTitle,
  setChecklistItemDone,
  setStageRules
} from '../../../src/lib/board';
import { approveCard } from '../../../src/lib/board/approvals';
import { roots } from '../../../src/lib/board/schema';
import { checkUpdate, type RefusalReason } from '../../../server/auth/updatePolicy';
import { edit, replica } from '../../helpers/yjs';

const ME = 'u-actor';
const OTHER = 'u-other';
const APPROVAL = { by: 'u-boss', name: 'Boss', at: 1, note: '' };

/**
 * A server board: Draft (seeds a checklist item), Review (gated, sends back to Draft), Done.
 * Card c1 sits in Draft with a comment by someone else and one by the actor; card g1 in Review.
 */
function fixture() {
  const server = new Y.Doc();
  initBoard(
    server,
    {
      title: 'Launch',
      stages: [
        { name: 'Draft', checklist: [{ key: 'a', text: 'Copy' }] },
        { name: 'Review', gate: { approvers: [{ title: 'Manager', level: 'manager' }] }, sendBackTo: 0 },
        { name: 'Done' }
      ]
    },
    SERVER_ORIGIN
  );
  const [draft, review, done] = readStages(server).map((s) => s.id) as [string, string, string];
  addCard(server, { stageId: draft, title: 'Hello world', id: 'c1' }, SERVER_ORIGIN);
  addCard(server, { stageId: review, title: 'Poster', id: 'g1' }, SERVER_ORIGIN);
  comment(server, 'c1', 'cm-other', OTHER);
  comment(server, 'c1', 'cm-mine', ME);
  // Someone else resolved the actor's thread on c1; g1 has a comment and no resolutions yet.
  resolveComment(server, 'c1', 'cm-mine', OTHER, SERVER_ORIGIN);
  comment(server, 'g1', 'cm-g', OTHER);
  addAttachmentVersion(
    server,
    'c1',
    'a-server',
    { name: 'v1.png', size: 9, type: 'image/png', by: OTHER },
    SERVER_ORIGIN
  );
  return { server, client: replica(server), draft, review, done };
}
type Fixture = ReturnType<typeof fixture>;

/** Comments have no board operation yet; a client writes the plain value into the card. */
function comment(doc: Y.Doc, cardId: string, id: string, author: string): void {
  doc.transact(() => commentsOf(doc, cardId).set(id, { author, text: 'Looks good', at: 1 }));
}
const commentsOf = (doc: Y.Doc, cardId: string) =>
  roots(doc).cards.get(cardId)?.get('comments') as Y.Map<unknown>;
const resolutionsOf = (doc: Y.Doc, cardId: string) =>
  roots(doc).cards.get(cardId)?.get('resolvedComments') as Y.Map<unknown>;
/** Writes `value` straight under c1's comments, as a client that skips the operations' checks. */
const rawComment = (f: Fixture, id: string, value: unknown) =>
  edit(f.client, () => commentsOf(f.client, 'c1').set(id, value));
const mine = (extra: object = {}) => ({ author: ME, text: 'Looks good', at: 1, ...extra });

type Outcome = 'ok' | RefusalReason;
/** Expected outcomes for owner, manager, editor, commenter, viewer. */
const row = (...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome]) =>
  Object.fromEntries(BOARD_ROLES.map((role, i) => [role, outcomes[i]])) as Record<BoardRole, Outcome>;
const everyCommenter = (outcome: Outcome) => row(outcome, outcome, outcome, outcome, 'read-only');

/** Comment shapes, edits, replies and resolutions: every role that may comment is judged alike. */
const COMMENT_CASES: {
  name: string;
  update: (f: Fixture) => Uint8Array;
  expected: Record<BoardRole, Outcome>;
}[] = [
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

const CASES: { name: string; update: (f: Fixture) => Uint8Array; expected: Record<BoardRole, Outcome> }[] = [
  {
    name: 'sends nothing new',
    update: (f) => Y.encodeStateAsUpdate(f.client, Y.encodeStateVector(f.server)),
    expected: row('ok', 'ok', 'ok', 'ok', 'ok')
  },
  {
    name: 'types into a card title',
    update: (f) => edit(f.client, () => setCardTitle(f.client, 'c1', 'Hello world!')),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
  {
    name: 'creates a card',
    update: (f) => edit(f.client, () => addCard(f.client, { stageId: f.draft, title: 'New' })),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
  {
    name: 'moves a card into the next stage',
    update: (f) => edit(f.client, () => moveCard(f.client, 'c1', f.review, 0)),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
  {
    name: 'ticks a checklist item',
    update: (f) => edit(f.client, () => setChecklistItemDone(f.client, 'c1', `${f.draft}.a`, true)),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
  {
    name: 'deletes a card, comments by others and all',
    update: (f) => edit(f.client, () => deleteCard(f.client, 'c1')),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
  {
    name: 'renames a stage',
    update: (f) => edit(f.client, () => renameStage(f.client, f.draft, 'Drafting')),
    expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'drops the gate of a stage',
    update: (f) => edit(f.client, () => setStageRules(f.client, f.review, { gate: null })),
    expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'renames the board',
    update: (f) => edit(f.client, () => renameBoard(f.client, 'Relaunch')),
    expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'writes an approval itself',
    update: (f) => edit(f.client, () => approveCard(f.client, 'g1', APPROVAL)),
    expected: row('server-only', 'server-only', 'server-only', 'server-only', 'read-only')
  },
  {
    name: 'sends a card back, pushing onto its revision log',
    update: (f) => edit(f.client, () => sendBackCard(f.client, 'g1')),
    expected: row('server-only', 'server-only', 'server-only', 'forbidden', 'read-only')
  },
  {
    name: 'records an attachment itself (files are stored and recorded by the server)',
    update: (f) =>
      edit(f.client, () =>
        addAttachmentVersion(f.client, 'c1', 'a1', { name: 'x.png', size: 1, type: 'image/png', by: ME })
      ),
    expected: row('server-only', 'server-only', 'server-only', 'server-only', 'read-only')
  },
  {
    name: 'creates a card already holding an attachment',
    update: (f) =>
      edit(f.client, () =>
        f.client.transact(() => {
          addCard(f.client, { stageId: f.draft, title: 'Forged', id: 'c3' });
          addAttachmentVersion(f.client, 'c3', 'a1', { name: 'x.png', size: 1, type: 'image/png', by: ME });
        })
      ),
    expected: row('server-only', 'server-only', 'server-only', 'forbidden', 'read-only')
  },
  {
    name: 'adds a version to a draft the server recorded',
    update: (f) =>
      edit(f.client, () =>
        addAttachmentVersion(f.client, 'c1', 'a-server', {
          name: 'v2.png',
          size: 1,
          type: 'image/png',
          by: ME
        })
      ),
    expected: row('server-only', 'server-only', 'server-only', 'server-only', 'read-only')
  },
  {
    name: 'deletes a draft the server recorded',
    update: (f) => edit(f.client, () => removeAttachment(f.client, 'c1', 'a-server')),
    expected: row('server-only', 'server-only', 'server-only', 'server-only', 'read-only')
  },
  {
    name: 'replaces a card’s whole attachments map',
    update: (f) => edit(f.client, () => roots(f.client).cards.get('c1')!.set('attachments', new Y.Map())),
    expected: row('server-only', 'server-only', 'server-only', 'server-only', 'read-only')
  },
  {
    name: 'writes over an existing card, which would reset its revision log',
    update: (f) => edit(f.client, () => addCard(f.client, { stageId: f.draft, title: 'Fresh', id: 'c1' })),
    expected: row('server-only', 'server-only', 'server-only', 'forbidden', 'read-only')
  },
  {
    // moveCard itself refuses this; a client that skips the check writes the field directly.
    name: 'moves a card out of a gated stage before approval',
    update: (f) => edit(f.client, () => roots(f.client).cards.get('g1')?.set('stageId', f.done)),
    expected: row('gate-closed', 'gate-closed', 'gate-closed', 'forbidden', 'read-only')
  },
  {
    name: 'moves a card back out of a gated stage',
    update: (f) => edit(f.client, () => moveCard(f.client, 'g1', f.draft, 0)),
    expected: row('ok', 'ok', 'ok', 'forbidden', 'read-only')
  },
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
  },
  ...COMMENT_CASES,
  {
    name: 'writes a root the board does not have (board-level data, like meta)',
    update: (f) => edit(f.client, () => f.client.getMap('extra').set('x', 1)),
    expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'types next to text the server has since collected (lands as garbage)',
    update: (f) => {
      const update = edit(f.client, () => setCardTitle(f.client, 'c1', 'Hello world!'));
      deleteCard(f.server, 'c1', SERVER_ORIGIN);
      return update;
    },
    expected: row('ok', 'ok', 'ok', 'ok', 'read-only')
  },
  {
    name: 'sends an edit that depends on an earlier one the server never got',
    update: (f) => {
      edit(f.client, () => setCardTitle(f.client, 'c1', 'Hello world!'));
      return edit(f.client, () => setCardTitle(f.client, 'c1', 'Hello world!!'));
    },
    expected: row('unresolvable', 'unresolvable', 'unresolvable', 'unresolvable', 'unresolvable')
  }
];

/** Checks `update` and proves the check left the server's document as it was. */
function check(server: Y.Doc, update: Uint8Array, role: BoardRole) {
  const [vector, state] = [Y.encodeStateVector(server), Y.encodeStateAsUpdate(server)];
  const result = checkUpdate(server, update, { userId: ME, role });
  expect(Y.encodeStateVector(server)).toEqual(vector);
  expect(Y.encodeStateAsUpdate(server)).toEqual(state);
  return result;
}

describe('refusing a client update by the sender’s board role', () => {
  describe.each(CASES)('a member who $name', ({ update, expected }) => {
    it.each(BOARD_ROLES)('as %s', (role) => {
      const f = fixture();
      const bytes = update(f);
      const result = check(f.server, bytes, role);
      expect(result.ok ? 'ok' : `${result.reason}: ${result.detail}`).toMatch(
        new RegExp(`^${expected[role]}\\b`)
      );
      if (!result.ok) return;
      // What is allowed must also integrate whole: nothing left pending for later.
      Y.applyUpdate(f.server, bytes);
      expect([f.server.store.pendingStructs, f.server.store.pendingDs]).toEqual([null, null]);
    });
  });

  it('lets the card through the gate once the server has recorded the approval', () => {
    const f = fixture();
    approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN);
    Y.applyUpdate(f.client, Y.encodeStateAsUpdate(f.server, Y.encodeStateVector(f.client)));
    const update = edit(f.client, () => moveCard(f.client, 'g1', f.done, 0));
    expect(check(f.server, update, 'editor')).toMatchObject({ ok: true });
  });

  it('names the path and the missing action when it refuses', () => {
    const f = fixture();
    const update = edit(f.client, () => setCardTitle(f.client, 'c1', 'Hello world!'));
    expect(check(f.server, update, 'commenter')).toEqual({
      ok: false,
      reason: 'forbidden',
      detail: 'cards/c1/title needs edit-card; commenter may not.'
    });
  });

  it('returns what an allowed update touches, for activity to be derived from', () => {
    const f = fixture();
    const update = edit(f.client, () => comment(f.client, 'c1', 'cm-new', ME));
    const result = check(f.server, update, 'commenter');
    expect(result).toEqual({
      ok: true,
      touches: [
        {
          parent: ['cards', 'c1', 'comments'],
          key: 'cm-new',
          kind: 'write',
          newParent: false,
          content: 'any',
          value: { author: ME, text: 'Looks good', at: 1 }
        }
      ]
    });
  });
});
