import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { MemoryAttachmentStore } from '#server/attachments/MemoryAttachmentStore';
import { SqliteAttachmentStore } from '#server/attachments/SqliteAttachmentStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { attachmentStoreContract } from './attachmentStoreContract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

attachmentStoreContract('memory', async () => ({
  store: new MemoryAttachmentStore(),
  cleanup: async () => undefined
}));

attachmentStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-attachments-'));
  dirs.push(dir);
  const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
  let docStore = SqliteDocStore.open(config);
  return {
    store: SqliteAttachmentStore.over(docStore),
    reopen: async () => {
      await docStore.close();
      docStore = SqliteDocStore.open(config);
      return SqliteAttachmentStore.over(docStore);
    },
    cleanup: () => docStore.close()
  };
});
