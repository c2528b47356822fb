import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '#server/store/DocStore';

/** What the log rules need from the contract suite: the store under test. */
export interface DocLogRuleContext {
  store: () => DocStore;
}

export const EMPTY_DOC: StoredDoc = { snapshot: null, updates: [], lastSeq: 0, bytes: 0 };

export const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
/** Plain arrays, so a Buffer and a Uint8Array with the same bytes compare equal and diffs are readable. */
export const plain = (doc: StoredDoc) => ({
  snapshot: doc.snapshot && Array.from(doc.snapshot),
  updates: doc.updates.map((update) => Array.from(update)),
  lastSeq: doc.lastSeq,
  bytes: doc.bytes
});

/**
 * The rules of the part of a DocStore rooms use (DocLog: load, append, compact), registered
 * inside docStoreContract's describe so they run against every store with its fixture.
 */
export function docLogContractRules(context: DocLogRuleContext): void {
  const newBoard = (id: string) =>
    context.store().createBoard({ id, title: `Board ${id}`, templateId: null });

  it('S1 an unknown board loads as an empty document', async () => {
    const store = context.store();
    expect(await store.loadDoc('never-seen')).toEqual(EMPTY_DOC);
    expect(await store.getBoard('never-seen')).toBeUndefined();
  });

  it('S2 appended updates load back in order, byte-identical', async () => {
    const store = context.store();
    await newBoard('b');
    const backing = bytes(9, 9, 1, 2, 3, 9);
    const inputs = [bytes(1), backing.subarray(2, 5), Buffer.from([200, 0, 255, 7]), bytes(4, 5)];
    const seqs: number[] = [];
    for (const update of inputs) seqs.push(await store.appendUpdate('b', update));
    // The caller may reuse its buffers: what was stored must not change with them.
    backing.fill(0);
    inputs[0]?.fill(0);

    expect(seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? Infinity))).toBe(true);
    const loaded = await store.loadDoc('b');
    expect(plain(loaded)).toEqual({
      snapshot: null,
      updates: [[1], [1, 2, 3], [200, 0, 255, 7], [4, 5]],
      lastSeq: seqs[3],
      bytes: 10
    });
    expect(loaded.updates.every((update) => update instanceof Uint8Array)).toBe(true);
    loaded.updates[0]?.fill(42);
    expect(plain(await store.loadDoc('b')).updates[0]).toEqual([1]);
  });

  it('S3 compaction replaces the snapshot and drops only updates up to throughSeq', async () => {
    const store = context.store();
    await newBoard('b');
    const s1 = await store.appendUpdate('b', bytes(1));
    const s2 = await store.appendUpdate('b', bytes(2, 2));
    const s3 = await store.appendUpdate('b', bytes(3, 3, 3));

    await store.compact('b', bytes(10, 11), s2);
    expect(s1).toBeLessThan(s2);
    expect(plain(await store.loadDoc('b'))).toEqual({
      snapshot: [10, 11],
      updates: [[3, 3, 3]],
      lastSeq: s3,
      bytes: 5
    });

    await store.compact('b', bytes(20, 21, 22, 23), s3);
    // With the log empty, lastSeq still names the last update ever folded in.
    expect(plain(await store.loadDoc('b'))).toEqual({
      snapshot: [20, 21, 22, 23],
      updates: [],
      lastSeq: s3,
      bytes: 4
    });
  });

  it('S4 updates appended after compaction load after the snapshot', async () => {
    const store = context.store();
    await newBoard('b');
    await store.appendUpdate('b', bytes(1));
    const last = await store.appendUpdate('b', bytes(2));
    // Emptying the whole log is the case where a reused rowid would slip under throughSeq.
    await store.compact('b', bytes(12), last);
    const next = await store.appendUpdate('b', bytes(3));

    expect(next).toBeGreaterThan(last);
    expect(plain(await store.loadDoc('b'))).toEqual({
      snapshot: [12],
      updates: [[3]],
      lastSeq: next,
      bytes: 2
    });

    // A snapshot stored before anything was logged (a board seeded from a template) works the same way.
    await newBoard('seeded');
    await store.compact('seeded', bytes(7, 7), 0);
    const first = await store.appendUpdate('seeded', bytes(8));
    expect(plain(await store.loadDoc('seeded'))).toEqual({
      snapshot: [7, 7],
      updates: [[8]],
      lastSeq: first,
      bytes: 3
    });
  });

  it('S5 a Yjs doc rebuilt from snapshot+updates equals the original', async () => {
    const store = context.store();
    await newBoard('b');
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const appends: Promise<number>[] = [];
    // Both peers log what they produce and exchange it, as a server relaying between two clients would.
    alice.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') {
        appends.push(store.appendUpdate('b', update));
        Y.applyUpdate(bob, update, 'relay');
      }
    });
    bob.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') {
        appends.push(store.appendUpdate('b', update));
        Y.applyUpdate(alice, update, 'relay');
      }
    });

    const columns = alice.getArray<Y.Map<unknown>>('columns');
    alice.transact(() => {
      for (const title of ['To do', 'Doing', 'Done']) {
        const column = new Y.Map<unknown>();
        column.set('title', title);
        column.set('cards', new Y.Array<string>());
        columns.push([column]);
      }
    });
    bob.getText('notes').insert(0, 'Launch plan: ');
    alice.getText('notes').insert(13, 'ship on Friday');
    const seqsBefore = await Promise.all(appends.splice(0));
    await store.compact('b', Y.encodeStateAsUpdate(alice), Math.max(...seqsBefore));

    bob.getArray<Y.Map<unknown>>('columns').get(0).set('title', 'Backlog');
    alice.getArray<Y.Map<unknown>>('columns').delete(2, 1);
    bob.getText('notes').delete(0, 7);
    alice.getMap('meta').set('owner', 'alice');
    await Promise.all(appends.splice(0));

    const stored = await store.loadDoc('b');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeGreaterThanOrEqual(4);
    const rebuilt = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);

    // Root types read as undefined in toJSON() until they are defined on the doc.
    rebuilt.getArray('columns');
    rebuilt.getText('notes');
    rebuilt.getMap('meta');
    expect(rebuilt.toJSON()).toEqual(alice.toJSON());
    expect(rebuilt.getText('notes').toString()).toBe('plan: ship on Friday');
    expect(rebuilt.getArray('columns').toJSON()).toEqual([
      { title: 'Backlog', cards: [] },
      { title: 'Doing', cards: [] }
    ]);
    expect(Array.from(Y.encodeStateVector(rebuilt))).toEqual(Array.from(Y.encodeStateVector(alice)));
  });

  it('S12 a stale compaction never replaces a newer snapshot', async () => {
    const store = context.store();
    await newBoard('b');
    const s1 = await store.appendUpdate('b', bytes(1));
    const s2 = await store.appendUpdate('b', bytes(2));
    await store.compact('b', bytes(40, 2), s2);
    // The older snapshot lacks update 2, which the newer compaction already deleted from the log.
    await store.compact('b', bytes(40, 1), s1);
    expect(plain(await store.loadDoc('b'))).toEqual({
      snapshot: [40, 2],
      updates: [],
      lastSeq: s2,
      bytes: 2
    });
  });
}
