import Database from 'better-sqlite3';
import { desc, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readBoardSummary } from '#lib/board/summary';
import type { BoardPatch, BoardRecord, NewBoard } from './DocStore';
import { boards, docSnapshots, docUpdates } from './schema';
import type { WriteTransaction } from './SqliteTemplates';
import { StoreInputError } from './validateInput';

/** The statements of the board list's reads and inserts, prepared once per connection. */
function prepareStatements(db: BetterSQLite3Database) {
  // rowid breaks ties between boards created in the same millisecond: later insert, newer board.
  const newestFirst = [desc(boards.createdAt), desc(sql`rowid`)];
  const id = sql.placeholder('id');
  return {
    listAll: db
      .select()
      .from(boards)
      .orderBy(...newestFirst)
      .prepare(),
    listActive: db
      .select()
      .from(boards)
      .where(eq(boards.archived, false))
      .orderBy(...newestFirst)
      .prepare(),
    select: db.select().from(boards).where(eq(boards.id, id)).prepare(),
    insert: db
      .insert(boards)
      .values({
        id,
        title: sql.placeholder('title'),
        templateId: sql.placeholder('templateId'),
        archived: false,
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now')
      })
      .prepare()
  };
}

/**
 * The `boards` table (the board list's rows) for SqliteDocStore. Synchronous and unchecked:
 * SqliteDocStore validates input and checks it is open.
 */
export class SqliteBoards {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;
  readonly #statements: ReturnType<typeof prepareStatements>;

  constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
    this.#statements = prepareStatements(db);
  }

  list(includeArchived: boolean): BoardRecord[] {
    return (includeArchived ? this.#statements.listAll.all() : this.#statements.listActive.all()).map(
      toRecord
    );
  }

  get(id: string): BoardRecord | undefined {
    const row = this.#statements.select.get({ id });
    return row && toRecord(row);
  }

  create(board: NewBoard): BoardRecord {
    const now = Date.now();
    try {
      this.#write(() =>
        this.#statements.insert.run({ id: board.id, title: board.title, templateId: board.templateId, now })
      );
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new StoreInputError(`A board with id "${board.id}" already exists.`);
      }
      throw error;
    }
    const { id, title, templateId } = board;
    return { id, title, templateId, archived: false, summary: null, createdAt: now, updatedAt: now };
  }

  update(id: string, patch: BoardPatch): BoardRecord | undefined {
    const changes = {
      title: patch.title,
      archived: patch.archived,
      summary: patch.summary && JSON.stringify(patch.summary),
      updatedAt: Date.now()
    };
    const row = this.#write(() =>
      this.#db.update(boards).set(changes).where(eq(boards.id, id)).returning().get()
    );
    return row && toRecord(row);
  }

  /** Deletes the board's row, its snapshot and its update log in one transaction. */
  delete(id: string): void {
    this.#write(() => {
      this.#db.delete(docUpdates).where(eq(docUpdates.boardId, id)).run();
      this.#db.delete(docSnapshots).where(eq(docSnapshots.boardId, id)).run();
      this.#db.delete(boards).where(eq(boards.id, id)).run();
    });
  }
}

/** A boards row as the catalogue hands it out: the summary parsed, and dropped if unreadable. */
function toRecord(row: typeof boards.$inferSelect): BoardRecord {
  let summary = null;
  try {
    summary = row.summary === null ? null : readBoardSummary(JSON.parse(row.summary));
  } catch {
    // A summary is only ever rewritten by the next change; a damaged one shows no progress meanwhile.
  }
  return { ...row, summary };
}
