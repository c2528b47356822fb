import * as Y from 'yjs';

/** A second document holding everything `source` holds: a client that has synced with it. */
export function replica(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** The update one client edit produces (several transactions merged into one update). */
export function edit(client: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const keep = (u: Uint8Array) => updates.push(u);
  client.on('update', keep);
  change();
  client.off('update', keep);
  return Y.mergeUpdates(updates);
}
