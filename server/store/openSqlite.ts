import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Config } from '../config';
import { MIGRATIONS_FOLDER } from '../paths';

// Long enough to ride out a checkpoint or a backup tool holding the lock; short enough to surface a stuck writer.
const BUSY_TIMEOUT_MS = 5000;

/** Connection settings as SQLite reports them, for health checks and tests. */
export interface SqliteDiagnostics {
  journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  synchronous: number;
  foreignKeys: boolean;
  busyTimeoutMs: number;
}

/**
 * Opens (creating if needed) the database file in WAL mode with the configured durability, and
 * applies pending migrations; a file that cannot be brought up to date is closed again.
 */
export function openSqlite(config: Pick<Config, 'dbFile' | 'durability'>): {
  sqlite: Database.Database;
  db: BetterSQLite3Database;
} {
  fs.mkdirSync(path.dirname(config.dbFile), { recursive: true });
  const sqlite = new Database(config.dbFile);
  try {
    const journalMode: unknown = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') {
      throw new Error(`SQLite refused WAL mode for ${config.dbFile} (got ${String(journalMode)}).`);
    }
    sqlite.pragma(`synchronous = ${config.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { sqlite, db };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The connection's journal, sync, foreign-key and busy settings as SQLite reports them. */
export function sqliteDiagnostics(sqlite: Database.Database): SqliteDiagnostics {
  const read = (name: string): unknown => sqlite.pragma(name, { simple: true });
  return {
    journalMode: String(read('journal_mode')),
    synchronous: Number(read('synchronous')),
    foreignKeys: read('foreign_keys') === 1,
    busyTimeoutMs: Number(read('busy_timeout'))
  };
}
