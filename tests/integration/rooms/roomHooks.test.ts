/**
 * The rooms' one hook interface (server/rooms/hooks.ts), with hooks of the test's own and neither
 * the update policy nor the activity log: a refused update never reaches the document, the store
 * or anyone else; an accepted one hands its context, unread, to `updateApplied` (the document as
 * the update left it; what it writes is stored in one append with it and reaches the sender too) and then to `updateStored`, which waits for the update's append; `changed`
 * hears every durable change; a listener that throws is logged and the room goes on.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { BoardRole } from '#lib/auth/permissions';
import { CloseCode } from '#server/protocol';
import type { ChangePayload, RoomHooks } from '#server/rooms/hooks';
import { RoomManager } from '#server/rooms/RoomManager';
import { MemoryDocStore } from '#server/store/MemoryDocStore';
import { DelegatingStore } from '../helpers/DelegatingStore';
import {
  connectClient,
  RecordingLogger,
  testConfig,
  waitFor,
  type SyncTarget,
  type TestClient
} from '../helpers/syncHarness';

/** Holds appends while `holding`, so a test sees the moment between applied and durable. */
class HoldingStore extends DelegatingStore {
  holding = false;
  readonly #held: (() => void)[] = [];
  override async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    if (this.holding) await new Promise<void>((resolve) => this.#held.push(resolve));
    return super.appendUpdate(boardId, update);
  }
  release(): void {
    this.holding = false;
    for (const resolve of this.#held.splice(0)) resolve();
  }
}

/** A context the room must hand back as it got it: the test checks identity, not contents. */
interface Ticket {
  serial: number;
  textBefore: string;
}

describe('room hooks', () => {
  let store: HoldingStore;
  let rooms: RoomManager;
  let wss: WebSocketServer;
  let log: RecordingLogger;
  let url: string;
  const clients: TestClient[] = [];
  const seen = {
    issued: [] as Ticket[],
    applied: [] as { ticket: Ticket; text: string }[],
    stored: [] as Ticket[],
    changed: [] as ChangePayload['origin'][],
    failStored: false
  };

  /** Refuses every non-empty update a viewer sends; gives every other one a fresh ticket. */
  const hooks: RoomHooks<Ticket> = {
    beforeUpdate({ doc, update, peer }) {
      if (peer.role === 'viewer' && update.length > 2) {
        return { ok: false, reason: 'viewers-read', detail: 'a test rule' };
      }
      const ticket = { serial: seen.issued.length, textBefore: doc.getText('t').toString() };
      seen.issued.push(ticket);
      return { ok: true, context: ticket };
    },
    updateApplied({ doc, context }) {
      seen.applied.push({ ticket: context, text: doc.getText('t').toString() });
      // The server's answer to an update (as a demoted overrun is), in a transaction of its own.
      if (doc.getText('t').toString() === 'shout')
        doc.transact(() => doc.getText('t').insert(5, '!'), { source: 'server', reason: 'test' });
    },
    updateStored({ context }) {
      if (seen.failStored) throw new Error('a listener’s bug');
      seen.stored.push(context);
    },
    changed({ origin }) {
      seen.changed.push(origin);
    }
  };

  const as = (role: BoardRole): SyncTarget => ({ syncUrl: url, cookie: role });

  beforeEach(async () => {
    store = new HoldingStore(new MemoryDocStore());
    await store.createBoard({ id: 'b', title: 'B', templateId: null });
    log = new RecordingLogger();
    rooms = new RoomManager({ store, config: testConfig(os.tmpdir()), log, pingIntervalMs: 0, hooks });
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    // No sign-in here: the cookie header names the role, so the rooms' own path is all there is.
    wss.on('connection', (socket, request) => {
      const role = (request.headers.cookie ?? 'editor') as BoardRole;
      rooms.connect('b', socket, { userId: `u-${role}`, sessionId: role, name: role, color: '#000', role });
    });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    Object.assign(seen, { issued: [], applied: [], stored: [], changed: [], failStored: false });
  });

  afterEach(async () => {
    store.release(); // a failed test may leave appends held; closing waits for them
    for (const client of clients.splice(0)) client.destroy();
    await rooms.close();
    await new Promise((resolve) => wss.close(resolve));
  });

  const connect = async (role: BoardRole) => {
    const client = await connectClient(as(role), 'b');
    clients.push(client);
    return client;
  };

  it('hands an accepted update’s context to updateApplied at once and to updateStored once durable', async () => {
    const editor = await connect('editor');
    const issuedBefore = seen.issued.length;
    store.holding = true;
    editor.doc.getText('t').insert(0, 'hello');
    await waitFor('the update to be applied', () => seen.applied.length > issuedBefore);
    const ticket = seen.issued.at(-1) as Ticket;
    expect(ticket.textBefore).toBe('');
    expect(seen.applied.at(-1)).toEqual({ ticket, text: 'hello' });
    expect(seen.applied.at(-1)?.ticket).toBe(ticket);
    // Applied, not durable: nothing is told of it yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.stored).not.toContain(ticket);
    expect(seen.changed).toHaveLength(0);
    store.release();
    await waitFor('the update to be stored', () => seen.stored.includes(ticket));
    expect(seen.stored.at(-1)).toBe(ticket);
    expect(seen.changed).toEqual([expect.objectContaining({ source: 'client', userId: 'u-editor' })]);
    const stored = await store.loadDoc('b');
    expect(stored.updates).toHaveLength(1);
  });

  it('stores what updateApplied writes with the update, as one append, and sends it to the sender too', async () => {
    const editor = await connect('editor');
    const reader = await connect('editor');
    const serverId = await rooms.read('b', (doc) => doc.clientID);
    editor.doc.getText('t').insert(0, 'shout');
    for (const client of [editor, reader]) {
      await waitFor('the answer at each client', () => client.doc.getText('t').toString() === 'shout!');
    }
    expect((await store.loadDoc('b')).updates).toHaveLength(1);
    // Yjs did not take the server's own writing for another client using its id.
    expect(await rooms.read('b', (doc) => doc.clientID)).toBe(serverId);
    expect(seen.changed).toEqual([
      expect.objectContaining({ source: 'client', userId: 'u-editor' }),
      expect.objectContaining({ source: 'server' })
    ]);
  });

  it('tells `changed` of a server change too, and asks nothing before it', async () => {
    const issuedBefore = seen.issued.length;
    await rooms.change('b', (doc) => doc.getText('t').insert(0, 'server'), 'test');
    expect(seen.changed).toEqual([{ source: 'server', reason: 'test' }]);
    expect(seen.issued).toHaveLength(issuedBefore);
  });

  it('closes the sender of a refused update with its reason, and nothing of it is applied, stored or sent', async () => {
    const editor = await connect('editor');
    const viewer = await connect('viewer');
    viewer.doc.getText('t').insert(0, 'not mine');
    await waitFor('the viewer to be closed', () => viewer.closes.length > 0);
    expect(viewer.closes[0]).toEqual({ code: CloseCode.UpdateRefused, reason: 'viewers-read' });
    expect(log.find('update refused')).toMatchObject({ board: 'b', role: 'viewer', reason: 'viewers-read' });
    expect(await rooms.read('b', (doc) => doc.getText('t').toString())).toBe('');
    expect((await store.loadDoc('b')).updates).toHaveLength(0);
    expect(editor.doc.getText('t').toString()).toBe('');
    expect(seen.applied.map((a) => a.text)).not.toContain('not mine');
  });

  it('logs a listener that throws and goes on serving the room', async () => {
    const editor = await connect('editor');
    const reader = await connect('editor');
    seen.failStored = true;
    editor.doc.getText('t').insert(0, 'one');
    await waitFor('the failure to be logged', () => log.find('updateStored hook failed'));
    seen.failStored = false;
    editor.doc.getText('t').insert(3, ' two');
    await waitFor(
      'the next edit to reach the other client',
      () => reader.doc.getText('t').toString() === 'one two'
    );
    expect(editor.closes).toHaveLength(0);
    expect(seen.stored.length).toBeGreaterThan(0);
  });
});
