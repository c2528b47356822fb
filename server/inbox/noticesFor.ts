/**
 * Which inbox items an activity entry asks for, before membership is checked (InboxService does
 * that): mentions and assignments from the entry alone; a card entering a gated stage, approved or
 * sent back from the board's document as it is now (who approves the gate, who is on the card).
 * Each item names what it is about in its dedupeKey, so the store refuses a second notice of the
 * same thing to the same person. Nobody hears of their own act.
 */
import * as Y from 'yjs';
import { excerptOf, type ActivityEntry } from '#lib/activity/types';
import type { BoardRole } from '#lib/auth/permissions';
import { approversFor, gateOf, roundOf } from '#lib/board/approvals';
import { maySignWith, rolePeople } from '#lib/board/roles';
import type { Gate } from '#lib/board/rules';
import { isCommentId, MENTIONS_MAX } from '#lib/board/comment-value';
import { readStage } from '#lib/board/read';
import { CardKey, LIMITS, roots, str } from '#lib/board/schema';
import type { NewInboxItem } from './InboxStore';

/** A card title kept in an item: the list shows one line of it. */
export const CARD_TITLE_MAX = 200;

/** The card's title an entry names, cut to what an item keeps. */
export const cardTitleOf = (entry: ActivityEntry): string =>
  excerptOf(entry.data.title ?? '', CARD_TITLE_MAX);

/** The well-formed user ids of an entry's `mentions`, each once, at most MENTIONS_MAX. */
function mentionedIn(entry: ActivityEntry): string[] {
  const list: unknown = entry.data.mentions;
  return Array.isArray(list) ? [...new Set(list.filter(isCommentId))].slice(0, MENTIONS_MAX) : [];
}

type Base = Omit<NewInboxItem, 'userId' | 'kind' | 'excerpt' | 'detail' | 'commentId' | 'dedupeKey'>;

function baseOf(boardId: string, entry: ActivityEntry & { cardId: string }): Base {
  return {
    boardId,
    cardId: entry.cardId,
    actorId: entry.userId,
    cardTitle: cardTitleOf(entry),
    createdAt: entry.at
  };
}

/** Items for mentions and assignments: all an entry needs is in it. */
export function directNotices(boardId: string, entry: ActivityEntry): NewInboxItem[] {
  if (!entry.cardId) return [];
  const base = baseOf(boardId, { ...entry, cardId: entry.cardId });
  const notActor = (userId: string) => userId !== entry.userId;
  const plain = { detail: '', commentId: null, dedupeKey: null };
  if (entry.kind === 'comment.added' || entry.kind === 'comment.mentioned') {
    const excerpt = excerptOf(entry.data.excerpt ?? '');
    const commentId = isCommentId(entry.data.commentId) ? entry.data.commentId : null;
    return mentionedIn(entry)
      .filter(notActor)
      .map((userId) => ({
        ...base,
        ...plain,
        userId,
        kind: 'mention' as const,
        excerpt,
        commentId,
        // One comment tells each person once, however often it is edited to name them.
        dedupeKey: commentId ? `mention:${entry.cardId}:${commentId}` : null
      }));
  }
  const { memberId } = entry.data;
  if (!isCommentId(memberId) || !notActor(memberId)) return [];
  // Assigned as the card entered a stage (deriveActivity.ts): handed over by the stage's rule.
  // Told once per card and stage, however often it goes back and forth.
  if (entry.kind === 'card.assigned' && entry.data.toStage) {
    const dedupeKey = `handoff:${entry.cardId}:${entry.data.toStage}`;
    const detail = entry.data.toStageName ?? '';
    return [{ ...base, ...plain, userId: memberId, kind: 'handoff', excerpt: '', detail, dedupeKey }];
  }
  if (entry.kind === 'card.assigned')
    return [{ ...base, ...plain, userId: memberId, kind: 'assigned', excerpt: '' }];
  // A checklist item given to someone: the item's words say which of the card's tasks is theirs.
  if (entry.kind === 'checklist.assigned') {
    return [
      { ...base, ...plain, userId: memberId, kind: 'assigned', excerpt: excerptOf(entry.data.item ?? '') }
    ];
  }
  return [];
}

