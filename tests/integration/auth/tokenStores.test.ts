import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryTokenStore } from '#server/auth/MemoryTokenStore';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteTokenStore } from '#server/auth/SqliteTokenStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { tokenStoreContract } from './tokenStoreContract';

tokenStoreContract('memory', async () => ({
  tokens: new MemoryTokenStore(),
  userId: 'u1',
  otherUserId: 'u2',
  cleanup: async () => undefined
}));

tokenStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-tokens-'));
  const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
  let docStore = SqliteDocStore.open(config);
  const users = SqliteAuthStore.over(docStore);
  const account = (id: string) => ({
    id,
    email: `${id}@example.com`,
    name: id,
    color: '#000000',
    passwordHash: 'x',
    isAdmin: false,
    createdAt: 1
  });
  await users.createUser(account('u1'));
  await users.createUser(account('u2'));
  return {
    tokens: SqliteTokenStore.over(docStore),
    userId: 'u1',
    otherUserId: 'u2',
    reopen: async () => {
      await docStore.close();
      docStore = SqliteDocStore.open(config);
      return SqliteTokenStore.over(docStore);
    },
    cleanup: async () => {
      await docStore.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
});
