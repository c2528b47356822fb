import { describe, expect, it } from 'vitest';
import { CloseCode } from '#server/protocol';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { FailingAppendStore } from '../helpers/DelegatingStore';
import { connectClient, startTestServer, tempDir, testConfig, waitFor } from '../helpers/syncHarness';

describe('a store that refuses an append', () => {
  it('closes the room with 1011 without broadcasting, and the edit lands once clients resync', async () => {
    const tmp = tempDir();
    const store = new FailingAppendStore(SqliteDocStore.open(testConfig(tmp.dir)));
    await store.createBoard({ id: 'disk', title: 'D', templateId: null });
    const server = await startTestServer(tmp.dir, {}, store);
    const alice = await connectClient(server, 'disk');
    const bob = await connectClient(server, 'disk');
    try {
      store.failures = 1;
      alice.doc.getMap('m').set('while-disk-full', 1);
      await waitFor('the room to fail', () => store.refused === 1 && alice.closes.length > 0);
      // The refused edit was never durable, so it was never sent to bob.
      expect(alice.closes[0]?.code).toBe(CloseCode.InternalError);
      expect(bob.doc.getMap('m').get('while-disk-full')).toBeUndefined();
      expect(server.log.find('room failed')).toMatchObject({ board: 'disk' });
      // y-websocket reconnects after 1011; alice's resync resends it and it is now stored.
      await waitFor(
        'bob to get the edit after resync',
        () => bob.doc.getMap('m').get('while-disk-full') === 1
      );
      const stored = await store.loadDoc('disk');
      expect(stored.updates.length).toBeGreaterThan(0);
      expect(await server.rooms.read('disk', (doc) => doc.getMap('m').get('while-disk-full'))).toBe(1);
    } finally {
      alice.destroy();
      bob.destroy();
      await server.stop();
      tmp.cleanup();
    }
  });
});
