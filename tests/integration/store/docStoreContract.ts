import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocStore } from '#server/store/DocStore';
import { bytes, docLogContractRules, EMPTY_DOC, plain } from './docLogContract';
import { templateContractRules } from './templateContract';

/** One store under test; `reopen` closes it and opens a new one on the same data. */
export interface DocStoreFixture {
  store: DocStore;
  reopen?: () => Promise<DocStore>;
  cleanup: () => Promise<void>;
}

/** Lets a test hand the store a value its types forbid, as a JavaScript caller could. */
const unchecked = <T>(value: unknown): T => value as T;

/**
 * Rules every DocStore must keep, registered as vitest tests; rule ids (S1…) are stable so a
 * failure names the broken rule. Timestamps are read from the JavaScript clock (faked here).
 */
export function docStoreContract(
  name: string,
  makeStore: () => Promise<DocStoreFixture>,
  options: { persistent: boolean }
): void {
  describe(`DocStore contract: ${name}`, () => {
    let fixture: DocStoreFixture;
    let store: DocStore;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      vi.useRealTimers();
      await fixture.cleanup();
    });

    const newBoard = (id: string, title = `Board ${id}`) =>
      store.createBoard({ id, title, templateId: null });

    it('S6 boards list newest first and hide archived unless asked', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      for (const [id, time] of [
        ['a', 1000],
        ['b', 3000],
        ['c', 2000],
        ['d', 5000],
        ['e', 5000]
      ] as const) {
        vi.setSystemTime(time);
        await newBoard(id);
      }
      vi.setSystemTime(9000);
      await store.updateBoard('b', { archived: true });

      const ids = (list: { id: string }[]) => list.map((board) => board.id);
      // Same millisecond: the board created later counts as newer.
      expect(ids(await store.listBoards())).toEqual(['e', 'd', 'c', 'a']);
      expect(ids(await store.listBoards({ includeArchived: false }))).toEqual(['e', 'd', 'c', 'a']);
      expect(ids(await store.listBoards({ includeArchived: true }))).toEqual(['e', 'd', 'b', 'c', 'a']);
      expect((await store.listBoards()).at(-1)).toEqual({
        id: 'a',
        title: 'Board a',
        templateId: null,
        archived: false,
        summary: null,
        createdAt: 1000,
        updatedAt: 1000
      });
    });

    it('S7 updateBoard patches title/archived and bumps updatedAt; unknown id gives undefined', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1000);
      const created = await store.createBoard({ id: 'b', title: 'Q3 launch', templateId: 'tpl-campaign' });
      expect(created).toEqual({
        id: 'b',
        title: 'Q3 launch',
        templateId: 'tpl-campaign',
        archived: false,
        summary: null,
        createdAt: 1000,
        updatedAt: 1000
      });

      vi.setSystemTime(4000);
      const renamed = { ...created, title: 'Q4 launch', updatedAt: 4000 };
      expect(await store.updateBoard('b', { title: 'Q4 launch' })).toEqual(renamed);
      expect(await store.getBoard('b')).toEqual(renamed);

      vi.setSystemTime(5000);
      const archived = { ...renamed, archived: true, updatedAt: 5000 };
      expect(await store.updateBoard('b', { archived: true })).toEqual(archived);
      expect(await store.getBoard('b')).toEqual(archived);

      expect(await store.updateBoard('ghost', { title: 'Boo' })).toBeUndefined();
      expect(await store.getBoard('ghost')).toBeUndefined();
      expect(await store.listBoards({ includeArchived: true })).toEqual([archived]);
    });

    it('S23 a board summary is stored as given, bumps updatedAt, and a bad one is refused', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1000);
      const created = await store.createBoard({ id: 'b', title: 'Q3', templateId: null });
      vi.setSystemTime(7000);
      const summary = { stages: [{ name: '待办', altName: 'To do', cards: 3 }] };
      const summarised = { ...created, summary, updatedAt: 7000 };
      expect(await store.updateBoard('b', { summary })).toEqual(summarised);
      summary.stages[0]!.cards = 99;
      expect(await store.getBoard('b')).toEqual({
        ...summarised,
        summary: { stages: [{ ...summary.stages[0], cards: 3 }] }
      });
      expect((await store.listBoards())[0]?.summary?.stages[0]?.cards).toBe(3);
      // A title change leaves the summary as it was.
      expect((await store.updateBoard('b', { title: 'Q4' }))?.summary?.stages[0]?.cards).toBe(3);
      const bad = { stages: [{ name: 'x', altName: '', cards: -1 }] } as never;
      await expect(store.updateBoard('b', { summary: bad })).rejects.toThrow(/summary/);
    });

    it('S8 deleteBoard removes record, snapshot and log', async () => {
      await newBoard('gone');
      await newBoard('kept');
      const seq = await store.appendUpdate('gone', bytes(1));
      await store.compact('gone', bytes(5), seq);
      await store.appendUpdate('gone', bytes(2));
      const keptSeq = await store.appendUpdate('kept', bytes(3));

      await store.deleteBoard('gone');
      expect(await store.getBoard('gone')).toBeUndefined();
      expect(await store.loadDoc('gone')).toEqual(EMPTY_DOC);
      expect((await store.listBoards({ includeArchived: true })).map((board) => board.id)).toEqual(['kept']);
      expect(plain(await store.loadDoc('kept'))).toEqual({
        snapshot: null,
        updates: [[3]],
        lastSeq: keptSeq,
        bytes: 1
      });
      await expect(store.deleteBoard('never-existed')).resolves.toBeUndefined();
    });

    it('S9 boards are isolated from each other', async () => {
      await newBoard('a');
      await newBoard('b');
      const b1 = await store.appendUpdate('b', bytes(21));
      await store.appendUpdate('a', bytes(11));
      const b2 = await store.appendUpdate('b', bytes(22));
      const a2 = await store.appendUpdate('a', bytes(12));

      // a's throughSeq is above b's seqs: compaction must still touch only a's log.
      await store.compact('a', bytes(10), a2);
      expect(plain(await store.loadDoc('a'))).toEqual({ snapshot: [10], updates: [], lastSeq: a2, bytes: 1 });
      expect(plain(await store.loadDoc('b'))).toEqual({
        snapshot: null,
        updates: [[21], [22]],
        lastSeq: b2,
        bytes: 2
      });
      expect(b1).toBeLessThan(a2);

      await store.updateBoard('a', { title: 'Renamed' });
      expect((await store.getBoard('b'))?.title).toBe('Board b');
    });

    // A store that forgets on close (memory) has nothing to reopen: the rule is not registered for it.
    if (options.persistent) {
      it('S10 data survives close and reopen', async () => {
        if (!fixture.reopen) throw new Error('A persistent store fixture must provide reopen().');
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(1000);
        await newBoard('b');
        const s1 = await store.appendUpdate('b', bytes(1, 1));
        await store.compact('b', bytes(9, 9, 9), s1);
        const s2 = await store.appendUpdate('b', bytes(2));
        vi.setSystemTime(2000);
        const record = await store.updateBoard('b', { title: 'Kept', archived: true });

        store = await fixture.reopen();
        expect(await store.getBoard('b')).toEqual(record);
        expect(plain(await store.loadDoc('b'))).toEqual({
          snapshot: [9, 9, 9],
          updates: [[2]],
          lastSeq: s2,
          bytes: 4
        });
        expect(await store.appendUpdate('b', bytes(3))).toBeGreaterThan(s2);
      });
    }

    it('S11 bad input is rejected with a clear error and stores nothing', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1000);
      const board = await newBoard('b');
      const seq = await store.appendUpdate('b', bytes(1));
      const before = plain(await store.loadDoc('b'));

      await expect(store.appendUpdate('', bytes(1))).rejects.toThrow(/boardId must be a non-empty string/);
      await expect(store.appendUpdate(unchecked(undefined), bytes(1))).rejects.toThrow(/boardId/);
      await expect(store.appendUpdate('b', unchecked('text'))).rejects.toThrow(/update must be a Uint8Array/);
      await expect(store.appendUpdate('b', unchecked([1, 2]))).rejects.toThrow(/update must be a Uint8Array/);
      await expect(store.appendUpdate('b', new Uint8Array(0))).rejects.toThrow(/update must not be empty/);
      await expect(store.loadDoc('')).rejects.toThrow(/boardId/);
      await expect(store.compact('b', unchecked(null), seq)).rejects.toThrow(/snapshot must be a Uint8Array/);
      for (const throughSeq of [-1, 1.5, Number.NaN, unchecked<number>('1')]) {
        await expect(store.compact('b', bytes(5), throughSeq)).rejects.toThrow(
          /throughSeq must be a whole number/
        );
      }
      await expect(store.compact('b', bytes(5), seq + 1)).rejects.toThrow(
        /beyond the board's last logged seq/
      );
      await expect(store.createBoard({ id: '', title: 'x', templateId: null })).rejects.toThrow(/board\.id/);
      await expect(store.createBoard(unchecked({ id: 'c', title: 5, templateId: null }))).rejects.toThrow(
        /board\.title must be a string/
      );
      await expect(store.createBoard({ id: 'b', title: 'Clash', templateId: null })).rejects.toThrow(
        /board with id "b" already exists/
      );
      await expect(store.updateBoard('b', unchecked({ title: 3 }))).rejects.toThrow(
        /patch\.title must be a string/
      );
      await expect(store.updateBoard('b', unchecked({ archived: 'yes' }))).rejects.toThrow(/patch\.archived/);
      await expect(store.getBoard('')).rejects.toThrow(/id must be a non-empty string/);
      await expect(store.deleteBoard('')).rejects.toThrow(/id must be a non-empty string/);

      expect(plain(await store.loadDoc('b'))).toEqual(before);
      expect(await store.loadDoc('c')).toEqual(EMPTY_DOC);
      expect(await store.listBoards({ includeArchived: true })).toEqual([board]);
    });

    it('S13 close is idempotent and a closed store refuses work', async () => {
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.loadDoc('b')).rejects.toThrow(/closed/);
      await expect(store.appendUpdate('b', bytes(1))).rejects.toThrow(/closed/);
      await expect(store.listBoards()).rejects.toThrow(/closed/);
      await expect(store.listTemplates()).rejects.toThrow(/closed/);
      await expect(store.deleteTemplate('t')).rejects.toThrow(/closed/);
    });

    docLogContractRules({ store: () => store });
    templateContractRules({
      store: () => store,
      reopen: async () => {
        if (!fixture.reopen) throw new Error('A persistent store fixture must provide reopen().');
        store = await fixture.reopen();
        return store;
      },
      persistent: options.persistent
    });
  });
}
