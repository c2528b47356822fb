/**
 * Signatures on a gate, as stored in the `approvals` root map, and what each one saw. A gate
 * signed 会签 needs one signature per approver, so each lives under its own key
 * (`card/stage/round/index`); a board from before issue 17 holds one approval under
 * `card/stage/round`, which still counts as "any one approver" (a 或签 gate's signature).
 *
 * An approval is of something: it keeps the draft versions and the card date it saw, so a gate
 * that reviews drafts can tell when a newer draft came after it (`outdatedBy`).
 */
import type * as Y from 'yjs';
import { readAttachments } from './attachment-ops';
import type { Approver, Gate } from './rules';
import { CardKey, roots, str, type CardMap } from './schema';

/** What a signature was given to sign: each draft's newest version then, and the card's date. */
export interface Saw {
  /** Attachment id → its newest version number when the approver signed. */
  drafts: Record<string, number>;
  date: string;
}

/** One sign-off. */
export interface Approval {
  /** User id of the approver, and the display name they had when they signed. */
  by: string;
  name: string;
  at: number;
  note: string;
  /** The approver (index in the gate's list) signed as, and their title then; absent on old boards. */
  approver?: number;
  title?: string;
  /** Absent on approvals from before issue 17. */
  saw?: Saw;
}

export const APPROVAL_NOTE_MAX = 2000;

/** Where a board from before issue 17 kept a card's one approval for a stage and round. */
export function approvalKey(cardId: string, stageId: string, round: number): string {
  return `${cardId}/${stageId}/${round}`;
}

/** Where the signature of one approver (by index in the gate's list) lives. */
export function signatureKey(cardId: string, stageId: string, round: number, approver: number): string {
  return `${approvalKey(cardId, stageId, round)}/${approver}`;
}

function readSaw(value: unknown): Saw | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.drafts !== 'object' || v.drafts === null || typeof v.date !== 'string') return undefined;
  const drafts: Record<string, number> = {};
  for (const [id, n] of Object.entries(v.drafts)) if (typeof n === 'number') drafts[id] = n;
  return { drafts, date: v.date };
}

/** The approval as stored, or null when the value is not one. */
export function readApproval(value: unknown): Approval | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.by !== 'string' || typeof v.at !== 'number') return null;
  const out: Approval = {
    by: v.by,
    name: typeof v.name === 'string' ? v.name : '',
    at: v.at,
    note: typeof v.note === 'string' ? v.note : ''
  };
  if (typeof v.approver === 'number') out.approver = v.approver;
  if (typeof v.title === 'string') out.title = v.title;
  const saw = readSaw(v.saw);
  if (saw) out.saw = saw;
  return out;
}

/** What the card shows an approver now: its drafts' newest versions and its date. */
export function sawNow(card: CardMap): Saw {
  const drafts: Record<string, number> = {};
  for (const a of readAttachments(card)) drafts[a.id] = a.latest.v;
  return { drafts, date: str(card, CardKey.date) };
}

/** A draft newer than the one a signature saw: which draft, and the version seen and now. */
export interface Outdated {
  draft: string;
  name: string;
  was: number;
  now: number;
}

/**
 * The first draft that changed since the approval, or null. An approval from before issue 17
 * recorded no versions; for it, a version uploaded after it was given counts.
 */
export function outdatedBy(approval: Approval, card: CardMap): Outdated | null {
  for (const a of readAttachments(card)) {
    const was = approval.saw
      ? (approval.saw.drafts[a.id] ?? 0)
      : (a.versions.filter((v) => v.at <= approval.at).pop()?.v ?? 0);
    if (a.latest.v > was) return { draft: a.id, name: a.latest.name, was, now: a.latest.v };
  }
  return null;
}

/** One approver of a gate, by its index in the gate's list. */
export interface ApproverAt {
  index: number;
  approver: Approver;
}

/** Where an approver stands: their signature (if any), and whether a newer draft outdated it. */
export interface Signer extends ApproverAt {
  signature: Approval | null;
  outdated: Outdated | null;
}

/** A gate's signatures for a card's round, and whether they open it. */
export interface GateStatus {
  open: boolean;
  signers: Signer[];
  /** An approval from before issue 17: one "any one approver" signature. */
  legacy: Approval | null;
  /** The approver whose turn it is in a sequential 会签, or null. */
  next: number | null;
}

/**
 * The gate's status for the card's round, over the approvers that apply to the card. A signature
 * counts only for the approver it was given as (same index and title: editing the list does not
 * move it to someone else) and, for a gate that reviews drafts, only while no newer draft came.
 */
export function gateStatus(
  doc: Y.Doc,
  card: CardMap,
  cardId: string,
  stageId: string,
  round: number,
  gate: Gate,
  applicable: readonly ApproverAt[]
): GateStatus {
  const { approvals } = roots(doc);
  const stale = (a: Approval) => (gate.reviewsDraft ? outdatedBy(a, card) : null);
  const signers: Signer[] = applicable.map(({ index, approver }) => {
    const raw = readApproval(approvals.get(signatureKey(cardId, stageId, round, index)));
    const signature = raw && raw.title === approver.title ? raw : null;
    return { index, approver, signature, outdated: signature ? stale(signature) : null };
  });
  const legacy = readApproval(approvals.get(approvalKey(cardId, stageId, round)));
  const counts = (s: Signer) => s.signature !== null && s.outdated === null;
  const legacyCounts = legacy !== null && stale(legacy) === null;
  const open =
    gate.mode === 'all'
      ? signers.every(counts)
      : legacyCounts || signers.some(counts) || signers.length === 0;
  const next =
    gate.mode === 'all' && gate.sequential ? (signers.find((s) => !counts(s))?.index ?? null) : null;
  return { open, signers, legacy, next };
}

/** One signature given on a card, with where it was given: the stage and the round. */
export interface CardSignature extends Approval {
  stageId: string;
  round: number;
}

/**
 * Every signature given on the card, on any stage and round (current or since outdated), oldest
 * first: the summary report's record of who approved what and when.
 */
export function cardSignatures(doc: Y.Doc, cardId: string): CardSignature[] {
  const out: CardSignature[] = [];
  const prefix = `${cardId}/`;
  roots(doc).approvals.forEach((value, key) => {
    if (!key.startsWith(prefix)) return;
    // card/stage/round or card/stage/round/approver (approvalKey, signatureKey).
    const [, stageId, round] = key.split('/');
    const approval = readApproval(value);
    if (!approval || !stageId || !/^\d+$/.test(round ?? '')) return;
    out.push({ ...approval, stageId, round: Number(round) });
  });
  return out.sort((a, b) => a.at - b.at);
}
