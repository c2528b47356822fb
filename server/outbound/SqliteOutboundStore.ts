import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isLocale } from '#lib/i18n/locale';
import {
  isIntegrationKind,
  isOutboundEventType,
  type DeliveredEventType,
  type DeliveryStatus,
  type OutboundEventType
} from '#lib/outbound/types';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { integrations, outboundAttempts, outboundDeliveries } from '../store/schema';
import type {
  Attempt,
  AttemptRecord,
  Delivery,
  Integration,
  IntegrationPatch,
  NewDelivery,
  OutboundStore
} from './OutboundStore';

type IntegrationRow = typeof integrations.$inferSelect;
type DeliveryRow = typeof outboundDeliveries.$inferSelect;

/** A row as an integration; one of a kind this version does not know (a newer server wrote it) is skipped. */
function toIntegration(row: IntegrationRow): Integration | null {
  if (!isIntegrationKind(row.kind) || !isLocale(row.locale)) return null;
  let events: unknown;
  try {
    events = JSON.parse(row.events);
  } catch {
    events = [];
  }
  const reason =
    row.disabledReason === 'manual' || row.disabledReason === 'failures' ? row.disabledReason : null;
  return {
    ...row,
    kind: row.kind,
    locale: row.locale,
    events: Array.isArray(events) ? events.filter(isOutboundEventType) : [],
    disabledReason: reason
  };
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  ...row,
  eventType: row.eventType as DeliveredEventType,
  status: row.status as DeliveryStatus
});

/** OutboundStore on the SqliteDocStore's connection (like SqliteInboxStore): one file, one writer. */
export class SqliteOutboundStore implements OutboundStore {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;
  readonly #due;

