import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OfflineEdits } from '#lib/sync/offline-edits';

function setup() {
  const doc = new Y.Doc();
  const merged: number[] = [];
  const edits = new OfflineEdits(doc, (count) => merged.push(count));
  const edit = (key: string) => doc.getMap('m').set(key, 1);
  return { doc, merged, edits, edit };
}

describe('offline edits', () => {
  it('reports the own edits made out of sync once, when the server has them', () => {
    const { merged, edits, edit } = setup();
    edit('a');
    edit('b');
    edits.synced();
    expect(merged).toEqual([2]);
    edit('c');
    edits.synced();
    expect(merged).toEqual([2]);
  });

  it('does not count edits made while in sync, nor remote or cached updates', () => {
    const { doc, merged, edits, edit } = setup();
    edits.synced();
    edit('online');
    edits.lost();
    const other = new Y.Doc();
    other.getMap('m').set('remote', 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'provider');
    doc.transact(() => {}); // a transaction that changed nothing
    edits.synced();
    expect(merged).toEqual([]);
  });

  it('stops listening when destroyed', () => {
    const { merged, edits, edit } = setup();
    edits.destroy();
    edit('a');
    edits.synced();
    expect(merged).toEqual([]);
  });
});
