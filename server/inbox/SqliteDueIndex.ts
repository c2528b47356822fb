import { and, asc, eq, gt, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { cardDueDates, dueIndexedBoards } from '../store/schema';
import type { DueIndex, DueRow, DueTold } from './DueIndex';

const p = (name: string) => sql.placeholder(name);
const isTold = (v: string): v is DueTold => v === '' || v === 'due-soon' || v === 'overdue';

/** The due-date index on the SqliteDocStore's connection (one file, one writer). */
export class SqliteDueIndex implements DueIndex {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;
  readonly #pending;

  static over(docStore: SqliteDocStore): SqliteDueIndex {
    const { db, write } = docStore.connection();
    return new SqliteDueIndex(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
    // card_due_dates_date_idx: two ranges of the index, however many cards carry dates.
    this.#pending = db
      .select()
      .from(cardDueDates)
      .where(
        or(
          and(
            gt(cardDueDates.date, p('today')),
            lte(cardDueDates.date, p('soonUntil')),
            eq(cardDueDates.told, '')
          ),
          and(lt(cardDueDates.date, p('today')), ne(cardDueDates.told, 'overdue'))
        )
      )
      .orderBy(asc(cardDueDates.date))
      .limit(p('limit'))
      .prepare();
  }

  async setDate(boardId: string, cardId: string, date: string | null): Promise<void> {
    await this.#write(() => this.#set(boardId, cardId, date));
  }

  #set(boardId: string, cardId: string, date: string | null): void {
    const card = and(eq(cardDueDates.boardId, boardId), eq(cardDueDates.cardId, cardId));
    if (date === null) {
      this.#db.delete(cardDueDates).where(card).run();
      return;
    }
    // The same date again keeps what was told; a new one starts untold.
    this.#db
      .insert(cardDueDates)
      .values({ boardId, cardId, date, told: '' })
      .onConflictDoUpdate({
        target: [cardDueDates.boardId, cardDueDates.cardId],
        set: {
          date,
          told: sql`case when ${cardDueDates.date} = ${date} then ${cardDueDates.told} else '' end`
        }
      })
      .run();
  }

  async indexBoard(boardId: string, dates: ReadonlyMap<string, string>, at: number): Promise<void> {
    await this.#write(() => {
      this.#db.delete(cardDueDates).where(eq(cardDueDates.boardId, boardId)).run();
      for (const [cardId, date] of dates) this.#set(boardId, cardId, date);
      this.#db.insert(dueIndexedBoards).values({ boardId, indexedAt: at }).onConflictDoNothing().run();
    });
  }

  async indexedBoards(): Promise<Set<string>> {
    const rows = this.#db.select({ id: dueIndexedBoards.boardId }).from(dueIndexedBoards).all();
    return new Set(rows.map((r) => r.id));
  }

  async pending(today: string, soonUntil: string, limit: number): Promise<DueRow[]> {
    const rows = this.#pending.all({ today, soonUntil, limit });
    return rows.flatMap((r) => (isTold(r.told) ? [{ ...r, told: r.told }] : []));
  }

  async markTold(boardId: string, cardId: string, date: string, told: DueTold): Promise<void> {
    const row = and(
      eq(cardDueDates.boardId, boardId),
      eq(cardDueDates.cardId, cardId),
      eq(cardDueDates.date, date)
    );
    await this.#write(() => this.#db.update(cardDueDates).set({ told }).where(row).run());
  }

  async removeBoard(boardId: string): Promise<void> {
    await this.#write(() => {
      this.#db.delete(cardDueDates).where(eq(cardDueDates.boardId, boardId)).run();
      this.#db.delete(dueIndexedBoards).where(eq(dueIndexedBoards.boardId, boardId)).run();
    });
  }
}
