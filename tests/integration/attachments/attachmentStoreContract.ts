import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AttachmentStoreError,
  type AttachmentStore,
  type AttachmentVersionRecord
} from '#server/attachments/AttachmentStore';

/** An attachment store; `reopen` gives a fresh one on the same data (persistent stores only). */
export interface AttachmentStoreFixture {
  store: AttachmentStore;
  reopen?: () => Promise<AttachmentStore>;
  cleanup: () => Promise<void>;
}

const version = (attachmentId: string, v: number, overrides: Partial<AttachmentVersionRecord> = {}) => ({
  boardId: 'b1',
  attachmentId,
  v,
  cardId: 'c1',
  name: `poster v${v}.png`,
  type: 'image/png' as const,
  size: 100 * v,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'ann',
  createdAt: 1_000 + v,
  ...overrides
});

const keys = (rows: AttachmentVersionRecord[]) => rows.map((r) => `${r.attachmentId}:v${r.v}`);

/** Rules A1… every AttachmentStore keeps; run against each implementation. */
export function attachmentStoreContract(name: string, open: () => Promise<AttachmentStoreFixture>): void {
  describe(`AttachmentStore contract: ${name}`, () => {
    let f: AttachmentStoreFixture;
    beforeEach(async () => {
      f = await open();
    });
    afterEach(() => f.cleanup());

    it('A1 a version is stored as given and read back by board, attachment and number', async () => {
      const pdf = version('a1', 1, { type: 'application/pdf', name: '海报.pdf' });
      await f.store.addVersion(pdf);
      expect(await f.store.getVersion('b1', 'a1', 1)).toEqual(pdf);
      expect(await f.store.getVersion('b1', 'a1', 2)).toBeNull();
      expect(await f.store.getVersion('b2', 'a1', 1)).toBeNull();
    });

    it('A2 versions are listed oldest first, per attachment and board', async () => {
      for (const v of [2, 1, 3]) await f.store.addVersion(version('a1', v));
      await f.store.addVersion(version('a2', 1));
      await f.store.addVersion(version('a1', 1, { boardId: 'b2' }));
      expect(keys(await f.store.listVersions('b1', 'a1'))).toEqual(['a1:v1', 'a1:v2', 'a1:v3']);
      expect(await f.store.listVersions('b1', 'nope')).toEqual([]);
    });

    it('A3 a version number is taken once: a second write of it is refused and changes nothing', async () => {
      await f.store.addVersion(version('a1', 1));
      await expect(f.store.addVersion(version('a1', 1, { name: 'other.png' }))).rejects.toBeInstanceOf(
        AttachmentStoreError
      );
      expect((await f.store.getVersion('b1', 'a1', 1))?.name).toBe('poster v1.png');
    });

    it('A4 removing a version, an attachment or a board removes only those rows', async () => {
      for (const v of [1, 2]) await f.store.addVersion(version('a1', v));
      await f.store.addVersion(version('a2', 1));
      await f.store.addVersion(version('a3', 1, { boardId: 'b2' }));
      expect(await f.store.removeVersion('b1', 'a1', 2)).toBe(true);
      expect(await f.store.removeVersion('b1', 'a1', 2)).toBe(false);
      expect(keys(await f.store.listVersions('b1', 'a1'))).toEqual(['a1:v1']);
      expect(await f.store.removeAttachment('b1', 'a1')).toBe(1);
      expect(await f.store.listVersions('b1', 'a2')).toHaveLength(1);
      expect(await f.store.removeBoard('b1')).toBe(1);
      expect(await f.store.listVersions('b1', 'a2')).toEqual([]);
      expect(keys(await f.store.listVersions('b2', 'a3'))).toEqual(['a3:v1']);
    });

    it('A5 what is returned is a copy: changing it changes nothing stored', async () => {
      await f.store.addVersion(version('a1', 1));
      const read = (await f.store.getVersion('b1', 'a1', 1))!;
      read.name = 'changed';
      (await f.store.listVersions('b1', 'a1'))[0]!.size = 0;
      expect(await f.store.getVersion('b1', 'a1', 1)).toEqual(version('a1', 1));
    });

    it('A6 a persistent store keeps its versions and marks across a reopen', async () => {
      if (!f.reopen) return;
      await f.store.addVersion(version('a1', 1));
      await f.store.markOrphaned('b1', 'a1', 5_000);
      const again = await f.reopen();
      expect(await again.getVersion('b1', 'a1', 1)).toEqual(version('a1', 1));
      expect(await again.listAttachments('b1')).toEqual([
        { attachmentId: 'a1', cardId: 'c1', orphanedAt: 5_000 }
      ]);
    });

    it('A7 the boards with versions are listed once each, and a removed board is not', async () => {
      expect(await f.store.listBoards()).toEqual([]);
      for (const v of [1, 2]) await f.store.addVersion(version('a1', v, { boardId: 'b2' }));
      await f.store.addVersion(version('a2', 1));
      await f.store.addVersion(version('a3', 1, { boardId: 'b3' }));
      expect((await f.store.listBoards()).sort()).toEqual(['b1', 'b2', 'b3']);
      await f.store.removeBoard('b2');
      expect((await f.store.listBoards()).sort()).toEqual(['b1', 'b3']);
    });

    it('A8 a mark is set on every version once, kept by a later mark, cleared, and never in a record', async () => {
      for (const v of [1, 2]) await f.store.addVersion(version('a1', v));
      await f.store.addVersion(version('a2', 1, { cardId: 'c2' }));
      await f.store.addVersion(version('a1', 1, { boardId: 'b2' }));
      expect(await f.store.listAttachments('b1')).toEqual([
        { attachmentId: 'a1', cardId: 'c1', orphanedAt: null },
        { attachmentId: 'a2', cardId: 'c2', orphanedAt: null }
      ]);
      expect(await f.store.markOrphaned('b1', 'a1', 5_000)).toBe(2);
      expect(await f.store.markOrphaned('b1', 'a1', 9_000)).toBe(0);
      const states = await f.store.listAttachments('b1');
      expect(states.map((s) => s.orphanedAt)).toEqual([5_000, null]);
      expect((await f.store.listAttachments('b2'))[0]!.orphanedAt).toBeNull();
      expect(await f.store.listVersions('b1', 'a1')).toEqual([version('a1', 1), version('a1', 2)]);
      expect(await f.store.getVersion('b1', 'a1', 2)).toEqual(version('a1', 2));
      expect(await f.store.clearOrphaned('b1', 'a1')).toBe(2);
      expect(await f.store.clearOrphaned('b1', 'a1')).toBe(0);
      expect((await f.store.listAttachments('b1'))[0]!.orphanedAt).toBeNull();
    });

    it('A9 a version added after a mark leaves its attachment unmarked until it is marked again', async () => {
      await f.store.addVersion(version('a1', 1));
      await f.store.markOrphaned('b1', 'a1', 5_000);
      await f.store.addVersion(version('a1', 2));
      expect((await f.store.listAttachments('b1'))[0]!.orphanedAt).toBeNull();
      expect(await f.store.markOrphaned('b1', 'a1', 9_000)).toBe(1);
      expect((await f.store.listAttachments('b1'))[0]!.orphanedAt).toBe(9_000);
    });
  });
}
