import { eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { recurringClaims } from '../store/schema';
import type { ClaimKey, RecurringClaims } from './RecurringClaims';

/**
 * Claims on the SqliteDocStore's connection. The primary key (board, rule, period) decides: an
 * insert that meets a row changes nothing, and SQLite's write lock orders two processes' inserts,
 * so exactly one of them reports a change.
 */
export class SqliteRecurringClaims implements RecurringClaims {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;

  static over(docStore: SqliteDocStore): SqliteRecurringClaims {
    const { db, write } = docStore.connection();
    return new SqliteRecurringClaims(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
  }

  async claim(key: ClaimKey, cardId: string, at: number): Promise<boolean> {
    return this.#write(() => {
      const result = this.#db
        .insert(recurringClaims)
        .values({ ...key, cardId, claimedAt: at })
        .onConflictDoNothing()
        .run();
      return result.changes === 1;
    });
  }

  async removeBoard(boardId: string): Promise<void> {
    await this.#write(() =>
      this.#db.delete(recurringClaims).where(eq(recurringClaims.boardId, boardId)).run()
    );
  }
}
