/**
 * The update policy by board role: cards, stages, approvals, revisions and attachments, plus
 * what any update must be to be judged at all. Comments: commentPolicy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  addAttachmentVersion,
  addCard,
  addChecklist,
  deleteCard,
  moveCard,
  moveChecklistItem,
  renameBoard,
  removeAttachment,
  renameStage,
  sendBackCard,
  setCardTitle,
  setChecklistItemDone,
  setStageRules
} from '#lib/board';
import { approveCard } from '#lib/board/sign-ops';
import { roots } from '#lib/board/schema';
import { edit } from '../../helpers/yjs';
import { APPROVAL, check, comment, fixture, judgeEach, ME, row, type PolicyCase } from './policyFixture';

const CASES: PolicyCase[] = [
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
    name: 'makes a named checklist and moves a stage’s item into it',
    update: (f) =>
      edit(f.client, () => {
        const list = addChecklist(f.client, 'c1', 'Print');
        moveChecklistItem(f.client, 'c1', `${f.draft}.a`, { index: 0, list });
      }),
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
    expected: row('forbidden', 'forbidden', 'forbidden', 'forbidden', 'read-only')
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
    name: 'recreates an approved card under the id of one that was deleted',
    update: (f) => {
      approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN);
      deleteCard(f.server, 'g1', SERVER_ORIGIN);
      Y.applyUpdate(f.client, Y.encodeStateAsUpdate(f.server));
      return edit(f.client, () => addCard(f.client, { stageId: f.review, title: 'Poster', id: 'g1' }));
    },
    expected: row('forbidden', 'forbidden', 'forbidden', 'forbidden', 'read-only')
  },
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

describe('refusing a client update by the sender’s board role', () => {
  judgeEach(CASES);

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

  it('returns what an allowed update touches, for activity to be derived from, and no overruns to demote', () => {
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
      ],
      overruns: []
    });
  });
});
