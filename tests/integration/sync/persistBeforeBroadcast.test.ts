/**
 * The durability rule, watched from outside: an edit is appended to the store before anyone
 * else receives it. The store's append is held back, and what the other clients see meanwhile is
 * judged by a frame the room sends at once (presence) behind the edit on the same socket: frames
 * on one socket arrive in order, so had the room sent the edit before its append, it would be
 * there by then. No sleep decides anything.
 */
import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { encodeAwarenessFrame, encodeSyncStep1, MessageType, SyncType } from '#server/protocol';
import type { DocStore } from '#server/store/DocStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { DelegatingStore } from '../helpers/DelegatingStore';
import {
  connectClient,
  opened,
  rawSocket,
  startTestServer,
  storedDoc,
  tempDir,
  testConfig,
  text,
  waitFor
} from '../helpers/syncHarness';

const BOARD = 'held';

/** Forwards to `inner`, except that appends made while held wait until `release()`. */
class HeldAppendStore extends DelegatingStore {
  held = 0;
  #gate: Promise<void> | null = null;
  #open = (): void => {};

  constructor(inner: DocStore) {
    super(inner);
  }

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  release(): void {
    this.#gate = null;
    this.#open();
  }

  override async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    if (this.#gate) {
      this.held++;
      await this.#gate;
    }
    return this.inner.appendUpdate(boardId, update);
  }
}

/** A frame as a raw client reads it: its type, the sync step, or the clients a presence frame names. */
interface Frame {
  type: number;
  step: number | null;
  clients: number[];
  bytes: Uint8Array;
}

function readFrame(data: WebSocket.RawData): Frame {
  const bytes = new Uint8Array(data as Buffer);
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Sync) return { type, step: decoding.readVarUint(decoder), clients: [], bytes };
  const clients: number[] = [];
  if (type === MessageType.Awareness) {
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      clients.push(decoding.readVarUint(update));
      decoding.readVarUint(update); // clock
      decoding.readVarString(update); // state
    }
  }
  return { type, step: null, clients, bytes };
}

/** Applies a sync step 2 or update frame to `doc`. */
function applySyncFrame(doc: Y.Doc, frame: Frame): void {
  const decoder = decoding.createDecoder(frame.bytes);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}

describe('the durability rule', () => {
  it('persists each edit before any other client can see it', async () => {
    const tmp = tempDir();
    const store = new HeldAppendStore(SqliteDocStore.open(testConfig(tmp.dir)));
    const server = await startTestServer(tmp.dir, {}, store);
    await server.createBoard(BOARD);
    const alice = await connectClient(server, BOARD);
    const bob = await connectClient(server, BOARD);
    let joiner: WebSocket | null = null;
    try {
      store.hold();
      alice.doc.getText('t').insert(0, 'durable');
      // Presence is relayed at once; sent after the edit, it reaches bob after anything sent for it.
      alice.provider.awareness.setLocalStateField('marker', 1);
      await waitFor(
        'bob to see the presence alice sent after her edit',
        () => bob.provider.awareness.getStates().get(alice.doc.clientID)?.marker === 1
      );
      // The room has the edit and its append is waiting, so only the store stands between.
      expect(await server.rooms.read(BOARD, (doc) => text(doc))).toBe('durable');
      expect(store.held).toBe(1);
      expect(text(bob.doc)).toBe('');

      // A client joining now asks for the whole document, then announces its presence: the room
      // relays presence at once, to its sender too, and sends the document only once it is durable.
      const frames: { frame: Frame; released: boolean }[] = [];
      let released = false;
      const joinerPresence = new Awareness(new Y.Doc());
      const joinerId = joinerPresence.clientID;
      // A first state has clock 0, which the room (as any y-protocols peer) ignores as not newer.
      joinerPresence.setLocalStateField('joining', true);
      joiner = rawSocket(server, BOARD);
      joiner.on('message', (data) => frames.push({ frame: readFrame(data), released }));
      await opened(joiner);
      joiner.send(encodeSyncStep1(new Y.Doc()));
      joiner.send(encodeAwarenessFrame(encodeAwarenessUpdate(joinerPresence, [joinerId])));
      await waitFor('the joiner to get its own presence back', () =>
        frames.some(({ frame }) => frame.clients.includes(joinerId))
      );
      const isStep2 = ({ frame }: { frame: Frame }) =>
        frame.type === MessageType.Sync && frame.step === SyncType.Step2;
      expect(frames.some(isStep2)).toBe(false);
      expect(text(await storedDoc(store, BOARD))).toBe('');

      released = true;
      store.release();
      await waitFor('bob to see the edit once it is stored', () => text(bob.doc) === 'durable');
      const step2 = await waitFor('the joiner to get the document', () => frames.find(isStep2));
      expect(step2.released).toBe(true);
      const joined = new Y.Doc();
      applySyncFrame(joined, step2.frame);
      expect(text(joined)).toBe('durable');
      expect(text(await storedDoc(store, BOARD))).toBe('durable');
    } finally {
      store.release(); // the server's shutdown waits for every append
      joiner?.close();
      alice.destroy();
      bob.destroy();
      await server.stop();
      tmp.cleanup();
    }
  });
});
