/**
 * How a gate is signed: 或签 opens on one signature, 会签 on all (in order when sequential), a
 * newer draft outdates an approval of a gate that reviews drafts, separation of duties keeps the
 * card's own people from signing it, and an approval from before issue 17 still counts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAttachmentVersion,
  addCard,
  approvalFor,
  approveCard,
  approverToSign,
  assignCard,
  approvalKey,
  cleanGate,
  gateBlocks,
  gateStatusOf,
  initBoard,
  readBoard,
  type Gate
} from '#lib/board';
import { roots } from '#lib/board/schema';

const director = { title: '营销总监', level: 'director' as const };
const boss = { title: '总经理', level: 'general-manager' as const };
const lead = { title: '市场部经理', level: 'manager' as const };

function board(gate: Gate) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Launch', stages: [{ name: '审批', gate }, { name: '执行' }] });
  const [review, run] = readBoard(doc).stages.map((s) => s.id) as [string, string];
  const card = addCard(doc, { stageId: review, title: 'Poster' });
  return { doc, review, run, card };
}

const by = (id: string) => ({ by: id, name: id, at: Date.now(), note: '' });
const manager = (userId: string) => ({ userId, role: 'manager' as const, creator: null });

describe('signing a gate', () => {
  it('或签: one signature of any approver opens the gate', () => {
    const { doc, run, card } = board({ approvers: [lead, director] });
    expect(approveCard(doc, card, by('u-1'), undefined, 1)).toMatchObject({ approver: 1, open: true });
    expect(gateBlocks(doc, card, run)).toBeNull();
  });

  it('会签 in parallel: the gate stays closed until every approver signed, in any order', () => {
    const { doc, run, card } = board({ approvers: [lead, director], mode: 'all' });
    expect(approveCard(doc, card, by('u-1'), undefined, 1)).toMatchObject({ open: false });
    expect(gateBlocks(doc, card, run)).not.toBeNull();
    expect(approvalFor(doc, card, readBoard(doc).stages[0]!.id)).toBeNull();
    expect(approveCard(doc, card, by('u-2'), undefined, 0)).toMatchObject({ open: true });
    expect(gateBlocks(doc, card, run)).toBeNull();
  });

  it('会签 in order: a later approver waits for the earlier ones', () => {
    const { doc, card } = board({ approvers: [lead, director], mode: 'all', sequential: true });
    expect(() => approverToSign(doc, card, manager('u-2'), 1)).toThrow(
      expect.objectContaining({ code: 'not-your-turn' })
    );
    expect(approverToSign(doc, card, manager('u-1'))).toBe(0);
    approveCard(doc, card, by('u-1'), undefined, 0);
    expect(approverToSign(doc, card, manager('u-2'))).toBe(1);
  });

  it('a signed approver is not signed twice, and a general-manager approver is the owner’s', () => {
    const { doc, card } = board({ approvers: [lead, boss], mode: 'all' });
    approveCard(doc, card, by('u-1'), undefined, 0);
    expect(() => approverToSign(doc, card, manager('u-2'), 0)).toThrow(
      expect.objectContaining({ code: 'already-signed' })
    );
    expect(() => approverToSign(doc, card, manager('u-2'))).toThrow(
      expect.objectContaining({ code: 'needs-owner' })
    );
    expect(approverToSign(doc, card, { userId: 'u-0', role: 'owner', creator: null })).toBe(1);
  });

  it('a newer draft outdates the approval of a gate that reviews drafts, and the gate closes again', () => {
    const { doc, review, run, card } = board({ approvers: [lead], reviewsDraft: true });
    const file = { name: '海报.png', size: 10, type: 'image/png' as const, by: 'u-9' };
    addAttachmentVersion(doc, card, 'a1', file);
    addAttachmentVersion(doc, card, 'a1', file);
    approveCard(doc, card, by('u-1'));
    expect(gateBlocks(doc, card, run)).toBeNull();
    addAttachmentVersion(doc, card, 'a1', file);
    expect(gateBlocks(doc, card, run)).not.toBeNull();
    const signer = gateStatusOf(doc, card, review)!.signers[0]!;
    expect(signer.signature?.saw?.drafts).toEqual({ a1: 2 });
    expect(signer.outdated).toMatchObject({ was: 2, now: 3 });
    // The approver signs the new version; the gate opens again.
    expect(approveCard(doc, card, by('u-1'))).toMatchObject({ open: true });
  });

  it('a gate that does not review drafts keeps its approval over a new draft', () => {
    const { doc, run, card } = board({ approvers: [lead] });
    approveCard(doc, card, by('u-1'));
    addAttachmentVersion(doc, card, 'a1', { name: 'x.png', size: 1, type: 'image/png', by: 'u-9' });
    expect(gateBlocks(doc, card, run)).toBeNull();
  });

  it('separation of duties: the card’s assignees and creator may not sign it', () => {
    const { doc, card } = board({ approvers: [lead], separateDuties: true });
    assignCard(doc, card, 'u-1');
    const refused = expect.objectContaining({ code: 'separation-of-duties' });
    expect(() => approverToSign(doc, card, manager('u-1'))).toThrow(refused);
    expect(() => approverToSign(doc, card, { ...manager('u-2'), creator: 'u-2' })).toThrow(refused);
    expect(approverToSign(doc, card, manager('u-3'))).toBe(0);
  });

  it('an old board’s single approval still opens its gate (any one approver)', () => {
    const { doc, run, card, review } = board({ approvers: [lead, director] });
    doc.transact(() => roots(doc).approvals.set(approvalKey(card, review, 0), by('u-1')));
    expect(gateBlocks(doc, card, run)).toBeNull();
    expect(approvalFor(doc, card, review)).toMatchObject({ by: 'u-1' });
  });

  it('a signature counts only for the approver it was given as, even after the list is edited', () => {
    const { doc, run, card } = board({ approvers: [lead, director], mode: 'all' });
    approveCard(doc, card, by('u-1'), undefined, 0);
    approveCard(doc, card, by('u-2'), undefined, 1);
    const stage = roots(doc).stages.get(readBoard(doc).stages[0]!.id)!;
    stage.set('gate', { approvers: [director, lead], mode: 'all' });
    expect(gateBlocks(doc, card, run)).not.toBeNull();
  });

  it('stores a gate’s options only when they differ from the defaults, so old gates read the same', () => {
    expect(cleanGate({ approvers: [lead] })).toEqual({ approvers: [lead] });
    expect(cleanGate({ approvers: [lead], mode: 'any', sequential: true, reviewsDraft: 1 })).toEqual({
      approvers: [lead]
    });
    expect(cleanGate({ approvers: [lead], mode: 'all', sequential: true, separateDuties: true })).toEqual({
      approvers: [lead],
      mode: 'all',
      sequential: true,
      separateDuties: true
    });
  });
});
