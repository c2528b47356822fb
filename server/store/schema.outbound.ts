/**
 * Tables of the outbound integrations (server/outbound): a board's webhooks and group-chat robots,
 * the outbox of deliveries the worker sends, and the log of each attempt. schema.ts re-exports
 * them for drizzle-kit.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One webhook or robot of a board. No foreign key, like the inbox: it goes with its board through the service. */
export const integrations = sqliteTable(
  'integrations',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id').notNull(),
    /** 'webhook' | 'wecom' | 'dingtalk' | 'feishu' (src/lib/outbound/types.ts). */
    kind: text('kind').notNull(),
    url: text('url').notNull(),
    /**
     * Kept as given: signing needs the secret itself (HMAC), so it cannot be hashed as a token
     * is; the API never returns it after creation.
     */
    secret: text('secret').notNull().default(''),
    /** JSON array of event types. */
    events: text('events').notNull(),
    locale: text('locale').notNull(),
    digestWeekday: integer('digest_weekday').notNull().default(1),
    digestHour: integer('digest_hour').notNull().default(9),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** null | 'manual' | 'failures'. */
    disabledReason: text('disabled_reason'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull()
  },
  (table) => [index('integrations_board_idx').on(table.boardId)]
);

/**
 * The outbox: one row per event and integration, written before anything is sent, so a delivery
 * due while the server was down is sent when it starts, and sent once (the unique key).
 */
export const outboundDeliveries = sqliteTable(
  'outbound_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    integrationId: text('integration_id').notNull(),
    boardId: text('board_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The OutboundEvent as JSON: what every attempt sends (robots format it at send time). */
    payload: text('payload').notNull(),
    /** 'pending' | 'delivered' | 'dead'. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due (ms since the epoch); meaningless unless pending. */
    nextAt: integer('next_at').notNull(),
    createdAt: integer('created_at').notNull()
  },
  (table) => [
    // An event reaches an integration once, however many paths or restarts enqueue it.
    uniqueIndex('outbound_deliveries_event_idx').on(table.integrationId, table.eventId),
    // The worker asks for pending rows due by now: a range on this index.
    index('outbound_deliveries_due_idx').on(table.status, table.nextAt)
  ]
);

/** Each attempt of a delivery: the delivery log of the integrations dialog. */
export const outboundAttempts = sqliteTable(
  'outbound_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id').notNull(),
    integrationId: text('integration_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: integer('at').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    error: text('error'),
    /** The answer's first bytes (bounded by the sender). */
    response: text('response').notNull().default('')
  },
  (table) => [index('outbound_attempts_integration_idx').on(table.integrationId, table.id)]
);
