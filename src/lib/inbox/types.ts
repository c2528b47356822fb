/**
 * The personal inbox as the API and its live stream deliver it. The server makes an item when
 * someone mentions a person in a comment or assigns them a card, when a card enters a stage they
 * approve, when their card is approved or sent back, and when its due date is tomorrow or has
 * passed (server/inbox/InboxService.ts, DueNotices.ts); its owner only reads it and marks it read.
 * Shared by the server and the browser.
 */
export const INBOX_KINDS = [
  'mention',
  'assigned',
  'handoff',
  'gate',
  'approved',
  'sent-back',
  'due-soon',
  'overdue',
  // A webhook or group robot turned off after failing again and again (server/outbound): told to the board's owners.
  'integration-off'
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Items one page of GET /api/inbox holds at most. */
export const INBOX_PAGE_MAX = 100;
/** Ids one POST /api/inbox/read names at most (more: mark all). */
export const INBOX_READ_MAX = 200;

/** One item, with the names it needs to read well. */
export interface InboxView {
  /** Increasing: order and paging cursor. */
  id: number;
  kind: InboxKind;
  boardId: string;
  /** '' when the board is gone (its items go with it, so only for a moment). */
  boardTitle: string;
  cardId: string;
  /** The card's title when the item was made. */
  cardTitle: string;
  /** Who mentioned, assigned, moved or reviewed; null for the server itself (due dates). */
  actorId: string | null;
  actorName: string;
  /** A mention's comment opening words, a checklist item given, a reviewer's note or reason; or ''. */
  excerpt: string;
  /** The stage's name (gate, approved, sent back: the stage returned to) or the due day 'YYYY-MM-DD'; or ''. */
  detail: string;
  /** The comment a mention is in, so its link opens the card at it; else null. */
  commentId: string | null;
  createdAt: number;
  readAt: number | null;
}

/** GET /api/inbox: newest first, the unread count, and the cursor of the next page (or null). */
export interface InboxPage {
  items: InboxView[];
  unread: number;
  next: number | null;
}

/**
 * What the stream (GET /api/inbox/stream, Server-Sent Events) sends, by event name: a new item;
 * items marked read (ids null: all of them), perhaps in another tab; the unread count alone (on
 * connecting, and when a board joins or leaves the person's boards).
 */
export interface InboxEvents {
  item: { item: InboxView; unread: number };
  read: { ids: number[] | null; at: number; unread: number };
  unread: { unread: number };
}
export type InboxEventName = keyof InboxEvents;
export const INBOX_EVENT_NAMES: readonly InboxEventName[] = ['item', 'read', 'unread'];

export function isInboxKind(value: unknown): value is InboxKind {
  return typeof value === 'string' && (INBOX_KINDS as readonly string[]).includes(value);
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** True when `value` has the shape of an InboxView (what the browser checks before showing it). */
export function isInboxView(value: unknown): value is InboxView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = ['boardId', 'boardTitle', 'cardId', 'cardTitle', 'actorName', 'excerpt', 'detail'];
  return (
    isCount(v.id) &&
    isInboxKind(v.kind) &&
    strings.every((key) => typeof v[key] === 'string') &&
    (v.actorId === null || typeof v.actorId === 'string') &&
    (v.commentId === null || typeof v.commentId === 'string') &&
    isTime(v.createdAt) &&
    (v.readAt === null || isTime(v.readAt))
  );
}

/** The event's payload when `data` parses to the shape `name` promises, else null. */
export function parseInboxEvent<N extends InboxEventName>(name: N, data: string): InboxEvents[N] | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isCount(v.unread)) return null;
  if (name === 'item' && !isInboxView(v.item)) return null;
  if (name === 'read') {
    const idsOk = v.ids === null || (Array.isArray(v.ids) && v.ids.every(isCount));
    if (!idsOk || !isTime(v.at)) return null;
  }
  return value as InboxEvents[N];
}
