/**
 * Forged updates against the signing rules, for each board role: a client that writes the Yjs
 * update by hand cannot pass a 会签 gate on one signature, pass a gate whose approval a newer
 * draft outdated, write a signature (or its record of what it saw) itself, or change how a gate
 * is signed without the right to edit stages.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  addAttachmentVersion,
  approveCard,
  moveCard,
  setStageRules,
  signatureKey,
  type Gate
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit, sync } from '../../helpers/yjs';
import { APPROVAL, check, fixture, judgeEach, row, type Fixture, type PolicyCase } from './policyFixture';

const LEAD = { title: 'Manager', level: 'manager' as const };
const DIRECTOR = { title: 'Director', level: 'director' as const };
const DRAFT = { name: 'poster.png', size: 9, type: 'image/png' as const, by: 'u-designer' };

/** Gives the Review stage `gate` on the server, and the client what the server now holds. */
function gated(f: Fixture, gate: Gate): void {
  setStageRules(f.server, f.review, { gate }, SERVER_ORIGIN);
  sync(f.server, f.client);
}

/** A draft review approved at version 1 of g1's draft, which has version 2 since. */
function outdatedApproval(f: Fixture): void {
  gated(f, { approvers: [LEAD], reviewsDraft: true });
  addAttachmentVersion(f.server, 'g1', 'a1', DRAFT, SERVER_ORIGIN);
  approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN);
  addAttachmentVersion(f.server, 'g1', 'a1', DRAFT, SERVER_ORIGIN);
  sync(f.server, f.client);
}

/** The raw write of the card's stage: what a client that skips moveCard's own check sends. */
const forgeMove = (f: Fixture) =>
  edit(f.client, () => roots(f.client).cards.get('g1')?.set('stageId', f.done));

const CLOSED = row('gate-closed', 'gate-closed', 'gate-closed', 'forbidden', 'read-only');
const MOVES = row('ok', 'ok', 'ok', 'forbidden', 'read-only');
const SERVER_ONLY = row('server-only', 'server-only', 'server-only', 'server-only', 'read-only');

const CASES: PolicyCase[] = [
  {
    name: 'moves a card past a 会签 gate that only one of two approvers signed',
    update: (f) => {
      gated(f, { approvers: [LEAD, DIRECTOR], mode: 'all' });
      approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN, 1);
      sync(f.server, f.client);
      return forgeMove(f);
    },
    expected: CLOSED
  },
  {
    name: 'moves a card past a 会签 gate both approvers signed',
    update: (f) => {
      gated(f, { approvers: [LEAD, DIRECTOR], mode: 'all' });
      approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN, 0);
      approveCard(f.server, 'g1', { ...APPROVAL, by: 'u-director' }, SERVER_ORIGIN, 1);
      sync(f.server, f.client);
      return edit(f.client, () => moveCard(f.client, 'g1', f.done, 0));
    },
    expected: MOVES
  },
  {
    name: 'moves a card past a draft review whose approval a newer draft outdated',
    update: (f) => {
      outdatedApproval(f);
      return forgeMove(f);
    },
    expected: CLOSED
  },
  {
    name: 'writes the missing 会签 signature itself',
    update: (f) => {
      gated(f, { approvers: [LEAD, DIRECTOR], mode: 'all' });
      approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN, 0);
      sync(f.server, f.client);
      const key = signatureKey('g1', f.review, 0, 1);
      return edit(f.client, () =>
        roots(f.client).approvals.set(key, { ...APPROVAL, approver: 1, title: DIRECTOR.title })
      );
    },
    expected: SERVER_ONLY
  },
  {
    name: 'rewrites the draft version an approval saw, to bring it up to date',
    update: (f) => {
      outdatedApproval(f);
      const key = signatureKey('g1', f.review, 0, 0);
      const signed = roots(f.client).approvals.get(key) as object;
      return edit(f.client, () =>
        roots(f.client).approvals.set(key, { ...signed, saw: { drafts: { a1: 2 }, date: '' } })
      );
    },
    expected: SERVER_ONLY
  },
  {
    name: 'turns a 会签 gate into 或签 (a stage rule: managers only)',
    update: (f) => {
      gated(f, { approvers: [LEAD, DIRECTOR], mode: 'all' });
      return edit(f.client, () =>
        setStageRules(f.client, f.review, { gate: { approvers: [LEAD, DIRECTOR] } })
      );
    },
    expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'writes a gate option the cleaner would not store (mode "any" spelled out)',
    update: (f) =>
      edit(f.client, () =>
        roots(f.client)
          .stages.get(f.review)
          ?.set('gate', { approvers: [LEAD], mode: 'any' })
      ),
    expected: row('invalid', 'invalid', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'switches off separation of duties',
    update: (f) => {
      gated(f, { approvers: [LEAD], separateDuties: true });
      return edit(f.client, () => setStageRules(f.client, f.review, { gate: { approvers: [LEAD] } }));
    },
    expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
  }
];

describe('refusing forged updates against how a gate is signed', () => {
  judgeEach(CASES);

  it('judges a move by the gate before the update: dropping 会签 and moving in one update is refused', () => {
    const f = fixture();
    gated(f, { approvers: [LEAD, DIRECTOR], mode: 'all' });
    approveCard(f.server, 'g1', APPROVAL, SERVER_ORIGIN, 0);
    sync(f.server, f.client);
    const update = edit(f.client, () => {
      setStageRules(f.client, f.review, { gate: { approvers: [LEAD, DIRECTOR] } });
      roots(f.client).cards.get('g1')?.set('stageId', f.done);
    });
    expect(check(f.server, update, 'owner')).toMatchObject({ ok: false, reason: 'gate-closed' });
    expect(Y.encodeStateVector(f.server)).not.toEqual(Y.encodeStateVector(f.client));
  });
});
