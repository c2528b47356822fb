/**
 * Presence names come from the server: whatever a client writes as its `user` in awareness,
 * others see its account's name and colour, and it cannot speak for another connection's
 * awareness client id.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessFrame } from '../../../server/protocol';
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
});
