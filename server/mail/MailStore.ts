/**
 * Mail notifications' state behind one interface (memory for tests, SQLite for the app), like
 * InboxStore: the queue of inbox items waiting for their person's next batch, and each person's
 * mail settings. Taking a batch off the queue and recording it sent is one write (`markSent`).
 */
import type { InboxKind } from '#lib/inbox/types';
import type { Locale } from '#lib/i18n/locale';
import type { InboxItem } from '../inbox/InboxStore';

export interface MailSettings {
  language: Locale;
  /** Kinds the person does not want mailed. */
  muted: InboxKind[];
  /** When their last mail went; null before the first. */
  lastSentAt: number | null;
}

export interface MailStore {
  /** Queues inbox items (an item already queued is skipped) at `at`. */
  enqueue(items: readonly InboxItem[], at: number): Promise<void>;
  /**
   * People with queued items whose last mail went at or before `sentBefore` (or never): those a
   * pass may mail now.
   */
  dueUsers(sentBefore: number): Promise<string[]>;
  /** A person's queued items, oldest first. */
  queued(userId: string): Promise<InboxItem[]>;
  /** Removes the items (sent, or not to be sent) and records a mail sent at `at` when `sent`; one write. */
  markSent(userId: string, itemIds: readonly number[], at: number, sent: boolean): Promise<void>;
  /** A person's settings, or null when they never saved any (the defaults apply). */
  settings(userId: string): Promise<MailSettings | null>;
  /** Saves language and muted kinds, keeping when the last mail went. */
  saveSettings(userId: string, settings: Pick<MailSettings, 'language' | 'muted'>): Promise<void>;
  /** Forgets a board's queued items (the board is being deleted). */
  removeBoard(boardId: string): Promise<void>;
}
