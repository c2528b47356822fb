/**
 * The audit log behind one interface (memory for tests, SQLite for the app), like DocStore.
 * Append-only: entries are never edited; they go only with their board.
 */
import type { ActivityData, ActivityKind } from '#lib/activity/types';

export interface NewAuditEvent {
  boardId: string;
  at: number;
  userId: string | null;
  kind: ActivityKind;
  cardId: string | null;
  data: ActivityData;
}

export interface AuditEvent extends NewAuditEvent {
  id: number;
}

export interface AuditQuery {
  /** Only this card's entries. */
  cardId?: string;
  /** Only entries of this kind. */
  kind?: ActivityKind;
  /** Only entries older than this id (the cursor of the previous page). */
  before?: number;
  /** At most this many, newest first. */
  limit: number;
}

export interface AuditStore {
  /** Appends entries in order in one write; resolves with them, ids assigned. */
  append(events: readonly NewAuditEvent[]): Promise<AuditEvent[]>;
  /** A board's entries (or one card's), newest first. */
  list(boardId: string, query: AuditQuery): Promise<AuditEvent[]>;
  /**
   * The board's entries that say where a card stands (STAGE_EVENT_KINDS: created, moved, sent
   * back, archived, restored, deleted), oldest first: the history its charts are computed from.
   */
  stageEvents(boardId: string): Promise<AuditEvent[]>;
  /** Deletes a board's entries (the board is being deleted); returns how many. */
  removeBoard(boardId: string): Promise<number>;
}