  static over(docStore: SqliteDocStore): SqliteOutboundStore {
    const { db, write } = docStore.connection();
    return new SqliteOutboundStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
    // The worker's query, every few seconds: prepared once, on the (status, next_at) index.
    this.#due = db
      .select({ d: outboundDeliveries })
      .from(outboundDeliveries)
      .innerJoin(integrations, eq(integrations.id, outboundDeliveries.integrationId))
      .where(
        and(
          eq(outboundDeliveries.status, 'pending'),
          lte(outboundDeliveries.nextAt, sql.placeholder('now')),
          eq(integrations.enabled, true)
        )
      )
      .orderBy(asc(outboundDeliveries.nextAt), asc(outboundDeliveries.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }

  async addIntegration(i: Integration): Promise<void> {
    this.#write(() =>
      this.#db
        .insert(integrations)
        .values({ ...i, events: JSON.stringify(i.events) })
        .run()
    );
  }

  async getIntegration(id: string): Promise<Integration | null> {
    const row = this.#db.select().from(integrations).where(eq(integrations.id, id)).get();
    return row ? toIntegration(row) : null;
  }

  async listListening(type: OutboundEventType): Promise<Integration[]> {
    // Few rows (integrations, not events), read every few minutes: the filter on events is in JS.
    return this.#db
      .select()
      .from(integrations)
      .where(eq(integrations.enabled, true))
      .all()
      .map(toIntegration)
      .filter((i): i is Integration => i !== null && i.events.includes(type));
  }

  async listIntegrations(boardId: string): Promise<Integration[]> {
    return this.#db
      .select()
      .from(integrations)
      .where(eq(integrations.boardId, boardId))
      .orderBy(asc(integrations.createdAt), asc(integrations.id))
      .all()
      .map(toIntegration)
      .filter((i): i is Integration => i !== null);
  }

  async updateIntegration(id: string, patch: IntegrationPatch): Promise<Integration | null> {
    const { events, ...rest } = patch;
    const set = { ...rest, ...(events ? { events: JSON.stringify(events) } : {}) };
    if (Object.keys(set).length > 0) {
      this.#write(() => this.#db.update(integrations).set(set).where(eq(integrations.id, id)).run());
    }
    return this.getIntegration(id);
  }

  async removeIntegration(id: string): Promise<void> {
    this.#write(() => {
      this.#db.delete(outboundAttempts).where(eq(outboundAttempts.integrationId, id)).run();
      this.#db.delete(outboundDeliveries).where(eq(outboundDeliveries.integrationId, id)).run();
      this.#db.delete(integrations).where(eq(integrations.id, id)).run();
    });
  }

  async removeBoard(boardId: string): Promise<void> {
    this.#write(() => {
      const ids = this.#db
        .select({ id: integrations.id })
        .from(integrations)
        .where(eq(integrations.boardId, boardId))
        .all()
        .map((r) => r.id);
      if (ids.length > 0) {
        this.#db.delete(outboundAttempts).where(inArray(outboundAttempts.integrationId, ids)).run();
      }
      this.#db.delete(outboundDeliveries).where(eq(outboundDeliveries.boardId, boardId)).run();
      this.#db.delete(integrations).where(eq(integrations.boardId, boardId)).run();
    });
  }

  async enqueue(deliveries: readonly NewDelivery[]): Promise<Delivery[]> {
    if (deliveries.length === 0) return [];
    return this.#write(() => {
      const added: Delivery[] = [];
      for (const d of deliveries) {
        // outbound_deliveries_event_idx: an event already in the outbox is no error, just not added.
        const row = this.#db
          .insert(outboundDeliveries)
          .values({ ...d, status: 'pending', attempts: 0 })
          .onConflictDoNothing()
          .returning()
          .get();
        if (row) added.push(toDelivery(row));
      }
      return added;
    });
  }

  async due(now: number, limit: number): Promise<Delivery[]> {
    return this.#due.all({ now, limit }).map((r) => toDelivery(r.d));
  }

  async getDelivery(id: number): Promise<Delivery | null> {
    const row = this.#db.select().from(outboundDeliveries).where(eq(outboundDeliveries.id, id)).get();
    return row ? toDelivery(row) : null;
  }

  async recordAttempt(r: AttemptRecord): Promise<void> {
    this.#write(() => {
      const row = this.#db
        .update(outboundDeliveries)
        .set({ attempts: sql`${outboundDeliveries.attempts} + 1`, status: r.status, nextAt: r.nextAt })
        .where(eq(outboundDeliveries.id, r.deliveryId))
        .returning({ attempts: outboundDeliveries.attempts })
        .get();
      if (!row) return;
      this.#db
        .insert(outboundAttempts)
        .values({
          deliveryId: r.deliveryId,
          integrationId: r.integrationId,
          attempt: row.attempts,
          at: r.at,
          statusCode: r.statusCode,
          durationMs: r.durationMs,
          ok: r.ok,
          error: r.error,
          response: r.response
        })
        .run();
    });
  }

  async requeue(deliveryId: number, at: number): Promise<boolean> {
    const result = this.#write(() =>
      this.#db
        .update(outboundDeliveries)
        .set({ status: 'pending', nextAt: at })
        .where(eq(outboundDeliveries.id, deliveryId))
        .run()
    );
    return result.changes === 1;
  }

  async attempts(integrationId: string, limit: number): Promise<Attempt[]> {
    return this.#db
      .select({
        a: outboundAttempts,
        eventId: outboundDeliveries.eventId,
        eventType: outboundDeliveries.eventType,
        deliveryStatus: outboundDeliveries.status
      })
      .from(outboundAttempts)
      .innerJoin(outboundDeliveries, eq(outboundDeliveries.id, outboundAttempts.deliveryId))
      .where(eq(outboundAttempts.integrationId, integrationId))
      .orderBy(desc(outboundAttempts.id))
      .limit(limit)
      .all()
      .map(({ a, eventId, eventType, deliveryStatus }) => ({
        ...a,
        eventId,
        eventType: eventType as DeliveredEventType,
        deliveryStatus: deliveryStatus as DeliveryStatus
      }));
  }
}
