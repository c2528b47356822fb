/**
 * Each person's inbox behind one interface (memory for tests, SQLite for the app), like
 * AuditStore. Items are made by the server only; their owner may only mark them read.
 */
import type { InboxKind } from '#lib/inbox/types';

export interface NewInboxItem {
  /** Whose inbox. */
  userId: string;
  boardId: string;
  cardId: string;
  kind: InboxKind;
  /** Who mentioned, assigned, moved or reviewed; null for the server (due dates). */
  actorId: string | null;
  /** The card's title (kept current by retitleCard), and the comment's opening words (mentions); both already cut short. */
  cardTitle: string;
  excerpt: string;
  /** The stage's name or the due day the item is about; '' for mentions and assignments. */
  detail: string;
  /** The comment a mention is in; null otherwise. */
  commentId: string | null;
  /** What the item is about; a second item with the same key for the same person is not stored. Null: no key. */
  dedupeKey: string | null;
  createdAt: number;
}

export interface InboxItem extends NewInboxItem {
  id: number;
  /** When its owner marked it read; null while unread. */
  readAt: number | null;
}

export interface InboxQuery {
  /**
   * Only items on these boards: the owner's boards now, so a member taken off a board no longer
   * sees its items (and sees them again if added back).
   */
  boardIds: readonly string[];
  /** Only items older than this id (the cursor of the previous page). */
  before?: number;
  /** At most this many, newest first. */
  limit: number;
}

export interface InboxStore {
  /**
   * Stores items in order in one write; resolves with those stored, ids assigned, unread. An item
   * whose dedupeKey its person already has (or an earlier one of the same call has) is skipped.
   */
  add(items: readonly NewInboxItem[]): Promise<InboxItem[]>;
  /** One person's items on the given boards, newest first. */
  list(userId: string, query: InboxQuery): Promise<InboxItem[]>;
  /** How many of one person's items on the given boards are unread. */
  countUnread(userId: string, boardIds: readonly string[]): Promise<number>;
  /**
   * Marks `userId`'s own unread items read at `at`: those among `ids`, or every one (ids null).
   * Ids of other people's items change nothing. Resolves with how many changed.
   */
  markRead(userId: string, ids: readonly number[] | null, at: number): Promise<number>;
  /** Deletes `userId`'s items read before `before` (never unread ones); returns how many. */
  pruneRead(userId: string, before: number): Promise<number>;
  /** Gives every item about one card, everyone's, the card's new title; returns how many changed. */
  retitleCard(boardId: string, cardId: string, title: string): Promise<number>;
  /** Deletes a board's items, everyone's (the board is being deleted); returns how many. */
  removeBoard(boardId: string): Promise<number>;
}
