import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Config } from '../config';
import type {
  BoardPatch,
  BoardRecord,
  DocStore,
  NewBoard,
  NewTemplate,
  StoredDoc,
  TemplatePatch,
  TemplateRecord
} from './DocStore';
import { openSqlite, sqliteDiagnostics, type SqliteDiagnostics } from './openSqlite';
import { SqliteBoards } from './SqliteBoards';
import { SqliteDocLog } from './SqliteDocLog';
import { SqliteTemplates, type WriteTransaction } from './SqliteTemplates';
import { TickCommitter } from './TickCommitter';
import {
  assertBoardId,
  assertBytes,
  assertNewBoard,
  assertNewTemplate,
  assertPatch,
  assertTemplatePatch,
  assertThroughSeq
} from './validateInput';

/**
 * DocStore on one SQLite file: an append-only update log plus one snapshot per board
 * (SqliteDocLog), the board list (SqliteBoards) and team templates (SqliteTemplates). This class
 * checks input and that the file is open, and owns the connection and its one write path.
 */
export class SqliteDocStore implements DocStore {
  readonly #sqlite: Database.Database;
  readonly #db: BetterSQLite3Database;
  /** Present with durability 'full' only: NORMAL commits are cheap enough to take one by one. */
  readonly #tick: TickCommitter | null;
  readonly #log: SqliteDocLog;
  readonly #boards: SqliteBoards;
  readonly #templates: SqliteTemplates;
  #closed = false;

  /** Opens (creating if needed) the database file, applies pending migrations and prepares statements. */
  static open(config: Pick<Config, 'dbFile' | 'durability'>): SqliteDocStore {
    const { sqlite, db } = openSqlite(config);
    return new SqliteDocStore(sqlite, db, config.durability === 'full');
  }

  private constructor(sqlite: Database.Database, db: BetterSQLite3Database, groupCommit: boolean) {
    this.#sqlite = sqlite;
    this.#db = db;
    this.#tick = groupCommit ? new TickCommitter(sqlite) : null;
    const write: WriteTransaction = (fn) => this.#write(fn);
    this.#log = new SqliteDocLog(sqlite, db, write);
    this.#boards = new SqliteBoards(db, write);
    this.#templates = new SqliteTemplates(db, write);
  }

  /** Loads a board's snapshot and the updates logged after it; an unknown board yields an empty doc. */
  async loadDoc(boardId: string): Promise<StoredDoc> {
    this.#assertOpen();
    assertBoardId(boardId);
    return this.#log.load(boardId);
  }

  /** Appends one Yjs update to the board's log and resolves with its seq once it is committed. */
  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    this.#assertOpen();
    assertBoardId(boardId);
    assertBytes(update, 'update');
    if (!this.#tick) return this.#log.insert(boardId, update);
    return this.#tick.run(() => this.#log.insert(boardId, update));
  }

  /** Replaces the snapshot and drops logged updates with seq <= throughSeq; a stale call changes nothing. */
  async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.#assertOpen();
    assertBoardId(boardId);
    assertBytes(snapshot, 'snapshot');
    assertThroughSeq(throughSeq);
    this.#log.compact(boardId, snapshot, throughSeq);
  }

  /** Boards for the board list, newest first; archived ones only when asked. */
  async listBoards(options?: { includeArchived?: boolean }): Promise<BoardRecord[]> {
    this.#assertOpen();
    return this.#boards.list(options?.includeArchived ?? false);
  }

  /** The board's record, or undefined when there is no such board. */
  async getBoard(id: string): Promise<BoardRecord | undefined> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    return this.#boards.get(id);
  }

  /** Creates a board record (not archived, both timestamps now); rejects when the id is taken. */
  async createBoard(board: NewBoard): Promise<BoardRecord> {
    this.#assertOpen();
    assertNewBoard(board);
    return this.#boards.create(board);
  }

  /** Applies a patch; returns the updated record, or undefined when the board does not exist. */
  async updateBoard(id: string, patch: BoardPatch): Promise<BoardRecord | undefined> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    assertPatch(patch);
    return this.#boards.update(id, patch);
  }

  /** Deletes the board record, its snapshot and its update log in one transaction. */
  async deleteBoard(id: string): Promise<void> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    this.#boards.delete(id);
  }

  /** Team templates, most recently updated first; a row whose definition no longer parses is left out. */
  async listTemplates(): Promise<TemplateRecord[]> {
    this.#assertOpen();
    return this.#templates.list();
  }

  /** The template's record, or null when there is none (or its definition cannot be read). */
  async getTemplate(id: string): Promise<TemplateRecord | null> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    return this.#templates.get(id);
  }

  /** Stores a template (both timestamps now); rejects when the id is taken. */
  async createTemplate(template: NewTemplate): Promise<TemplateRecord> {
    this.#assertOpen();
    assertNewTemplate(template);
    return this.#templates.create(template);
  }

  /** Applies a patch and bumps updatedAt; returns the updated record, or null when there is none. */
  async updateTemplate(id: string, patch: TemplatePatch): Promise<TemplateRecord | null> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    assertTemplatePatch(patch);
    return this.#templates.update(id, patch);
  }

  /** Deletes a template; true when there was one. */
  async deleteTemplate(id: string): Promise<boolean> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    return this.#templates.delete(id);
  }

  /** Commits any pending appends and closes the database; later calls are no-ops. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#tick?.flush();
    this.#closed = true;
    this.#sqlite.pragma('optimize');
    this.#sqlite.close();
  }

  /** The connection's journal, sync, foreign-key and busy settings as SQLite reports them. */
  diagnostics(): SqliteDiagnostics {
    this.#assertOpen();
    return sqliteDiagnostics(this.#sqlite);
  }

  /**
   * The connection and its write path, for stores of other tables in this file (SqliteAuthStore).
   * Sharing it keeps one writer per process, and `write` commits pending group-committed appends
   * first, so an account write never rides in a batch of document updates.
   */
  connection(): { db: BetterSQLite3Database; write: WriteTransaction } {
    this.#assertOpen();
    return { db: this.#db, write: (fn) => this.#write(fn) };
  }

  /** Runs `fn` in its own transaction, after committing pending appends so it never rides in their batch. */
  #write<T>(fn: () => T): T {
    this.#tick?.flush();
    return this.#sqlite.transaction(fn)();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('SqliteDocStore is closed.');
  }
}
