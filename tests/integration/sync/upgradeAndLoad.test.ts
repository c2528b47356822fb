import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncUpdate, MessageType, SyncType } from '#server/protocol';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { GatedStore } from '../helpers/DelegatingStore';
import {
  opened,
  rawSocket,
  sessionCookie,
  startTestServer,
  tempDir,
  testConfig,
  text,
  waitFor,
  webSocketWithCookie,
  type TestServer
} from '../helpers/syncHarness';

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, cookie: string | null, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const headers = cookie === null ? {} : { cookie };
    const socket = new WebSocket(url, { headers, ...(origin ? { origin } : {}) });
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
    await server.createBoard('known');
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('answers 403 to a foreign Origin, even with a valid session (cross-site WebSocket hijacking)', async () => {
    expect(await upgradeStatus(`${server.syncUrl}/known`, server.cookie, 'https://evil.example')).toBe(403);
    expect(server.rooms.stats().rooms).toBe(0);
  });

  it('answers 401 without a session cookie, or with one that is not a live session', async () => {
    const known = `${server.syncUrl}/known`;
    expect(await upgradeStatus(known, null)).toBe(401);
    expect(await upgradeStatus(known, sessionCookie('x'.repeat(43)))).toBe(401);
    expect(await upgradeStatus(known, 'stageboard_session=')).toBe(401);
    expect(server.rooms.stats().rooms).toBe(0);
  });

  it('answers 403 to a signed-in person who is not a member of the board, and 101 once they are', async () => {
    await server.createBoard('other');
    const stranger = await server.member('other', 'editor');
    expect(await upgradeStatus(`${server.syncUrl}/known`, stranger.cookie)).toBe(403);
    expect(server.rooms.stats().rooms).toBe(0);
    await server.services.members.add(server.owner.id, 'known', {
      email: stranger.user.email,
      role: 'viewer'
    });
    expect(await upgradeStatus(`${server.syncUrl}/known`, stranger.cookie)).toBe(101);
  });

  it('answers 404 to an unknown board (members only learn it exists) and 400 to an invalid id', async () => {
    expect(await upgradeStatus(`${server.syncUrl}/no-such-board`, server.cookie)).toBe(403);
    await server.services.members.addCreator('gone', server.owner.id);
    expect(await upgradeStatus(`${server.syncUrl}/gone`, server.cookie)).toBe(404);
    expect(await upgradeStatus(`${server.syncUrl}/bad.id`, server.cookie)).toBe(400);
    expect(server.rooms.stats().rooms).toBe(0);
  });

  it('accepts no Origin, the same host, and configured origins, with a query string', async () => {
    const { cookie } = server;
    expect(await upgradeStatus(`${server.syncUrl}/known?token=x`, cookie)).toBe(101);
    expect(await upgradeStatus(`${server.syncUrl}/known`, cookie, `http://127.0.0.1:${server.port}`)).toBe(
      101
    );
    expect(await upgradeStatus(`${server.syncUrl}/known`, cookie, 'https://partner.example')).toBe(101);
  });

  it('answers 404 to upgrades on paths that are not sync paths', async () => {
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/elsewhere`, server.cookie)).toBe(404);
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
      const socket = rawSocket(server, 'slow');
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

  it('slows a client that types more than the room holds while it loads, and keeps every edit', async () => {
    const tmp = tempDir();
    const inner = SqliteDocStore.open(testConfig(tmp.dir));
    await inner.createBoard({ id: 'slow', title: 'S', templateId: null });
    const store = new GatedStore(inner);
    const server = await startTestServer(tmp.dir, {}, store);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, 'slow', doc, {
      WebSocketPolyfill: webSocketWithCookie(server.cookie),
      disableBc: true
    });
    const closes: number[] = [];
    provider.on('connection-close', (event) => void (event && closes.push(event.code)));
    try {
      await waitFor('the load to start', () => provider.wsconnected && store.loads === 1);
      // More than the 256 messages a connection holds while its room loads, each its own update.
      for (let i = 0; i < 600; i++) doc.getText('t').insert(0, 'k');
      await new Promise((resolve) => setTimeout(resolve, 200));
      store.openGate();
      const expected = text(doc);
      await waitFor('every edit on the server', () => server.rooms.read('slow', (d) => text(d) === expected));
      expect(closes).toEqual([]);
    } finally {
      provider.destroy();
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
