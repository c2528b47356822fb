/**
 * What a card's face shows at a glance beyond its own fields: how many comments and drafts it
 * has, whether it has a description, and which image draft is its cover. Read with the card
 * (readCard), so it costs a map size or two per card: a board of thousands stays cheap to open.
 */
import * as Y from 'yjs';
import { draftKind, readAttachments } from './attachment-ops';
import { isCommentValue } from './comment-value';
import { readMoneyFace, type MoneyFace } from './expenses';
import { CardKey, type CardMap } from './schema';
import { readResultsFace, type ResultsFace } from './targets';

/** The image draft shown on top of a card: its newest version. */
export interface CoverView {
  attachmentId: string;
  v: number;
}

export interface CardFaceFacts {
  commentCount: number;
  attachmentCount: number;
  /** True when the description holds more than white space. */
  described: boolean;
  /** The newest image draft (by its latest version), or null. */
  cover: CoverView | null;
  /** Spent of budget, when the card has a budget (expenses.ts); null otherwise. */
  money: MoneyFace | null;
  /** Targets set and measured (targets.ts), so a face saying what a stage still requires follows them. */
  results: ResultsFace | null;
}

function countComments(map: CardMap): number {
  const stored = map.get(CardKey.comments);
  if (!(stored instanceof Y.Map)) return 0;
  let n = 0;
  stored.forEach((value) => {
    if (isCommentValue(value)) n++;
  });
  return n;
}

function isDescribed(map: CardMap): boolean {
  const value = map.get(CardKey.description);
  if (value instanceof Y.Text) {
    // Length is kept by Yjs; only a short text is read to see past white space, so a card with a
    // long description is not copied out each time the card is read.
    if (value.length === 0) return false;
    return value.length > 64 || value.toString().trim().length > 0;
  }
  return typeof value === 'string' && value.trim().length > 0;
}

/** The face facts of one card map. */
export function readCardFace(map: CardMap): CardFaceFacts {
  const attachments = map.has(CardKey.attachments) ? readAttachments(map) : [];
  let cover: CoverView | null = null;
  let coverAt = -1;
  for (const a of attachments) {
    if (draftKind(a.latest.type) !== 'image' || a.latest.at < coverAt) continue;
    coverAt = a.latest.at;
    cover = { attachmentId: a.id, v: a.latest.v };
  }
  return {
    commentCount: countComments(map),
    attachmentCount: attachments.length,
    described: isDescribed(map),
    cover,
    money: readMoneyFace(map),
    results: readResultsFace(map)
  };
}

/** True when two covers show the same image. */
export function sameCover(a: CoverView | null, b: CoverView | null): boolean {
  return a === b || (a !== null && b !== null && a.attachmentId === b.attachmentId && a.v === b.v);
}

/** True when two faces show the same money. */
export function sameMoney(a: MoneyFace | null, b: MoneyFace | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.budget === b.budget && a.spent === b.spent && a.pending === b.pending)
  );
}
