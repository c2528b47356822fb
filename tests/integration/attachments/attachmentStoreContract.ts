import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AttachmentStoreError,
  type AttachmentStore,
  type AttachmentVersionRecord
} from '../../../server/attachments/AttachmentStore';

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

    it('A6 a persistent store keeps its versions across a reopen', async () => {
      if (!f.reopen) return;
      await f.store.addVersion(version('a1', 1));
      const again = await f.reopen();
      expect(await again.getVersion('b1', 'a1', 1)).toEqual(version('a1', 1));
    });
  });
}
