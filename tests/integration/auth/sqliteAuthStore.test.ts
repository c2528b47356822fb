import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import type { Config } from '#server/config';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { authStoreContract, sampleUser } from './authStoreContract';

type StoreConfig = Pick<Config, 'dbFile' | 'durability'>;

const tempDirs: string[] = [];
function tempConfig(durability: Config['durability']): StoreConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-auth-'));
  tempDirs.push(dir);
  return { dbFile: path.join(dir, 'stageboard.db'), durability };
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A second connection on the file: what another process (or the next start) sees on disk. */
function inspect<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile);
  try {
    db.pragma('foreign_keys = ON');
    return read(db);
  } finally {
    db.close();
  }
}

for (const durability of ['normal', 'full'] as const) {
  authStoreContract(
    `SQLite, durability ${durability}`,
    async () => {
      const config = tempConfig(durability);
      let docStore = SqliteDocStore.open(config);
      return {
        store: SqliteAuthStore.over(docStore),
        reopen: async () => {
          await docStore.close();
          docStore = SqliteDocStore.open(config);
          return SqliteAuthStore.over(docStore);
        },
        cleanup: () => docStore.close()
      };
    },
    { persistent: true }
  );
}

/** Runs `test` on a fresh file's SqliteDocStore and its SqliteAuthStore, closing the file after. */
async function onFile(
  durability: Config['durability'],
  test: (auth: SqliteAuthStore, docStore: SqliteDocStore, dbFile: string) => Promise<void>
): Promise<void> {
  const config = tempConfig(durability);
  const docStore = SqliteDocStore.open(config);
  try {
    await test(SqliteAuthStore.over(docStore), docStore, config.dbFile);
  } finally {
    await docStore.close();
  }
}

describe('SqliteAuthStore on the document store’s file', () => {
  it('writes through the document store’s connection, committing its pending appends first', () =>
    onFile('full', async (auth, docStore, dbFile) => {
      const append = docStore.appendUpdate('b', Uint8Array.from([1]));
      await auth.createUser(sampleUser('ann'));
      // Both on disk before the append's tick ended: the account write did not ride in its batch.
      const onDisk = inspect(dbFile, (db) => ({
        updates: db.prepare('SELECT count(*) FROM doc_updates').pluck().get(),
        users: db.prepare('SELECT count(*) FROM users').pluck().get()
      }));
      expect(onDisk).toEqual({ updates: 1, users: 1 });
      await append;
    }));

  it('keeps emails unique in SQL and deletes a removed user’s sessions with them', () =>
    onFile('normal', async (auth, _docStore, dbFile) => {
      await auth.createUser(sampleUser('ann'));
      await auth.createSession({ tokenHash: 'h1', userId: 'ann', createdAt: 1, expiresAt: 9, lastSeenAt: 1 });
      inspect(dbFile, (db) => {
        const duplicate =
          "INSERT INTO users VALUES ('bob', 'ann@example.com', 'Bob', '#000000', 'x', 0, 1, 1)";
        expect(() => db.prepare(duplicate).run()).toThrow(/UNIQUE/);
        db.prepare("DELETE FROM users WHERE id = 'ann'").run();
      });
      expect(await auth.getSession('h1')).toBeNull();
    }));

  it('reads a setting whose stored JSON is damaged as unset', () =>
    onFile('normal', async (auth, _docStore, dbFile) => {
      await auth.setSetting('openSignup', true);
      inspect(dbFile, (db) => db.prepare("UPDATE settings SET value = '{tru'").run());
      expect(await auth.getSetting('openSignup')).toBeUndefined();
    }));
});
