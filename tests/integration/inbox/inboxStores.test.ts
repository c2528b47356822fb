import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { MemoryInboxStore } from '#server/inbox/MemoryInboxStore';
import { SqliteInboxStore } from '#server/inbox/SqliteInboxStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { inboxStoreContract } from './inboxStoreContract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

inboxStoreContract(
  'memory',
  async () => ({ store: new MemoryInboxStore(), cleanup: async () => undefined }),
  {
    persistent: false
  }
);

inboxStoreContract(
  'SQLite',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-inbox-'));
    dirs.push(dir);
    const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
    let docStore = SqliteDocStore.open(config);
    return {
      store: SqliteInboxStore.over(docStore),
      reopen: async () => {
        await docStore.close();
        docStore = SqliteDocStore.open(config);
        return SqliteInboxStore.over(docStore);
      },
      cleanup: () => docStore.close()
    };
  },
  { persistent: true }
);
