/**
 * Tables of mail notifications (server/mail): the queue of inbox items waiting for their batch,
 * and each person's mail settings. Apart from schema.ts, which re-exports them for drizzle-kit.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Inbox items waiting to be mailed. A row leaves in the same write that records its mail as
 * sent (mail_settings.last_sent_at), so a restart sends what was due and nothing twice. No
 * foreign keys, like inbox_items: rows go with their person's mail or their board.
 */
export const mailQueue = sqliteTable(
  'mail_queue',
  {
    /** The inbox item's id: an item is queued once. */
    itemId: integer('item_id').primaryKey(),
    userId: text('user_id').notNull(),
    boardId: text('board_id').notNull(),
    /** 'mention' | 'assigned' | … (src/lib/inbox/types.ts). */
    kind: text('kind').notNull(),
    /** The inbox item as it was made (InboxItem, JSON): the mail needs no inbox read, which may have pruned it. */
    item: text('item').notNull(),
    queuedAt: integer('queued_at').notNull()
  },
  (table) => [index('mail_queue_user_idx').on(table.userId, table.queuedAt)]
);

/** Per person: the language mails are written in, the kinds they turned off, when the last mail went. */
export const mailSettings = sqliteTable('mail_settings', {
  userId: text('user_id').primaryKey(),
  /** 'zh-CN' | 'en'. */
  language: text('language').notNull(),
  /** JSON array of the InboxKinds not mailed. */
  muted: text('muted').notNull().default('[]'),
  /** Milliseconds since the epoch of the last mail sent; null before the first. */
  lastSentAt: integer('last_sent_at')
});
