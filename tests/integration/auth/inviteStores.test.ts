import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { MemoryAuthStore } from '#server/auth/MemoryAuthStore';
import { MemoryInviteStore } from '#server/auth/MemoryInviteStore';
import { MemoryMemberStore } from '#server/auth/MemoryMemberStore';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteInviteStore } from '#server/auth/SqliteInviteStore';
import { SqliteMemberStore } from '#server/auth/SqliteMemberStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { inviteStoreContract } from './inviteStoreContract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

inviteStoreContract(
  'memory',
  async () => {
    const users = new MemoryAuthStore();
    const members = new MemoryMemberStore(users);
    return { users, members, invites: new MemoryInviteStore(users, members), cleanup: async () => undefined };
  },
  { persistent: false }
);

inviteStoreContract(
  'SQLite',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-invites-'));
    dirs.push(dir);
    const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
    let docStore = SqliteDocStore.open(config);
    return {
      users: SqliteAuthStore.over(docStore),
      members: SqliteMemberStore.over(docStore),
      invites: SqliteInviteStore.over(docStore),
      reopen: async () => {
        await docStore.close();
        docStore = SqliteDocStore.open(config);
        return SqliteInviteStore.over(docStore);
      },
      cleanup: () => docStore.close()
    };
  },
  { persistent: true }
);
