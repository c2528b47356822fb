import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxStore, NewInboxItem } from '#server/inbox/InboxStore';

/** An inbox store; `reopen` gives a fresh one on the same data (persistent stores only). */
export interface InboxStoreFixture {
  store: InboxStore;
  reopen?: () => Promise<InboxStore>;
  cleanup: () => Promise<void>;
}

const item = (userId: string, boardId: string, n: number, kind: NewInboxItem['kind'] = 'mention') => ({
  userId,
  boardId,
  cardId: `card-${n}`,
  kind,
  actorId: n % 2 ? 'ann' : null,
  cardTitle: `Card ${n}`,
  excerpt: kind === 'mention' ? `@you 第 ${n} 条` : '',
  detail: '',
  commentId: kind === 'mention' ? `c-${n}` : null,
  dedupeKey: null as string | null,
  createdAt: 1_000 + n
});

const titles = (items: { cardTitle: string }[]) => items.map((i) => i.cardTitle);

/** Rules I1… every InboxStore keeps; run against each implementation. */
export function inboxStoreContract(
  name: string,
  open: () => Promise<InboxStoreFixture>,
  { persistent }: { persistent: boolean }
): void {
  describe(`InboxStore contract: ${name}`, () => {
    let f: InboxStoreFixture;
    beforeEach(async () => (f = await open()));
    afterEach(() => f.cleanup());

    it('I1 add stores items unread with increasing ids and returns them as stored', async () => {
      const stored = await f.store.add([item('bob', 'b1', 1), item('bob', 'b1', 2, 'assigned')]);
      expect(stored).toHaveLength(2);
      expect(stored[1]!.id).toBeGreaterThan(stored[0]!.id);
      expect(stored[0]).toEqual({ ...item('bob', 'b1', 1), id: stored[0]!.id, readAt: null });
      expect(await f.store.list('bob', { boardIds: ['b1'], limit: 10 })).toEqual([...stored].reverse());
      expect(await f.store.add([])).toEqual([]);
    });

    it('I1b an item whose key its person already holds is not stored again; others are', async () => {
      const keyed = (userId: string, n: number) => ({
        ...item(userId, 'b1', n, 'due-soon'),
        dedupeKey: 'due-soon:card-1:2026-12-08'
      });
      const first = await f.store.add([keyed('bob', 1), keyed('bob', 2), keyed('cai', 3)]);
      expect(first.map((i) => i.userId)).toEqual(['bob', 'cai']);
      expect(await f.store.add([keyed('bob', 4), item('bob', 'b1', 5)])).toHaveLength(1);
      expect(await f.store.countUnread('bob', ['b1'])).toBe(2);
      // No key: an assignment undone and made again is told again.
      expect(
        await f.store.add([item('bob', 'b1', 6, 'assigned'), item('bob', 'b1', 6, 'assigned')])
      ).toHaveLength(2);
    });

    it('I2 list is one person’s items, newest first, bounded by limit and paged by before', async () => {
      await f.store.add([
        item('bob', 'b1', 1),
        item('cai', 'b1', 2),
        item('bob', 'b1', 3),
        item('bob', 'b1', 4)
      ]);
      const page = await f.store.list('bob', { boardIds: ['b1'], limit: 2 });
      expect(titles(page)).toEqual(['Card 4', 'Card 3']);
      const next = await f.store.list('bob', { boardIds: ['b1'], limit: 2, before: page[1]!.id });
      expect(titles(next)).toEqual(['Card 1']);
      expect(titles(await f.store.list('cai', { boardIds: ['b1'], limit: 10 }))).toEqual(['Card 2']);
    });

    it('I3 list and count see only the boards asked for (a board left is a board not seen)', async () => {
      await f.store.add([item('bob', 'b1', 1), item('bob', 'b2', 2), item('bob', 'b3', 3)]);
      expect(titles(await f.store.list('bob', { boardIds: ['b1', 'b3'], limit: 10 }))).toEqual([
        'Card 3',
        'Card 1'
      ]);
      expect(await f.store.countUnread('bob', ['b1', 'b3'])).toBe(2);
      expect(await f.store.list('bob', { boardIds: [], limit: 10 })).toEqual([]);
      expect(await f.store.countUnread('bob', [])).toBe(0);
    });

    it('I4 markRead by ids marks only the caller’s own unread items and keeps the first read time', async () => {
      const [mine1, mine2, theirs] = await f.store.add([
        item('bob', 'b1', 1),
        item('bob', 'b1', 2),
        item('cai', 'b1', 3)
      ]);
      expect(await f.store.markRead('bob', [mine1!.id, theirs!.id], 5_000)).toBe(1);
      expect(await f.store.markRead('bob', [mine1!.id], 6_000)).toBe(0);
      const bob = await f.store.list('bob', { boardIds: ['b1'], limit: 10 });
      expect(bob.map((i) => [i.id, i.readAt])).toEqual([
        [mine2!.id, null],
        [mine1!.id, 5_000]
      ]);
      expect((await f.store.list('cai', { boardIds: ['b1'], limit: 10 }))[0]!.readAt).toBeNull();
      expect(await f.store.countUnread('bob', ['b1'])).toBe(1);
      expect(await f.store.countUnread('cai', ['b1'])).toBe(1);
      expect(await f.store.markRead('bob', [], 7_000)).toBe(0);
    });

    it('I5 markRead of all marks every unread item of the caller and nobody else’s', async () => {
      await f.store.add([item('bob', 'b1', 1), item('bob', 'b2', 2), item('cai', 'b1', 3)]);
      expect(await f.store.markRead('bob', null, 5_000)).toBe(2);
      expect(await f.store.countUnread('bob', ['b1', 'b2'])).toBe(0);
      expect(await f.store.countUnread('cai', ['b1'])).toBe(1);
      expect(await f.store.markRead('bob', null, 6_000)).toBe(0);
    });

    it('I6 removeBoard deletes the board’s items of everyone and no other board’s', async () => {
      await f.store.add([item('bob', 'b1', 1), item('cai', 'b1', 2), item('bob', 'b2', 3)]);
      expect(await f.store.removeBoard('b1')).toBe(2);
      expect(await f.store.countUnread('cai', ['b1'])).toBe(0);
      expect(titles(await f.store.list('bob', { boardIds: ['b1', 'b2'], limit: 10 }))).toEqual(['Card 3']);
      expect(await f.store.removeBoard('b1')).toBe(0);
    });

    it('I9 pruneRead deletes only the caller’s items read before the time, never unread ones', async () => {
      const [a, b] = await f.store.add([item('bob', 'b1', 1), item('bob', 'b1', 2), item('bob', 'b1', 3)]);
      const [c] = await f.store.add([item('cai', 'b1', 4)]);
      await f.store.markRead('bob', [a!.id], 1_000);
      await f.store.markRead('bob', [b!.id], 9_000);
      await f.store.markRead('cai', [c!.id], 1_000);
      expect(await f.store.pruneRead('bob', 5_000)).toBe(1);
      expect(titles(await f.store.list('bob', { boardIds: ['b1'], limit: 10 }))).toEqual([
        'Card 3',
        'Card 2'
      ]);
      expect(titles(await f.store.list('cai', { boardIds: ['b1'], limit: 10 }))).toEqual(['Card 4']);
      expect(await f.store.pruneRead('bob', 5_000)).toBe(0);
    });

    it('I10 retitleCard renames one card’s items, everyone’s, on that board only', async () => {
      await f.store.add([item('bob', 'b1', 1), item('cai', 'b1', 1), item('bob', 'b1', 2)]);
      await f.store.add([item('bob', 'b2', 1)]);
      expect(await f.store.retitleCard('b1', 'card-1', '新标题')).toBe(2);
      expect(titles(await f.store.list('bob', { boardIds: ['b1', 'b2'], limit: 10 }))).toEqual([
        'Card 1',
        'Card 2',
        '新标题'
      ]);
      expect(titles(await f.store.list('cai', { boardIds: ['b1'], limit: 10 }))).toEqual(['新标题']);
      // Already so named: nothing to change.
      expect(await f.store.retitleCard('b1', 'card-1', '新标题')).toBe(0);
    });

    it('I7 what a caller gets back is a copy: changing it changes nothing stored', async () => {
      const [stored] = await f.store.add([item('bob', 'b1', 1)]);
      stored!.cardTitle = 'changed';
      const [listed] = await f.store.list('bob', { boardIds: ['b1'], limit: 1 });
      expect(listed!.cardTitle).toBe('Card 1');
      listed!.readAt = 1;
      expect(await f.store.countUnread('bob', ['b1'])).toBe(1);
    });

    if (persistent) {
      it('I8 items and their read state survive reopening the store', async () => {
        const [a] = await f.store.add([item('bob', 'b1', 1), item('bob', 'b1', 2)]);
        await f.store.markRead('bob', [a!.id], 5_000);
        const reopened = await f.reopen!();
        const items = await reopened.list('bob', { boardIds: ['b1'], limit: 10 });
        expect(items.map((i) => [i.cardTitle, i.readAt])).toEqual([
          ['Card 2', null],
          ['Card 1', 5_000]
        ]);
        expect(items[1]!.excerpt).toBe('@you 第 1 条');
      });
    }
  });
}
