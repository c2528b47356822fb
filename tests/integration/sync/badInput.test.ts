import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, encodeSyncStep1 } from '#server/protocol';
import { seededRandom } from '../../helpers/random';
import {
  closed,
  connectClient,
  opened,
  rawSocket,
  startTestServer,
  tempDir,
  text,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

const MAX_MESSAGE_BYTES = 64 * 1024;

describe('bad input closes only the connection that sent it', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir, { maxMessageBytes: MAX_MESSAGE_BYTES });
    await server.createBoard('shared');
    alice = await connectClient(server, 'shared');
    bob = await connectClient(server, 'shared');
  });

  afterEach(async () => {
    alice.destroy();
    bob.destroy();
    await server.stop();
    tmp.cleanup();
  });

  /** Sends `frame` from a fresh raw socket and returns how the server closed it. */
  async function sendAndAwaitClose(frame: Uint8Array): Promise<{ code: number; reason: string }> {
    const socket = rawSocket(server, 'shared');
    const closing = closed(socket);
    await opened(socket);
    socket.send(frame);
    return closing;
  }

  /** Alice and Bob still exchange edits both ways, over the connections they had before. */
  async function expectPeersStillSync(marker: string): Promise<void> {
    alice.doc.getMap('m').set(marker, 'a');
    bob.doc.getMap('m').set(`${marker}-reply`, 'b');
    await waitFor(`${marker} to reach bob`, () => bob.doc.getMap('m').get(marker) === 'a');
    await waitFor(
      `${marker} reply to reach alice`,
      () => alice.doc.getMap('m').get(`${marker}-reply`) === 'b'
    );
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);
  }

  it('closes a truncated sync message with 4400 and logs one line naming board and connection', async () => {
    const stateBefore = await server.rooms.read('shared', (doc) => Y.encodeStateVector(doc));
    const result = await sendAndAwaitClose(Uint8Array.from([0, 2, 0x80]));
    expect(result.code).toBe(CloseCode.MalformedMessage);
    const line = server.log.find('malformed message');
    expect(line).toMatchObject({ board: 'shared', reason: 'truncated' });
    expect(String(line?.conn)).toMatch(/^c[0-9a-z]+$/);
    expect(await server.rooms.read('shared', (doc) => Y.encodeStateVector(doc))).toEqual(stateBefore);
    await expectPeersStillSync('after-truncated');
  });

  it('closes an update whose Yjs payload is cut short with 4400 before it reaches the doc', async () => {
    const donor = new Y.Doc();
    donor.getText('t').insert(0, 'this must never reach the room');
    const update = Y.encodeStateAsUpdate(donor);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update.slice(0, update.length - 3));
    const result = await sendAndAwaitClose(encoding.toUint8Array(encoder));
    expect(result.code).toBe(CloseCode.MalformedMessage);
    expect(await server.rooms.read('shared', (doc) => text(doc))).toBe('');
    await expectPeersStillSync('after-bad-update');
  });

  it('closes random bytes with 4400', async () => {
    const random = seededRandom(99);
    const noise = Uint8Array.from({ length: 512 }, () => Math.floor(random() * 256));
    const result = await sendAndAwaitClose(noise);
    expect(result.code).toBe(CloseCode.MalformedMessage);
    await expectPeersStillSync('after-noise');
  });

  it('closes a message over maxMessageBytes with 1009 (ws maxPayload)', async () => {
    const big = new Uint8Array(MAX_MESSAGE_BYTES + 1);
    big.set(encodeSyncStep1(new Y.Doc()));
    const result = await sendAndAwaitClose(big);
    expect(result.code).toBe(CloseCode.MessageTooLarge);
    await waitFor('the oversize to be logged', () => server.log.find('message too large'));
    await expectPeersStillSync('after-oversize');
  });

  it('refuses an update that would push the document past maxDocBytes, without applying it', async () => {
    await server.stop();
    server = await startTestServer(tmp.dir, { maxDocBytes: 4096 });
    alice.destroy();
    bob.destroy();
    alice = await connectClient(server, 'shared');
    bob = await connectClient(server, 'shared');
    const socket = rawSocket(server, 'shared');
    const closing = closed(socket);
    await opened(socket);
    const donor = new Y.Doc();
    donor.getText('t').insert(0, 'x'.repeat(8000));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(donor));
    socket.send(encoding.toUint8Array(encoder));
    expect((await closing).code).toBe(CloseCode.DocumentTooLarge);
    expect(await server.rooms.read('shared', (doc) => text(doc).length)).toBe(0);
    await expectPeersStillSync('after-too-large');
  });

  it('drops a client whose send buffer passes maxSendBufferBytes, and keeps serving the others', async () => {
    await server.stop();
    server = await startTestServer(tmp.dir, { maxSendBufferBytes: 64 * 1024 });
    alice.destroy();
    bob.destroy();
    alice = await connectClient(server, 'shared');
    bob = await connectClient(server, 'shared');
    const slow = rawSocket(server, 'shared');
    const slowClosed = closed(slow);
    await opened(slow);
    await waitFor('the slow client to join', () => server.rooms.stats().connections === 3);
    // Stop reading: the kernel buffers fill, then ws's send buffer grows past the limit.
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();
    const chunk = 'y'.repeat(32 * 1024);
    for (let i = 0; i < 400 && server.rooms.stats().connections === 3; i++) {
      alice.doc.getArray('big').push([chunk]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor('the slow client to be dropped', () => server.rooms.stats().connections === 2);
    expect(server.log.find('slow client dropped')).toMatchObject({ board: 'shared' });
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    const result = await slowClosed;
    // The close frame may be cut off with the buffer, so the client sees 4508 or an abnormal 1006.
    expect([CloseCode.SlowClient, 1006]).toContain(result.code);
    await expectPeersStillSync('after-slow');
  });
});