/** The entries whose items need the document (and the board's members) to say whom they tell. */
export function needsDocument(entry: ActivityEntry): boolean {
  if (!entry.cardId) return false;
  if (entry.kind === 'card.approved' || entry.kind === 'card.sent-back') return true;
  return (entry.kind === 'card.moved' || entry.kind === 'card.created') && Boolean(entry.data.toStage);
}

/** What the document says about an entry's card now: read in one pass of the room. */
export interface CardNow {
  /** The card's stage now, and its round (0 before any send-back). */
  stageId: string;
  round: number;
  assignees: string[];
  /** The gate of the stage the entry moved the card to, or null; and per approver, who holds its role. */
  gate: Gate | null;
  gatePeople: string[][];
  /** That stage's name now. */
  stageName: string;
}

/** Reads what `documentNotices` needs about the entry's card; null when the card is gone. */
export function readCardNow(doc: Y.Doc, entry: ActivityEntry): CardNow | null {
  const card = entry.cardId ? roots(doc).cards.get(entry.cardId) : undefined;
  if (!card) return null;
  const assignees = card.get(CardKey.assignees);
  const toStage = entry.data.toStage ?? '';
  const gate = toStage ? gateOf(doc, toStage) : null;
  const needed: Gate | null = gate && {
    approvers: approversFor(doc, entry.cardId!, gate).map((a) => a.approver)
  };
  const stage = toStage ? roots(doc).stages.get(toStage) : undefined;
  return {
    stageId: str(card, CardKey.stageId),
    round: roundOf(card),
    assignees:
      assignees instanceof Y.Map ? [...assignees.keys()].filter(isCommentId).slice(0, LIMITS.assignees) : [],
    // Only the approvers the card needs are told (a conditional 总经理 only for 重大项目).
    gate: needed,
    gatePeople: needed ? needed.approvers.map((a) => (a.role ? rolePeople(doc, a.role) : [])) : [],
    stageName: stage ? readStage(toStage, stage).name : ''
  };
}

/**
 * Items for a card entering a gated stage (its approvers: the members who may sign it, roles.ts),
 * approved, or sent back (its assignees, with the reviewer's note or reason).
 */
export function documentNotices(
  boardId: string,
  entry: ActivityEntry,
  card: CardNow,
  members: readonly { userId: string; role: BoardRole }[]
): NewInboxItem[] {
  if (!entry.cardId) return [];
  const base = baseOf(boardId, { ...entry, cardId: entry.cardId });
  const notActor = (userId: string) => userId !== entry.userId;
  const make = (
    kind: NewInboxItem['kind'],
    people: readonly string[],
    rest: Partial<NewInboxItem>,
    key: string
  ) =>
    people.filter(notActor).map((userId) => ({
      ...base,
      userId,
      kind,
      excerpt: '',
      detail: '',
      commentId: null,
      ...rest,
      dedupeKey: `${kind}:${entry.cardId}:${key}`
    }));
  const d = entry.data;
  // One signature of a 会签 that others must still sign approves nothing yet: nobody is told.
  if (entry.kind === 'card.approved' && d.gateOpen === false) return [];
  if (entry.kind === 'card.approved') {
    const excerpt = excerptOf(d.note ?? '');
    return make(
      'approved',
      card.assignees,
      { excerpt, detail: d.stageName ?? '' },
      `${d.round ?? 0}:${d.stageName ?? ''}`
    );
  }
  if (entry.kind === 'card.sent-back') {
    const excerpt = excerptOf(d.note ?? '');
    // The round a send-back starts is new each time: the key of this one send-back.
    return make('sent-back', card.assignees, { excerpt, detail: d.toStageName ?? '' }, `${d.round ?? 0}`);
  }
  // Moved on meanwhile, or into a stage without a gate: nothing waits for an approver.
  const gate = card.gate;
  if (!gate || card.stageId !== d.toStage) return [];
  const approvers = members
    .filter((m) => gate.approvers.some((a, i) => maySignWith(a, card.gatePeople[i] ?? [], m.userId, m.role)))
    .map((m) => m.userId);
  // Each round asks for a new sign-off; dragged out and back within one round, it is the same ask.
  return make(
    'gate',
    approvers,
    { detail: card.stageName || (d.toStageName ?? '') },
    `${card.stageId}:${card.round}`
  );
}
