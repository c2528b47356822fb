import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditStore, NewAuditEvent } from '#server/audit/AuditStore';
import { MemoryAuditStore } from '#server/audit/MemoryAuditStore';
import { SqliteAuditStore } from '#server/audit/SqliteAuditStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';

interface Fixture {
  store: AuditStore;
  reopen?: () => Promise<AuditStore>;
  cleanup: () => Promise<void>;
}

const event = (boardId: string, n: number, cardId: string | null = 'c1'): NewAuditEvent => ({
  boardId,
  at: 1_000 + n,
  userId: n % 2 ? 'ann' : null,
  kind: 'card.moved',
  cardId,
  data: { title: `Card ${n}`, fromStageName: '设计', toStageName: '校稿' }
});

function auditStoreContract(name: string, open: () => Promise<Fixture>, persistent: boolean): void {
  describe(`AuditStore contract: ${name}`, () => {
    let fx: Fixture;
    beforeEach(async () => (fx = await open()));
    afterEach(() => fx.cleanup());

    it('U1 append assigns increasing ids in order and returns the entries with them', async () => {
      const stored = await fx.store.append([event('b', 1), event('b', 2)]);
      expect(stored.map((e) => e.data.title)).toEqual(['Card 1', 'Card 2']);
      expect(stored[1]!.id).toBeGreaterThan(stored[0]!.id);
      expect(await fx.store.append([])).toEqual([]);
    });

    it('U2 list is one board’s entries, newest first, bounded by limit and paged by before', async () => {
      await fx.store.append([event('b', 1), event('other', 2), event('b', 3), event('b', 4)]);
      const page = await fx.store.list('b', { limit: 2 });
      expect(page.map((e) => e.data.title)).toEqual(['Card 4', 'Card 3']);
      const next = await fx.store.list('b', { limit: 2, before: page[1]!.id });
      expect(next.map((e) => e.data.title)).toEqual(['Card 1']);
      expect(next[0]).toMatchObject({
        boardId: 'b',
        userId: 'ann',
        kind: 'card.moved',
        cardId: 'c1',
        at: 1_001
      });
    });

    it('U3 list by card keeps only that card’s entries', async () => {
      await fx.store.append([event('b', 1, 'c1'), event('b', 2, 'c2'), event('b', 3, null)]);
      expect((await fx.store.list('b', { cardId: 'c2', limit: 10 })).map((e) => e.data.title)).toEqual([
        'Card 2'
      ]);
    });

    it('U3b stageEvents is one board’s stage entries only, oldest first', async () => {
      const other = (n: number, kind: NewAuditEvent['kind']): NewAuditEvent => ({ ...event('b', n), kind });
      await fx.store.append([
        other(1, 'card.created'),
        other(2, 'comment.added'),
        event('b', 3),
        event('elsewhere', 4),
        other(5, 'card.sent-back'),
        other(6, 'card.archived'),
        other(7, 'card.labeled')
      ]);
      const entries = await fx.store.stageEvents('b');
      expect(entries.map((e) => [e.kind, e.at])).toEqual([
        ['card.created', 1_001],
        ['card.moved', 1_003],
        ['card.sent-back', 1_005],
        ['card.archived', 1_006]
      ]);
    });

    it('U4 removeBoard deletes that board’s entries only', async () => {
      await fx.store.append([event('b', 1), event('other', 2)]);
      expect(await fx.store.removeBoard('b')).toBe(1);
      expect(await fx.store.list('b', { limit: 10 })).toEqual([]);
      expect(await fx.store.list('other', { limit: 10 })).toHaveLength(1);
    });

    it('U5 entries handed out are copies', async () => {
      const [stored] = await fx.store.append([event('b', 1)]);
      stored!.data.title = 'changed';
      const [listed] = await fx.store.list('b', { limit: 1 });
      expect(listed!.data.title).toBe('Card 1');
    });

    // Registered only for stores that outlive their process.
    if (persistent) {
      it('U6 entries survive closing and reopening the store', async () => {
        await fx.store.append([event('b', 1)]);
        const reopened = await fx.reopen!();
        expect((await reopened.list('b', { limit: 5 })).map((e) => e.data.toStageName)).toEqual(['校稿']);
      });
    }
  });
}

auditStoreContract(
  'memory',
  async () => ({ store: new MemoryAuditStore(), cleanup: async () => undefined }),
  false
);

auditStoreContract(
  'SQLite',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-audit-'));
    const config = { dbFile: path.join(dir, 'stageboard.db'), durability: 'normal' as const };
    let docStore = SqliteDocStore.open(config);
    return {
      store: SqliteAuditStore.over(docStore),
      reopen: async () => {
        await docStore.close();
        docStore = SqliteDocStore.open(config);
        return SqliteAuditStore.over(docStore);
      },
      cleanup: async () => {
        await docStore.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
  },
  true
);
