import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuthService, type AuthServiceOptions } from '#server/auth/AuthService';
import { verifyPassword } from '#server/auth/passwords';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { RecordingLogger } from '../helpers/syncHarness';

/** AuthService on a real SQLite file, with a clock the test moves and a logger that keeps every line. */
export interface AuthFixture {
  auth: AuthService;
  store: SqliteAuthStore;
  docStore: SqliteDocStore;
  log: RecordingLogger;
  dbFile: string;
  /** Milliseconds since the epoch as the service sees them; assign to move time. */
  clock: { now: number };
  /** How many password checks (scrypt verifications) the service has run. */
  checks: { count: number };
  /** Every row of a table, read through a second connection (what a copy of the file holds). */
  rows(table: string): Record<string, unknown>[];
  /** The database file and its WAL as text, for "this never reaches the disk" checks. */
  fileText(): string;
  cleanup(): Promise<void>;
}

export async function authFixture(
  options: Pick<AuthServiceOptions, 'addressLimits'> = {}
): Promise<AuthFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-auth-'));
  const dbFile = path.join(dir, 'stageboard.db');
  const docStore = SqliteDocStore.open({ dbFile, durability: 'normal' });
  const store = SqliteAuthStore.over(docStore);
  const log = new RecordingLogger();
  const clock = { now: Date.UTC(2026, 10, 1) };
  const checks = { count: 0 };
  const countedVerify: typeof verifyPassword = (password, stored) => {
    checks.count++;
    return verifyPassword(password, stored);
  };
  const auth = new AuthService(store, log, {
    ...options,
    now: () => clock.now,
    verifyPassword: countedVerify
  });
  return {
    auth,
    checks,
    store,
    docStore,
    log,
    dbFile,
    clock,
    rows(table) {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    fileText() {
      const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file).toString('latin1') : '');
      return read(dbFile) + read(`${dbFile}-wal`);
    },
    async cleanup() {
      await docStore.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
