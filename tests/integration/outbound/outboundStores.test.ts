import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { MemoryOutboundStore } from '#server/outbound/MemoryOutboundStore';
import { SqliteOutboundStore } from '#server/outbound/SqliteOutboundStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { outboundStoreContract } from './outboundStoreContract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

outboundStoreContract('memory', async () => ({
  store: new MemoryOutboundStore(),
  cleanup: async () => undefined
}));

outboundStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-outbound-'));
  dirs.push(dir);
  const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
  let docStore = SqliteDocStore.open(config);
  return {
    store: SqliteOutboundStore.over(docStore),
    reopen: async () => {
      await docStore.close();
      docStore = SqliteDocStore.open(config);
      return SqliteOutboundStore.over(docStore);
    },
    cleanup: () => docStore.close()
  };
});
