import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { STAGE_EVENT_KINDS } from '#lib/analytics';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isActivityKind, type ActivityData } from '#lib/activity/types';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { auditEvents } from '../store/schema';
import type { AuditEvent, AuditQuery, AuditStore, NewAuditEvent } from './AuditStore';

type Row = typeof auditEvents.$inferSelect;

/** A row as an event; a kind this version does not know (a newer server wrote it) is skipped. */
function toEvent(row: Row): AuditEvent | null {
  if (!isActivityKind(row.kind)) return null;
  let data: ActivityData;
  try {
    data = JSON.parse(row.data) as ActivityData;
  } catch {
    data = {};
  }
  return { ...row, kind: row.kind, data };
}

/** AuditStore on the SqliteDocStore's connection (like SqliteAuthStore): one file, one writer. */
export class SqliteAuditStore implements AuditStore {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;
  readonly #insert;

  static over(docStore: SqliteDocStore): SqliteAuditStore {
    const { db, write } = docStore.connection();
    return new SqliteAuditStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
    const p = (name: string) => sql.placeholder(name);
    this.#insert = db
      .insert(auditEvents)
      .values({
        boardId: p('boardId'),
        at: p('at'),
        userId: p('userId'),
        kind: p('kind'),
        cardId: p('cardId'),
        data: p('data')
      })
      .returning()
      .prepare();
  }

  async append(events: readonly NewAuditEvent[]): Promise<AuditEvent[]> {
    if (events.length === 0) return [];
    return this.#write(() =>
      events.map((e) => {
        const row = this.#insert.get({ ...e, data: JSON.stringify(e.data) }) as Row;
        return { ...e, id: row.id, data: structuredClone(e.data) };
      })
    );
  }

  async list(boardId: string, query: AuditQuery): Promise<AuditEvent[]> {
    const where = and(
      eq(auditEvents.boardId, boardId),
      query.cardId === undefined ? undefined : eq(auditEvents.cardId, query.cardId),
      query.kind === undefined ? undefined : eq(auditEvents.kind, query.kind),
      query.before === undefined ? undefined : lt(auditEvents.id, query.before)
    );
    const rows = this.#db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(query.limit)
      .all();
    return rows.map(toEvent).filter((e): e is AuditEvent => e !== null);
  }

  async stageEvents(boardId: string): Promise<AuditEvent[]> {
    const rows = this.#db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.boardId, boardId), inArray(auditEvents.kind, [...STAGE_EVENT_KINDS])))
      .orderBy(asc(auditEvents.id))
      .all();
    return rows.map(toEvent).filter((e): e is AuditEvent => e !== null);
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#write(
      () => this.#db.delete(auditEvents).where(eq(auditEvents.boardId, boardId)).run().changes
    );
  }
}
