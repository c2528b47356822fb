import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { MemoryAuthStore } from '#server/auth/MemoryAuthStore';
import { MemoryMemberStore } from '#server/auth/MemoryMemberStore';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteMemberStore } from '#server/auth/SqliteMemberStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { memberStoreContract } from './memberStoreContract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

memberStoreContract(
  'memory',
  async () => {
    const users = new MemoryAuthStore();
    return { users, members: new MemoryMemberStore(users), cleanup: async () => undefined };
  },
  { persistent: false }
);

memberStoreContract(
  'SQLite',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-members-'));
    dirs.push(dir);
    const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
    let docStore = SqliteDocStore.open(config);
    return {
      users: SqliteAuthStore.over(docStore),
      members: SqliteMemberStore.over(docStore),
      reopen: async () => {
        await docStore.close();
        docStore = SqliteDocStore.open(config);
        return SqliteMemberStore.over(docStore);
      },
      cleanup: () => docStore.close()
    };
  },
  { persistent: true }
);
