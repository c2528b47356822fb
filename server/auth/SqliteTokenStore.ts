import { and, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isTokenScope } from '#lib/auth/tokenScopes';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { accessTokens } from '../store/schema';
import { newestTokenFirst, type TokenRecord, type TokenStore } from './TokenStore';

type Row = typeof accessTokens.$inferSelect;

/** A row as a record; a scope this version does not know grants nothing, so the row is dropped. */
function toRecord(row: Row | undefined): TokenRecord | null {
  if (!row || !isTokenScope(row.scope)) return null;
  return { ...row, scope: row.scope };
}

/** TokenStore on the SqliteDocStore's connection (like SqliteInviteStore): one file, one writer. */
export class SqliteTokenStore implements TokenStore {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;
  /** Every request with a token runs this one: prepared once. */
  readonly #byHash;

  static over(docStore: SqliteDocStore): SqliteTokenStore {
    const { db, write } = docStore.connection();
    return new SqliteTokenStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
    this.#byHash = db
      .select()
      .from(accessTokens)
      .where(eq(accessTokens.tokenHash, sql.placeholder('tokenHash')))
      .prepare();
  }

  async insert(record: TokenRecord): Promise<void> {
    await this.#write(() => this.#db.insert(accessTokens).values(record).run());
  }

  async findByHash(tokenHash: string): Promise<TokenRecord | null> {
    return toRecord(this.#byHash.get({ tokenHash }));
  }

  async listFor(userId: string): Promise<TokenRecord[]> {
    const rows = this.#db.select().from(accessTokens).where(eq(accessTokens.userId, userId)).all();
    return rows
      .map(toRecord)
      .filter((r): r is TokenRecord => r !== null)
      .sort(newestTokenFirst);
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.#write(() =>
      this.#db
        .delete(accessTokens)
        .where(and(eq(accessTokens.id, id), eq(accessTokens.userId, userId)))
        .run()
    );
    return result.changes === 1;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.#write(() =>
      this.#db.update(accessTokens).set({ lastUsedAt: at }).where(eq(accessTokens.id, id)).run()
    );
  }
}
