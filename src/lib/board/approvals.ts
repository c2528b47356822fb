/**
 * Gate approvals. A card may leave a gated stage forward only once that stage's gate is approved
 * for the card's current round; a send-back starts a new round, so a returned draft needs a new
 * sign-off. Only the server writes `approvals` (approve is an HTTP call that checks the role and
 * logs the audit event in the same step); clients read it to show who signed and to keep their
 * own moves within the rule, and the server refuses a client update that moves past a closed gate.
 */
import type * as Y from 'yjs';
import type { BoardRole } from '../auth/permissions';
import { BoardError } from './errors';
import { compareRanked, rankOrLast } from './rank';
import { effectiveStageId, readGate, readStage, revisionsOf } from './read';
import { conditionHolds, readCardFieldValues } from './card-fields';
import type { ApproverLevel, Gate } from './rules';
import { CardKey, StageKey, roots, str } from './schema';
import { gateStatus, type Approval, type ApproverAt, type GateStatus } from './signatures';

/** The card's round: how many times it was sent back (0 before the first send-back). */
export function roundOf(card: Y.Map<unknown>): number {
  return revisionsOf(card)?.length ?? 0;
}

/**
 * The approvers of `gate` that apply to the card, with their index in the gate's list (signatures
 * are stored by it): each whose condition (`if`, on the card's fields: 重大项目 → 总经理 too)
 * holds, and every unconditional one. Who may sign, and whether the gate is open, read this list
 * and only this.
 */
export function approversFor(doc: Y.Doc, cardId: string, gate: Gate): ApproverAt[] {
  const all = gate.approvers.map((approver, index) => ({ index, approver }));
  // A condition in words only (修改或取消已批准的方案) is one the board cannot judge: that approver
  // does not hold the gate, or every 会签 would wait for a sign-off its document asks only sometimes.
  const judged = all.filter(({ approver }) => !approver.when || approver.if);
  const card = roots(doc).cards.get(cardId);
  if (!card) return judged;
  const values = readCardFieldValues(card);
  const date = str(card, CardKey.date) || null;
  return judged.filter(({ approver }) => !approver.if || conditionHolds(approver.if, values, date));
}

/** The gate status of the card at `stageId` for its current round, or null without card or gate. */
export function gateStatusOf(
  doc: Y.Doc,
  cardId: string,
  stageId: string
): (GateStatus & { gate: Gate }) | null {
  const card = roots(doc).cards.get(cardId);
  const gate = gateOf(doc, stageId);
  if (!card || !gate) return null;
  const status = gateStatus(doc, card, cardId, stageId, roundOf(card), gate, approversFor(doc, cardId, gate));
  return { ...status, gate };
}

/**
 * The signature that opened the card's gate at `stageId` for its current round (the latest one
 * that counts), or null while it is closed.
 */
export function approvalFor(doc: Y.Doc, cardId: string, stageId: string): Approval | null {
  const status = gateStatusOf(doc, cardId, stageId);
  if (!status?.open) return null;
  const counted = status.signers.filter((s) => s.signature && !s.outdated).map((s) => s.signature!);
  if (status.legacy) counted.push(status.legacy);
  return counted.sort((a, b) => b.at - a.at)[0] ?? null;
}

/** The gate of a stage, or null when it has none (or the stage is gone). */
export function gateOf(doc: Y.Doc, stageId: string): Gate | null {
  const stage = roots(doc).stages.get(stageId);
  return stage ? readStage(stageId, stage).gate : null;
}

/** True when moving from `from` to `to` goes later in the process (an unknown stage counts as later). */
export function isForward(doc: Y.Doc, from: string, to: string): boolean {
  return forwardIn(stageRanks(doc), from, to);
}

/**
 * Each stage's rank by id: all the order of stages needs. readStage would clean every rule of
 * every stage too, and the server asks this on each move it checks (bench scenario 8).
 */
export function stageRanks(doc: Y.Doc): Map<string, string> {
  const ranks = new Map<string, string>();
  roots(doc).stages.forEach((map, id) => ranks.set(id, rankOrLast(map.get(StageKey.rank))));
  return ranks;
}

/** isForward over ranks already read. */
export function forwardIn(ranks: ReadonlyMap<string, string>, from: string, to: string): boolean {
  if (from === to) return false;
  const ra = ranks.get(from);
  const rb = ranks.get(to);
  if (ra === undefined) return false;
  if (rb === undefined) return true;
  return rb > ra || (rb === ra && to > from);
}

