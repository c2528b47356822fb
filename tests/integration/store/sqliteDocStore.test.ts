import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '#server/config';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { docStoreContract } from './docStoreContract';
import { sampleDefinition } from './templateContract';

type StoreConfig = Pick<Config, 'dbFile' | 'durability'>;

const tempDirs: string[] = [];
/** A config pointing at a file in a folder that does not exist yet, so open() must create it. */
function tempConfig(durability: Config['durability']): StoreConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-store-'));
  tempDirs.push(dir);
  return { dbFile: path.join(dir, 'data', 'stageboard.db'), durability };
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

for (const durability of ['normal', 'full'] as const) {
  docStoreContract(
    `SQLite, durability ${durability}`,
    async () => {
      const config = tempConfig(durability);
      let store = SqliteDocStore.open(config);
      return {
        store,
        reopen: async () => {
          await store.close();
          store = SqliteDocStore.open(config);
          return store;
        },
        cleanup: () => store.close()
      };
    },
    { persistent: true }
  );
}

describe('SqliteDocStore on a real file', () => {
  const journal = JSON.parse(
    fs.readFileSync(new URL('../../../drizzle/meta/_journal.json', import.meta.url), 'utf8')
  ) as { entries: unknown[] };

  /** A second, read-only connection: what another process (or the next start) would see on disk. */
  function inspect<T>(dbFile: string, read: (db: Database.Database) => T): T {
    const db = new Database(dbFile, { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  it('opens in WAL mode with the configured synchronous level', async () => {
    const normal = SqliteDocStore.open(tempConfig('normal'));
    const full = SqliteDocStore.open(tempConfig('full'));
    try {
      expect(normal.diagnostics()).toEqual({
        journalMode: 'wal',
        synchronous: 1,
        foreignKeys: true,
        busyTimeoutMs: 5000
      });
      expect(full.diagnostics()).toEqual({
        journalMode: 'wal',
        synchronous: 2,
        foreignKeys: true,
        busyTimeoutMs: 5000
      });
    } finally {
      await normal.close();
      await full.close();
    }
  });

  it('creates the folder and the tables on a fresh file, and re-opening applies nothing twice', async () => {
    const config = tempConfig('normal');
    expect(fs.existsSync(path.dirname(config.dbFile))).toBe(false);
    const first = SqliteDocStore.open(config);
    await first.createBoard({ id: 'b', title: 'Kept', templateId: null });
    await first.appendUpdate('b', Uint8Array.from([1, 2, 3]));
    await first.close();

    const objects = inspect(config.dbFile, (db) =>
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'"
        )
        .pluck()
        .all()
    );
    expect(objects).toEqual(
      expect.arrayContaining([
        'boards',
        'doc_snapshots',
        'doc_updates',
        'doc_updates_board_seq_idx',
        'templates',
        '__drizzle_migrations'
      ])
    );
    // Blobs, not text or JSON: the bytes of a Yjs update must come back exactly.
    expect(
      inspect(config.dbFile, (db) => db.prepare('SELECT typeof("update") FROM doc_updates').pluck().all())
    ).toEqual(['blob']);

    const second = SqliteDocStore.open(config);
    try {
      expect((await second.getBoard('b'))?.title).toBe('Kept');
    } finally {
      await second.close();
    }
    const applied = inspect(config.dbFile, (db) =>
      db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()
    );
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(applied).toBe(journal.entries.length);
  });

  it('with durability full, the appends of one tick commit together before their promises settle', async () => {
    const config = tempConfig('full');
    const store = SqliteDocStore.open(config);
    try {
      const countOnDisk = () =>
        inspect(config.dbFile, (db) => db.prepare('SELECT count(*) FROM doc_updates').pluck().get());
      const appends = [1, 2, 3].map((n) => store.appendUpdate('b', Uint8Array.from([n])));
      expect(countOnDisk()).toBe(0);
      const seqs = await Promise.all(appends);
      expect(countOnDisk()).toBe(3);
      expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2]);
    } finally {
      await store.close();
    }
  });

  it('with durability full, close commits the appends still waiting for their tick', async () => {
    const config = tempConfig('full');
    const store = SqliteDocStore.open(config);
    const append = store.appendUpdate('b', Uint8Array.from([7, 7]));
    await store.close();
    const seq = await append;
    const reopened = SqliteDocStore.open(config);
    try {
      expect(await reopened.loadDoc('b')).toMatchObject({ updates: [Uint8Array.from([7, 7])], lastSeq: seq });
    } finally {
      await reopened.close();
    }
  });

  it('compaction deletes the folded updates from the file, not just from what loads', async () => {
    const config = tempConfig('normal');
    const store = SqliteDocStore.open(config);
    try {
      await store.appendUpdate('b', Uint8Array.from([1]));
      const seq = await store.appendUpdate('b', Uint8Array.from([2]));
      await store.appendUpdate('b', Uint8Array.from([3]));
      await store.compact('b', Uint8Array.from([9]), seq);
      const rows = inspect(config.dbFile, (db) =>
        db.prepare('SELECT "update" FROM doc_updates ORDER BY seq').pluck().all()
      ) as Buffer[];
      expect(rows.map((row) => Array.from(row))).toEqual([[3]]);
    } finally {
      await store.close();
    }
  });

  it('a template whose stored JSON is damaged is left out of the list and reads as absent', async () => {
    const config = tempConfig('normal');
    const store = SqliteDocStore.open(config);
    try {
      const definition = sampleDefinition('team-ok');
      await store.createTemplate({
        id: 'team-ok',
        name: 'Fine',
        definition,
        sourceBoardId: null,
        ownerId: null
      });
      await store.createTemplate({
        id: 'team-bad',
        name: 'Damaged',
        definition,
        sourceBoardId: null,
        ownerId: null
      });
      const other = new Database(config.dbFile);
      other.prepare("UPDATE templates SET definition = '{\"id\": \"team-b' WHERE id = 'team-bad'").run();
      other.close();

      expect((await store.listTemplates()).map((t) => t.id)).toEqual(['team-ok']);
      expect(await store.getTemplate('team-bad')).toBeNull();
      // A rename alone cannot repair it; a new definition does, and delete still removes the row.
      expect(await store.updateTemplate('team-bad', { name: 'Renamed' })).toBeNull();
      expect((await store.updateTemplate('team-bad', { definition }))?.name).toBe('Damaged');
      expect(await store.getTemplate('team-bad')).toMatchObject({ id: 'team-bad', definition });
      expect(await store.deleteTemplate('team-bad')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('templates saved before templates had owners go to the first administrator on upgrade', async () => {
    const config = tempConfig('normal');
    fs.mkdirSync(path.dirname(config.dbFile), { recursive: true });
    // The database as the release before owners left it: migrations up to 0007 only.
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-migrations-'));
    tempDirs.push(older);
    const folder = new URL('../../../drizzle/', import.meta.url);
    fs.cpSync(folder, older, { recursive: true });
    const olderJournal = { ...journal, entries: journal.entries.slice(0, 8) };
    fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(olderJournal));
    const raw = new Database(config.dbFile);
    migrate(drizzle(raw), { migrationsFolder: older });
    const user = raw.prepare(
      "INSERT INTO users (id, email, name, color, password_hash, is_admin, created_at, updated_at) VALUES (?, ?, 'n', '#000', 'x', ?, ?, 0)"
    );
    user.run('u-member', 'm@x', 0, 1);
    user.run('u-second-admin', 'b@x', 1, 3);
    user.run('u-first-admin', 'a@x', 1, 2);
    raw
      .prepare(
        "INSERT INTO templates (id, name, definition, source_board_id, created_at, updated_at) VALUES ('team-old', 'Old', ?, NULL, 1, 1)"
      )
      .run(JSON.stringify(sampleDefinition('team-old')));
    raw.close();

    const store = SqliteDocStore.open(config);
    try {
      expect((await store.getTemplate('team-old'))?.ownerId).toBe('u-first-admin');
    } finally {
      await store.close();
    }
  });

  it('with durability normal, each append is on disk when its promise settles', async () => {
    const config = tempConfig('normal');
    const store = SqliteDocStore.open(config);
    try {
      const append = store.appendUpdate('b', Uint8Array.from([1]));
      expect(
        inspect(config.dbFile, (db) => db.prepare('SELECT count(*) FROM doc_updates').pluck().get())
      ).toBe(1);
      await append;
    } finally {
      await store.close();
    }
  });
});
