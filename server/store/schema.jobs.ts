/**
 * Tables the server's jobs keep (the inbox, the due-date index, recurring-plan claims), apart from
 * the boards, accounts and documents in schema.ts, which re-exports them for drizzle-kit.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Each person's inbox (server/inbox): an item when someone mentions them in a comment or assigns
 * them a card, a card enters a stage they approve, their card is reviewed or falls due. Made by the server from the activity log, read and marked read by its owner only.
 * No foreign keys, like audit_events: items go with their board through the service, and are
 * made only for members, whose membership is checked again whenever the inbox is read.
 */
export const inboxItems = sqliteTable(
  'inbox_items',
  {
    /** Increasing: the inbox's order and its paging cursor. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Whose inbox. */
    userId: text('user_id').notNull(),
    boardId: text('board_id').notNull(),
    cardId: text('card_id').notNull(),
    /** 'mention' | 'assigned' | 'gate' | … (src/lib/inbox/types.ts). */
    kind: text('kind').notNull(),
    /** Who mentioned or assigned; null for the server. */
    actorId: text('actor_id'),
    /** The card's title when the item was made, and the comment's first words: both bounded. */
    cardTitle: text('card_title').notNull(),
    excerpt: text('excerpt').notNull(),
    /** Milliseconds since the epoch, from the server's clock. */
    createdAt: integer('created_at').notNull(),
    /** When its owner marked it read; null while unread. */
    readAt: integer('read_at'),
    /** The stage's name or the due day the item is about; '' for mentions and assignments. */
    detail: text('detail').notNull().default(''),
    /** The comment a mention is in: the inbox links to it. */
    commentId: text('comment_id'),
    /**
     * What the item is about, once per person (e.g. `due-soon:<card>:<day>`): a second notice of
     * the same thing is not inserted. Null: may repeat (an assignment undone and made again).
     */
    dedupeKey: text('dedupe_key')
  },
  (table) => [
    // Nobody is told twice: the database refuses a repeat, whichever path or process makes it.
    uniqueIndex('inbox_items_dedupe_idx').on(table.userId, table.dedupeKey),
    // A person's inbox reads newest first from a cursor; the badge counts the unread ones.
    index('inbox_items_user_idx').on(table.userId, table.id),
    index('inbox_items_unread_idx').on(table.userId, table.readAt),
    // Deleting a board deletes its items.
    index('inbox_items_board_idx').on(table.boardId)
  ]
);

/**
 * The card dates the due-date notices look at (server/inbox/DueNotices.ts), so finding what falls
 * due reads an index instead of every board document. Kept from the activity log (a date set,
 * changed or cleared; a card created, deleted or archived) and filled once per board from its
 * document (`dueIndexedBoards`) for boards dated before the index existed.
 */
export const cardDueDates = sqliteTable(
  'card_due_dates',
  {
    boardId: text('board_id').notNull(),
    cardId: text('card_id').notNull(),
    /** 'YYYY-MM-DD', a day in UTC as the card stores it. */
    date: text('date').notNull(),
    /** The last notice sent for this date: '' none, 'due-soon', 'overdue'. A new date starts again. */
    told: text('told').notNull().default('')
  },
  (table) => [
    primaryKey({ columns: [table.boardId, table.cardId] }),
    // The job asks for dates up to tomorrow not yet told: a range on this index.
    index('card_due_dates_date_idx').on(table.date, table.told)
  ]
);

/** Boards whose documents have been read into card_due_dates once (the backfill). */
export const dueIndexedBoards = sqliteTable('due_indexed_boards', {
  boardId: text('board_id').primaryKey(),
  indexedAt: integer('indexed_at').notNull()
});

/**
 * Recurring plans' claims (server/recurring/RecurringPlans.ts): one row per rule and period, taken
 * before the card is written, so a card is made once per period however many passes, restarts or
 * server processes see the rule due. The card id is chosen with the claim.
 */
export const recurringClaims = sqliteTable(
  'recurring_claims',
  {
    boardId: text('board_id').notNull(),
    ruleId: text('rule_id').notNull(),
    /** 'YYYY-MM' (monthly) or the Monday 'YYYY-MM-DD' of the week (weekly). */
    period: text('period').notNull(),
    cardId: text('card_id').notNull(),
    claimedAt: integer('claimed_at').notNull()
  },
  (table) => [primaryKey({ columns: [table.boardId, table.ruleId, table.period] })]
);
