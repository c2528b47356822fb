/**
 * The MailStore contract, run against the memory and the SQLite store alike: items queue once,
 * a person is due only a batch interval after their last mail, a batch leaves the queue as it is
 * recorded sent, settings keep when the last mail went, and (SQLite) all of it survives a reopen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '#server/inbox/InboxStore';
import type { MailStore } from '#server/mail/MailStore';
import { MemoryMailStore } from '#server/mail/MemoryMailStore';
import { SqliteMailStore } from '#server/mail/SqliteMailStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const item = (id: number, userId: string, boardId = 'b1'): InboxItem => ({
  id,
  userId,
  boardId,
  cardId: 'c1',
  kind: 'mention',
  actorId: 'someone',
  cardTitle: '主视觉',
  excerpt: '看一下',
  detail: '',
  commentId: 'm1',
  dedupeKey: null,
  createdAt: 1,
  readAt: null
});

interface Opened {
  store: MailStore;
  reopen?: () => Promise<MailStore>;
  cleanup: () => Promise<void>;
}

function contract(name: string, open: () => Promise<Opened>) {
  describe(`MailStore contract: ${name}`, () => {
    it('queues an item once and hands a person’s items back oldest first', async () => {
      const { store, cleanup } = await open();
      await store.enqueue([item(2, 'u1'), item(1, 'u1')], 10);
      await store.enqueue([item(1, 'u1'), item(3, 'u2')], 20);
      expect((await store.queued('u1')).map((i) => i.id)).toEqual([1, 2]);
      expect(await store.queued('u1')).toContainEqual(item(2, 'u1'));
      expect((await store.dueUsers(0)).sort()).toEqual(['u1', 'u2']);
      await cleanup();
    });

    it('takes a sent batch off the queue and waits a batch interval before the person is due again', async () => {
      const { store, cleanup } = await open();
      await store.enqueue([item(1, 'u1'), item(2, 'u1')], 10);
      await store.markSent('u1', [1, 2], 100, true);
      expect(await store.queued('u1')).toEqual([]);
      await store.enqueue([item(3, 'u1')], 110);
      expect(await store.dueUsers(99)).toEqual([]);
      expect(await store.dueUsers(100)).toEqual(['u1']);
      // Dropped without a mail (muted kinds): the clock of the last mail stays.
      await store.markSent('u1', [3], 200, false);
      expect((await store.settings('u1'))?.lastSentAt).toBe(100);
      await cleanup();
    });

    it('keeps settings and the last mail’s time apart', async () => {
      const { store, cleanup } = await open();
      expect(await store.settings('u1')).toBeNull();
      await store.markSent('u1', [], 50, true);
      await store.saveSettings('u1', { language: 'en', muted: ['due-soon', 'mention'] });
      expect(await store.settings('u1')).toEqual({
        language: 'en',
        muted: ['mention', 'due-soon'],
        lastSentAt: 50
      });
      await cleanup();
    });

    it('forgets a deleted board’s queued items', async () => {
      const { store, cleanup } = await open();
      await store.enqueue([item(1, 'u1', 'b1'), item(2, 'u1', 'b2')], 10);
      await store.removeBoard('b1');
      expect((await store.queued('u1')).map((i) => i.id)).toEqual([2]);
      await cleanup();
    });

    it('keeps the queue and settings across a reopen, when the store is durable', async () => {
      const { store, reopen, cleanup } = await open();
      if (!reopen) return cleanup();
      await store.enqueue([item(1, 'u1')], 10);
      await store.saveSettings('u1', { language: 'en', muted: [] });
      const again = await reopen();
      expect((await again.queued('u1')).map((i) => i.id)).toEqual([1]);
      expect((await again.settings('u1'))?.language).toBe('en');
      await cleanup();
    });
  });
}

contract('memory', async () => ({ store: new MemoryMailStore(), cleanup: async () => undefined }));

contract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-mail-'));
  dirs.push(dir);
  const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
  let docStore = SqliteDocStore.open(config);
  return {
    store: SqliteMailStore.over(docStore),
    reopen: async () => {
      await docStore.close();
      docStore = SqliteDocStore.open(config);
      return SqliteMailStore.over(docStore);
    },
    cleanup: () => docStore.close()
  };
});
