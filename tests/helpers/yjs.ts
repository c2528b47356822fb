import * as Y from 'yjs';

/**
 * A second document holding everything `source` holds: a client that has synced with it. A fixed
 * `clientID` makes ids and merge order replay exactly from a seed.
 */
export function replica(source: Y.Doc, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
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

/** Sends `to` everything `from` holds that `to` lacks: one direction of a sync. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}
