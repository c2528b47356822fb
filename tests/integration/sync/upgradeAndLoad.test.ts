import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncUpdate, MessageType, SyncType } from '../../../server/protocol';
import { SqliteDocStore } from '../../../server/store/SqliteDocStore';
import { GatedStore } from '../helpers/DelegatingStore';
import {
  opened,
  rawSocket,
  startTestServer,
  tempDir,
  testConfig,
  waitFor,
  type TestServer
} from '../helpers/syncHarness';

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', () => {});
  });
}

describe('the upgrade is refused before a room sees it', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir, { allowedOrigins: ['https://partner.example'] });
    await server.store.createBoard({ id: 'known', title: 'K', templateId: null });
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('answers 403 to a foreign Origin', async () => {
    expect(await upgradeStatus(`${server.syncUrl}/known`, 'https://evil.example')).toBe(403);
    expect(server.rooms.stats().rooms).toBe(0);
  });

  it('answers 404 to an unknown board and 400 to an invalid board id', async () => {
    expect(await upgradeStatus(`${server.syncUrl}/no-such-board`)).toBe(404);
    expect(await upgradeStatus(`${server.syncUrl}/bad.id`)).toBe(400);
    expect(server.rooms.stats().rooms).toBe(0);
  });

  it('accepts no Origin, the same host, and configured origins, with a query string', async () => {
    expect(await upgradeStatus(`${server.syncUrl}/known?token=x`)).toBe(101);
    expect(await upgradeStatus(`${server.syncUrl}/known`, `http://127.0.0.1:${server.port}`)).toBe(101);
    expect(await upgradeStatus(`${server.syncUrl}/known`, 'https://partner.example')).toBe(101);
  });

  it('answers 404 to upgrades on paths that are not sync paths', async () => {
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/elsewhere`)).toBe(404);
  });
});

describe('messages that arrive while the room loads', () => {
  it('are held until the stored doc is loaded, then answered from it', async () => {
    const tmp = tempDir();
    const inner = SqliteDocStore.open(testConfig(tmp.dir));
    await inner.createBoard({ id: 'slow', title: 'S', templateId: null });
    const existing = new Y.Doc();
    existing.getText('t').insert(0, 'stored before start');
    await inner.appendUpdate('slow', Y.encodeStateAsUpdate(existing));
    const store = new GatedStore(inner);
    const server = await startTestServer(tmp.dir, {}, store);
    try {
      const socket = rawSocket(server.syncUrl, 'slow');
      const received: Uint8Array[] = [];
      socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
      await opened(socket);
      const mine = new Y.Doc();
      mine.getMap('m').set('sent-during-load', true);
      socket.send(encodeSyncStep1(new Y.Doc()));
      socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(mine)));
      await waitFor('the load to start', () => store.loads === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toHaveLength(0);

      store.openGate();
      // The answer to our step 1 is a step 2 that holds the stored text.
      const step2 = await waitFor('a sync step 2', () =>
        received.find((m) => m[0] === MessageType.Sync && m[1] === SyncType.Step2)
      );
      const decoder = decoding.createDecoder(step2);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, decoding.readVarUint8Array(decoder));
      expect(copy.getText('t').toString()).toBe('stored before start');
      // Step 1 was queued before our update, so its answer (computed in order) does not echo it.
      expect(copy.getMap('m').get('sent-during-load')).toBeUndefined();
      // The update sent during the load was applied on top of the stored doc, not lost.
      expect(
        await server.rooms.read('slow', (doc) => [
          doc.getText('t').toString(),
          doc.getMap('m').get('sent-during-load')
        ])
      ).toEqual(['stored before start', true]);
      expect(store.loads).toBe(1);
      socket.close();
    } finally {
      await server.stop();
      tmp.cleanup();
    }
  });

  it('loads a board once however many callers ask at the same time', async () => {
    const tmp = tempDir();
    const inner = SqliteDocStore.open(testConfig(tmp.dir));
    await inner.createBoard({ id: 'race', title: 'R', templateId: null });
    const store = new GatedStore(inner);
    const server = await startTestServer(tmp.dir, {}, store);
    try {
      const reads = [1, 2, 3].map(() => server.rooms.read('race', (doc) => doc.guid));
      const change = server.rooms.change('race', (doc) => doc.getMap('m').set('k', 1));
      await waitFor('the load to start', () => store.loads === 1);
      store.openGate();
      const guids = await Promise.all(reads);
      await change;
      expect(new Set(guids).size).toBe(1);
      expect(store.loads).toBe(1);
    } finally {
      await server.stop();
      tmp.cleanup();
    }
  });
});
