/**
 * Issue 14, failure 2: one socket sending thousands of one-character updates as fast as it can
 * must not take the server from everyone else, and its own edits must survive. Each socket has a
 * budget of messages and bytes per second (server/rooms/SyncBudget.ts); past it the socket is
 * read no further, and a backlog past one burst closes it with 1013, which y-websocket retries:
 * it reconnects and sends what the server lacks as one merged update.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '#server/protocol';
import {
  connectClient,
  startTestServer,
  tempDir,
  text,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

const FLOOD = 2_000;

describe('a per-connection budget of messages and bytes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    tmp.cleanup();
  });

  describe('with a small budget', () => {
    beforeEach(async () => {
      tmp = tempDir();
      server = await startTestServer(tmp.dir, {
        syncMessagesPerSecond: 200,
        syncMessageBurst: 50,
        syncBytesPerSecond: 64 * 1024,
        syncByteBurst: 2 * 1024 * 1024,
        syncCloseAfterMs: 500
      });
      await server.createBoard('flooded');
      await server.createBoard('quiet');
    });

    it('closes a flooding socket with a code its client retries, and every edit it made reaches the server', async () => {
      const flooder = await connectClient(server, 'flooded');
      const [ping, pong] = [await connectClient(server, 'quiet'), await connectClient(server, 'quiet')];
      clients.push(flooder, ping, pong);
      const title = flooder.doc.getText('t');
      for (let i = 0; i < FLOOD; i++) title.insert(0, String(i % 10));

      // Meanwhile another board keeps its round trips: each edit reaches the other client there.
      for (let i = 0; i < 20; i++) {
        ping.doc.getMap('m').set('n', i);
        await waitFor(`round trip ${i} on the quiet board`, () => pong.doc.getMap('m').get('n') === i);
      }

      await waitFor('the flooder to be closed', () => flooder.closes.length > 0);
      expect(flooder.closes[0]?.code).toBe(CloseCode.TryAgainLater);
      expect(server.log.find('client over its budget')).toMatchObject({ board: 'flooded' });
      expect(server.log.find('client closed: over its budget too long')).toMatchObject({ board: 'flooded' });
      // It reconnects by itself and sends what the server lacks: nothing it typed is lost.
      const expected = text(flooder.doc);
      await waitFor(
        'every flooded edit on the server',
        () => server.rooms.read('flooded', (doc) => text(doc) === expected),
        30_000
      );
      expect(expected).toHaveLength(FLOOD);
      const reader = await connectClient(server, 'flooded');
      clients.push(reader);
      expect(text(reader.doc)).toBe(expected);
      expect(ping.closes).toEqual([]);
    });

    it('lets a flood into the room no faster than its budget: a reader joining meanwhile has only that much of it', async () => {
      const flooder = await connectClient(server, 'flooded');
      clients.push(flooder);
      const started = performance.now();
      const title = flooder.doc.getText('t');
      // The text grows by one per update, so its length counts the updates a doc holds (a title
      // typed over at a fixed length would look complete long before it is).
      for (let i = 0; i < FLOOD; i++) title.insert(0, String(i % 10));
      const reader = await connectClient(server, 'flooded');
      clients.push(reader);
      const seconds = (performance.now() - started) / 1000;
      // At most the burst plus the refill so far (50 + 200 a second), however fast it was sent.
      expect(text(reader.doc).length).toBeGreaterThan(0);
      expect(text(reader.doc).length).toBeLessThanOrEqual(50 + 200 * seconds);
      // The rest comes once the flooder is closed and its client sends it as one merged update.
      const expected = text(flooder.doc);
      await waitFor('the whole flood at the reader', () => text(reader.doc) === expected, 30_000);
      expect(flooder.closes[0]?.code).toBe(CloseCode.TryAgainLater);
    });
  });

  describe('with a budget a burst passes only slowly', () => {
    beforeEach(async () => {
      tmp = tempDir();
      server = await startTestServer(tmp.dir, {
        syncMessagesPerSecond: 200,
        syncMessageBurst: 50,
        syncCloseAfterMs: 30_000
      });
      await server.createBoard('board');
    });

    it('slows a client a little over its budget without closing it, and takes every edit', async () => {
      const client = await connectClient(server, 'board');
      clients.push(client);
      for (let i = 0; i < 300; i++) client.doc.getText('t').insert(0, 'k');
      const expected = text(client.doc);
      await waitFor('the edits on the server', () => server.rooms.read('board', (d) => text(d) === expected));
      expect(server.log.find('client over its budget')).toMatchObject({ board: 'board' });
      expect(server.log.find('client closed: over its budget too long')).toBeUndefined();
      expect(client.closes).toEqual([]);
    });
  });

  describe('with the default budget', () => {
    beforeEach(async () => {
      tmp = tempDir();
      server = await startTestServer(tmp.dir);
      await server.createBoard('board');
    });

    it('never slows a client that comes back from offline with a big merged update, then types fast', async () => {
      // Offline: a large paste and a thousand separate edits, sent on connect as one sync step 2.
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'p'.repeat(1_500_000));
      for (let i = 0; i < 1_000; i++) doc.getText('t').insert(0, 'k');
      const client = await connectClient(server, 'board', doc);
      clients.push(client);
      // A fast typist with presence: 40 keystrokes and 40 cursor moves in one go.
      for (let i = 0; i < 40; i++) {
        doc.getText('t').insert(0, 'f');
        client.provider.awareness.setLocalStateField('cursor', i);
      }
      const expected = text(doc);
      await waitFor('the edits on the server', () => server.rooms.read('board', (d) => text(d) === expected));
      expect(client.closes).toEqual([]);
      expect(server.log.find('client over its budget')).toBeUndefined();
    });
  });
});
