/**
 * Presence names come from the server: whatever a client writes as its `user` in awareness,
 * others see its account's name and colour, and it cannot speak for another connection's
 * awareness client id; nor announce more than a handful of ids, or states of any size.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessFrame } from '#server/protocol';
import { PRESENCE_IDS_MAX, PRESENCE_STATE_MAX_CHARS } from '#server/rooms/awarenessIdentity';
import {
  connectClient,
  opened,
  rawSocket,
  startTestServer,
  tempDir,
  waitFor,
  type TestServer
} from '../helpers/syncHarness';

describe('presence identity', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    await server.createBoard('room');
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  /** An awareness update for `clientID` carrying `state`, as a client would encode it. */
  function awarenessUpdate(clientID: number, state: Record<string, unknown>): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(state);
    return awarenessProtocol.encodeAwarenessUpdate(awareness, [clientID]);
  }

  it('stamps the account’s name and colour over whatever the client claims, and drops claims on others’ ids', async () => {
    const mallory = await server.member('room', 'editor', 'Mallory');
    const watcher = await connectClient(server, 'room');
    const honest = await connectClient(server, 'room');
    try {
      honest.provider.awareness.setLocalState({
        user: { id: 'x', name: 'Owner', color: '#000000' },
        editing: null
      });
      const honestId = honest.doc.clientID;
      await waitFor('the honest presence', () => watcher.provider.awareness.getStates().has(honestId));

      const socket = rawSocket(mallory, 'room');
      await opened(socket);
      const forged = {
        user: { id: server.owner.id, name: 'The Administrator', color: '#ff0000' },
        editing: 'c1'
      };
      // First try to overwrite (and so hijack or clear) the honest client's presence; sent before
      // Mallory's own state, so by the time that arrives, a relayed hijack would have too.
      socket.send(encodeAwarenessFrame(awarenessUpdate(honestId, { ...forged, editing: 'c2' })));
      socket.send(encodeAwarenessFrame(awarenessUpdate(4242, forged)));

      const seen = await waitFor('Mallory’s presence', () =>
        watcher.provider.awareness.getStates().get(4242)
      );
      expect(seen).toEqual({
        user: { id: mallory.user.id, name: mallory.user.name, color: mallory.user.color },
        editing: 'c1'
      });
      const honestState = watcher.provider.awareness.getStates().get(honestId) as {
        user: { id: string };
        editing: unknown;
      };
      expect(honestState.user.id).toBe(server.owner.id);
      expect(honestState.editing).toBeNull();
      socket.close();
    } finally {
      watcher.destroy();
      honest.destroy();
    }
  });

  /** One awareness update announcing every (client id, state) pair given, at `clock`. */
  function manyStates(entries: [number, unknown][], clock = 1): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const [clientId, state] of entries) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state));
    }
    return encoding.toUint8Array(encoder);
  }

  it('relays a handful of presence ids per connection, however many one frame invents', async () => {
    const mallory = await server.member('room', 'editor', 'Mallory');
    const watcher = await connectClient(server, 'room');
    const socket = rawSocket(mallory, 'room');
    try {
      await opened(socket);
      const invented = Array.from({ length: 2000 }, (_, i): [number, unknown] => [
        10_000 + i,
        { editing: null }
      ]);
      socket.send(encodeAwarenessFrame(manyStates(invented)));
      // Then a frame that reads as a marker: ids it already announced pass, a new one does not.
      socket.send(
        encodeAwarenessFrame(
          manyStates(
            [
              [10_000, { editing: 'marker' }],
              [99_999, { editing: 'late' }]
            ],
            2
          )
        )
      );
      await waitFor('the marker', () => {
        const state = watcher.provider.awareness.getStates().get(10_000) as { editing?: unknown } | undefined;
        return state?.editing === 'marker';
      });
      const others = [...watcher.provider.awareness.getStates().keys()].filter(
        (id) => id !== watcher.doc.clientID
      );
      expect(others).toHaveLength(PRESENCE_IDS_MAX);
      expect(others).not.toContain(99_999);
    } finally {
      socket.close();
      watcher.destroy();
    }
  });

  it('drops a presence state larger than a presence needs, and relays the next one that fits', async () => {
    const mallory = await server.member('room', 'editor', 'Mallory');
    const watcher = await connectClient(server, 'room');
    const socket = rawSocket(mallory, 'room');
    try {
      await opened(socket);
      const huge = { editing: 'x'.repeat(PRESENCE_STATE_MAX_CHARS + 1) };
      socket.send(encodeAwarenessFrame(manyStates([[7, huge]])));
      socket.send(encodeAwarenessFrame(manyStates([[8, { editing: 'fits' }]])));
      await waitFor('the state that fits', () => watcher.provider.awareness.getStates().has(8));
      expect(watcher.provider.awareness.getStates().has(7)).toBe(false);
    } finally {
      socket.close();
      watcher.destroy();
    }
  });
});
