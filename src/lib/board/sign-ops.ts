/**
 * Signing a gate: which approver a person signs as, whether they may, and the server operation
 * that records the signature. Only the server writes `approvals` (server/boards/ReviewService.ts
 * calls these inside one room change), so every rule of who signs lives here, beside the gate
 * rule the update policy judges moves by (approvals.ts).
 */
import * as Y from 'yjs';
import type { BoardRole } from '../auth/permissions';
import { gateStatusOf, roundOf } from './approvals';
import { maySign } from './roles';
import { BoardError } from './errors';
import type { BoardOrigin } from './origin';
import { CardKey, roots, str } from './schema';
import { APPROVAL_NOTE_MAX, sawNow, signatureKey, type Approval, type Signer } from './signatures';
import { transact } from './transact';

/** Who is signing: their id and board role, and the card's creator when known (separation of duties). */
export interface SignerFacts {
  userId: string;
  role: BoardRole;
  creator: string | null;
}

const counts = (s: Signer) => s.signature !== null && s.outdated === null;

/** The card, its stage and that stage's gate status; throws unless the gate is there and closed. */
function closedGate(doc: Y.Doc, cardId: string) {
  const card = roots(doc).cards.get(cardId);
  if (!card) throw new BoardError('not-found', `No card ${cardId}.`);
  const stageId = str(card, CardKey.stageId);
  const status = gateStatusOf(doc, cardId, stageId);
  if (!status) throw new BoardError('no-gate', 'This stage has no approval gate.');
  if (status.open) throw new BoardError('already-approved', 'This stage is already approved for this round.');
  return { card, stageId, status };
}

/**
 * The approver (index in the gate's list) the person signs as: `as` when given, else the first
 * that applies, is unsigned, is theirs to sign and whose turn it is. Throws the BoardError that
 * says why they may not.
 */
export function approverToSign(doc: Y.Doc, cardId: string, who: SignerFacts, as?: number): number {
  const { card, status } = closedGate(doc, cardId);
  if (status.gate.separateDuties) {
    const assignees = card.get(CardKey.assignees);
    if (who.creator === who.userId || (assignees instanceof Y.Map && assignees.has(who.userId))) {
      throw new BoardError('separation-of-duties', 'The card’s assignees and creator may not approve it.');
    }
  }
  // One person may sign as several approvers, each an act of its own: until roles map approvers
  // to people, board roles decide, and a board has one owner for both of a gate's 总经理 titles.
  const open = status.signers.filter((s) => !counts(s) && (as === undefined || s.index === as));
  if (as !== undefined && open.length === 0) {
    const known = status.signers.some((s) => s.index === as);
    throw known
      ? new BoardError('already-signed', 'This approver has already signed.')
      : new BoardError('invalid-approver', 'This gate has no such approver for the card.');
  }
  const mine = open.filter((s) => maySign(doc, s.approver, who.userId, who.role));
  if (mine.length === 0) {
    const top = open.every((s) => s.approver.level === 'general-manager') && who.role !== 'owner';
    throw top
      ? new BoardError('needs-owner', 'This approver needs the board owner (总经理 level).')
      : new BoardError('cannot-sign', 'You may not sign as this approver.');
  }
  const turn = status.next === null ? mine[0] : mine.find((s) => s.index === status.next);
  if (!turn) throw new BoardError('not-your-turn', 'An earlier approver signs first.');
  return turn.index;
}

/**
 * Server operation: records a signature of the card's current stage for its current round, as
 * approver `as` (default: the first one not signed yet, in turn), with what the card shows now.
 * Throws when the stage has no gate or it is already open. Returns whether the gate opened.
 */
export function approveCard(
  doc: Y.Doc,
  cardId: string,
  approval: Approval,
  origin?: BoardOrigin,
  as?: number
): { stageId: string; round: number; approver: number; open: boolean } {
  const { card, stageId, status } = closedGate(doc, cardId);
  const signer =
    as === undefined
      ? status.signers.find((s) => !counts(s) && (status.next === null || s.index === status.next))
      : status.signers.find((s) => s.index === as && !counts(s));
  if (!signer) throw new BoardError('invalid-approver', 'This gate has no such approver to sign.');
  const round = roundOf(card);
  const value: Approval = {
    by: approval.by,
    name: approval.name,
    at: approval.at,
    note: approval.note.trim().slice(0, APPROVAL_NOTE_MAX),
    approver: signer.index,
    title: signer.approver.title,
    saw: sawNow(card)
  };
  transact(doc, origin, () =>
    roots(doc).approvals.set(signatureKey(cardId, stageId, round, signer.index), value)
  );
  const open = gateStatusOf(doc, cardId, stageId)?.open ?? false;
  return { stageId, round, approver: signer.index, open };
}
