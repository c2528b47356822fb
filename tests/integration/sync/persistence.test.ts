import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  startTestServer,
  tempDir,
  text,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

describe('persistence across restarts and room unloads', () => {
  let tmp: ReturnType<typeof tempDir>;
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];

  beforeEach(() => {
    tmp = tempDir();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.stop().catch(() => {});
    tmp.cleanup();
  });

  async function start(overrides: Parameters<typeof startTestServer>[1] = {}): Promise<TestServer> {
    const server = await startTestServer(tmp.dir, overrides);
    servers.push(server);
    return server;
  }

  it('keeps every edit when the server is closed and started again on the same file', async () => {
    const first = await start();
    await first.createBoard('restart');
    const writer = await connectClient(first, 'restart');
    const peer = await connectClient(first, 'restart');
    for (let i = 0; i < 50; i++) writer.doc.getMap('items').set(`card-${i}`, i);
    writer.doc.getText('t').insert(0, 'before restart');
    await waitFor(
      'the peer to see all edits',
      () => peer.doc.getMap('items').size === 50 && text(peer.doc) === 'before restart'
    );
    writer.destroy();
    peer.destroy();
    await first.stop();
    servers.splice(servers.indexOf(first), 1);

    const second = await start();
    const reader = await connectClient(second, 'restart');
    clients.push(reader);
    expect(reader.doc.getMap('items').size).toBe(50);
    expect(reader.doc.getMap('items').get('card-49')).toBe(49);
    expect(text(reader.doc)).toBe('before restart');
    // close() compacted the room: the log was folded into the snapshot.
    const stored = await second.store.loadDoc('restart');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(0);
  });

  it('compacts the log once it passes compactAfterUpdates, without losing edits', async () => {
    const server = await start({ compactAfterUpdates: 10 });
    await server.createBoard('compact');
    const writer = await connectClient(server, 'compact');
    clients.push(writer);
    for (let i = 0; i < 25; i++) writer.doc.getMap('items').set(`k${i}`, i);
    await waitFor('25 edits durable', async () => {
      const n = await server.rooms.read('compact', (doc) => doc.getMap('items').size);
      return n === 25 && server.rooms.stats().boards[0]?.updatesSinceCompaction === 5;
    });
    const stored = await server.store.loadDoc('compact');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(5);
  });

  it('unloads an idle room after flushing it, and a later client sees all data', async () => {
    const server = await start({ roomIdleMs: 100 });
    await server.createBoard('idle');
    const writer = await connectClient(server, 'idle');
    writer.doc.getText('t').insert(0, 'written before idling');
    writer.doc.getMap('items').set('x', 1);
    await waitFor(
      'the edit to reach the room',
      () => server.rooms.stats().boards[0]?.updatesSinceCompaction === 2
    );
    writer.destroy();
    await waitFor('the room to unload', () => server.rooms.stats().rooms === 0);
    const stored = await server.store.loadDoc('idle');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(0);

    const later = await connectClient(server, 'idle');
    clients.push(later);
    expect(text(later.doc)).toBe('written before idling');
    expect(later.doc.getMap('items').get('x')).toBe(1);
    expect(server.rooms.stats().rooms).toBe(1);
  });

  it('loads an unloaded room for rooms.change() and unloads it again when idle', async () => {
    const server = await start({ roomIdleMs: 50 });
    await server.createBoard('http');
    await server.rooms.change('http', (doc) => doc.getMap('meta').set('note', 'from http'));
    await waitFor('the room to unload', () => server.rooms.stats().rooms === 0);
    expect(await server.rooms.read('http', (doc) => doc.getMap('meta').get('note'))).toBe('from http');
  });

  it('with durability full, stores and delivers a burst of edits made in one tick', async () => {
    const server = await start({ durability: 'full', compactAfterUpdates: 50 });
    await server.createBoard('burst');
    const writer = await connectClient(server, 'burst');
    const peer = await connectClient(server, 'burst');
    clients.push(writer, peer);
    for (let i = 0; i < 200; i++) writer.doc.getMap('items').set(`k${i}`, i);
    await waitFor('the peer to get the burst', () => peer.doc.getMap('items').size === 200);
    await server.rooms.change('burst', () => {}); // waits until everything queued is durable
    const stored = await server.store.loadDoc('burst');
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(replay, update);
    expect(replay.getMap('items').size).toBe(200);
  });
});