/**
 * The stage a move is judged from: the card's own, or, when its stage value names no stage (a
 * board that took such a write before the server refused it), the first stage, where the board
 * shows the card (effectiveStageId; first as readStages orders them). Reading the raw value would
 * let a move "from nowhere" pass every gate: isForward knows no stage '' and calls nothing
 * forward of it.
 */
export function standingStage(ranks: ReadonlyMap<string, string>, card: Y.Map<unknown>): string | undefined {
  let first: { id: string; rank: string } | undefined;
  for (const [id, rank] of ranks) {
    if (!first || compareRanked({ id, rank }, first) < 0) first = { id, rank };
  }
  return effectiveStageId(str(card, CardKey.stageId), new Set(ranks.keys()), first?.id);
}

/** A gated stage and its gate. */
export interface GateAt {
  stageId: string;
  gate: Gate;
}

/**
 * The first gated stage from `from` (included) up to `to` (excluded) that is not approved for the
 * card's round, or null. Null unless `to` lies forward of `from`.
 */
function closedGateBetween(
  doc: Y.Doc,
  ranks: ReadonlyMap<string, string>,
  card: Y.Map<unknown>,
  cardId: string,
  from: string,
  to: string
): GateAt | null {
  if (!forwardIn(ranks, from, to)) return null;
  const round = roundOf(card);
  const { stages } = roots(doc);
  let first: (GateAt & { rank: string }) | null = null;
  for (const [id, map] of stages) {
    // Passed on the way: `from`, and every stage after it and before `to`. Only those have their
    // gate read.
    const passed = id === from || (forwardIn(ranks, from, id) && forwardIn(ranks, id, to));
    if (!passed) continue;
    const gate = readGate(map);
    if (!gate || gateStatus(doc, card, cardId, id, round, gate, approversFor(doc, cardId, gate)).open)
      continue;
    const rank = ranks.get(id) ?? '';
    if (!first || compareRanked({ id, rank }, { id: first.stageId, rank: first.rank }) < 0)
      first = { stageId: id, gate, rank };
  }
  return first ? { stageId: first.stageId, gate: first.gate } : null;
}

/**
 * The gate that stops the card moving to `to` now, or null when nothing does. Moving forward
 * passes every stage from the card's own up to (not including) `to`; each gated one among them
 * must be approved for the card's round. Since only the stage a card is in can be approved, a
 * gated stage cannot be skipped: the card enters it and waits. Moving back is always fine.
 */
export function gateBlocks(doc: Y.Doc, cardId: string, to: string): Gate | null {
  return gateBlocking(doc, cardId, to)?.gate ?? null;
}

/** gateBlocks with the stage the gate belongs to (the earliest closed one on the way). */
export function gateBlocking(doc: Y.Doc, cardId: string, to: string): GateAt | null {
  const card = roots(doc).cards.get(cardId);
  if (!card) return null;
  const ranks = stageRanks(doc);
  const from = standingStage(ranks, card);
  return from === undefined ? null : closedGateBetween(doc, ranks, card, cardId, from, to);
}

/**
 * When moving the card back to `to` puts a gate it has not passed in this round between it and
 * where it stands now, that gate (the earliest): after such a move the card waits for that
 * sign-off before it can come forward again. Null when the move is forward or costs nothing.
 */
export function gateOnReturn(doc: Y.Doc, cardId: string, to: string): GateAt | null {
  const card = roots(doc).cards.get(cardId);
  if (!card || !roots(doc).stages.has(to)) return null;
  const ranks = stageRanks(doc);
  const from = standingStage(ranks, card);
  return from === undefined ? null : closedGateBetween(doc, ranks, card, cardId, to, from);
}

/** Throws the BoardError a UI shows when a move would pass a closed gate; it names the stage and who must sign. */
export function assertGateOpen(doc: Y.Doc, cardId: string, to: string): void {
  const closed = gateBlocking(doc, cardId, to);
  if (closed) {
    const needed = approversFor(doc, cardId, closed.gate).map(({ approver }) => approver);
    throw new BoardError(
      'gate-closed',
      'This stage needs approval before the card moves on.',
      closed.stageId,
      undefined,
      undefined,
      needed
    );
  }
}

/**
 * The least board role that may approve a gate: an approver at general-manager level needs the
 * board's owner; every other level a manager. Boards have five roles, processes have many titles;
 * this is the coarse mapping DESIGN.md's "managers approve gates" implies, with the top sign-off
 * (总经理) kept for the owner.
 */
export function roleToApprove(gate: Gate): Extract<BoardRole, 'owner' | 'manager'> {
  const top: ApproverLevel = 'general-manager';
  return gate.approvers.some((a) => a.level === top) ? 'owner' : 'manager';
}
