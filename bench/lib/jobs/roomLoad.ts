/**
 * The load of scenarios 1, 2 and 7, run inside a generator process: clients on one room, some of
 * them editing at a steady rate, every client recording when each other client's edit arrived.
 * Events: 'seeded' (always, after the optional seeding), 'ready', 'edited' {sent} (with awaitExpect),
 * 'settled' (before closing). Signals: 'go' {startAt}, 'expect' {totalSent} (with awaitExpect), 'stop'.
 */
import type * as Y from 'yjs';
import { FullClient } from '../clients/fullClient';
import { cardCount, makeEdit, parseMarker, scanMarkers, seedCards, type Marker } from '../clients/edits';
import { record, type Histogram } from '../clients/histogram';
import { LightClient } from '../clients/lightClient';
import { now, sleep } from '../stats';
import { cookieFor } from '../clients/target';
import type { JobIO, ServerTarget } from '../types';
import { forEachLimited } from './connect';

export interface RoomLoadArgs extends ServerTarget {
  room: string;
  /** Full Yjs clients (the server's own client library) in this generator. */
  full: number;
  /** Lightweight sockets in this generator. */
  light: number;
  /** How many of this generator's clients edit (full clients first), or 'all'. */
  editors: number | 'all';
  /** Edits per second of each editing client. */
  rateHz: number;
  durationMs: number;
  /** Sender ids are `${senderPrefix}${index}`; unique per generator. */
  senderPrefix: string;
  /** Before connecting the others, the first full client adds this many cards if the board has none. */
  seedCards?: number;
  connectConcurrency?: number;
  /** Wait after the last edit for arrivals still in flight (the longest wait, with awaitExpect). */
  settleMs: number;
  /**
   * Settle adaptively: after editing, emit 'edited' {sent} and wait for the parent's 'expect'
   * {totalSent} (edits sent by every generator on this room); then settle ends as soon as every
   * client here has received all the others' edits. Without it (default) the job waits settleMs.
   */
  awaitExpect?: boolean;
}

export interface RoomLoadResult {
  connected: number;
  connectFailed: number;
  connectError?: string;
  sent: number;
  /** Latency of every (edit, receiving client) pair, split by client kind. */
  fullLatency: Histogram;
  lightLatency: Histogram;
  /** Highest sequence number received from each sender, over every client here. */
  maxReceived: Record<string, number>;
  /** Updates the lightweight sockets counted (markers or not). */
  lightUpdates: number;
  stoppedEarly: boolean;
}

interface Editor {
  sender: string;
  doc: Y.Doc;
  seq: number;
}

export async function roomLoad(args: RoomLoadArgs, io: JobIO): Promise<RoomLoadResult> {
  const fullLatency: Histogram = {};
  const lightLatency: Histogram = {};
  const maxReceived: Record<string, number> = {};
  const fulls: FullClient[] = [];
  const lights: LightClient[] = [];
  const editors: Editor[] = [];
  const total = args.full + args.light;
  const editorCount = args.editors === 'all' ? total : args.editors;
  let received = 0;

  const arrived = (m: Marker, own: string | undefined, histogram: Histogram, at: number): void => {
    if (m.sender === own) return;
    received++;
    record(histogram, at - m.sentAt);
    if ((maxReceived[m.sender] ?? 0) < m.seq) maxReceived[m.sender] = m.seq;
  };

  const openClient = async (index: number): Promise<void> => {
    const sender = `${args.senderPrefix}${index}`;
    const edits = index < editorCount;
    const target = {
      protocol: args.protocol,
      wsUrl: args.wsUrl,
      room: args.room,
      cookie: cookieFor(args, index)
    };
    if (index < args.full) {
      const client = new FullClient(target);
      fulls.push(client);
      // Markers already in the board when this client joins (an earlier run on the room) are not arrivals.
      let joined = false;
      client.doc.getMap('bench').observe((event) => {
        if (event.transaction.local || !joined) return;
        const at = now();
        for (const key of event.keysChanged) {
          const m = parseMarker(client.doc.getMap('bench').get(key));
          if (m) arrived(m, sender, fullLatency, at);
        }
      });
      await client.connect();
      joined = true;
      if (edits) editors.push({ sender, doc: client.doc, seq: 0 });
      return;
    }
    const client = new LightClient({
      ...target,
      keepDoc: edits ? (doc) => cardCount(doc) === 0 : undefined,
      onUpdate: (update) => {
        const at = now();
        scanMarkers(update, (m) => arrived(m, sender, lightLatency, at));
      }
    });
    lights.push(client);
    await client.connect();
    if (edits && client.doc) {
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'remote') client.sendUpdate(update);
      });
      editors.push({ sender, doc: client.doc, seq: 0 });
    }
  };

  let first = 0;
  if (args.seedCards && args.full > 0) {
    await openClient(0);
    const doc = fulls[0]?.doc;
    if (doc && cardCount(doc) === 0) seedCards(doc, args.seedCards);
    first = 1;
  }
  io.emit('seeded');
  const opened = await forEachLimited(total - first, args.connectConcurrency ?? 50, (i) =>
    openClient(first + i)
  );
  const clientsUp = total - opened.failed;
  io.emit('ready', { connected: clientsUp });

  let stopped = false;
  void io.signal('stop').then(() => (stopped = true));
  const { startAt } = await io.signal<{ startAt: number }>('go');
  const endAt = startAt + args.durationMs;
  const interval = 1000 / args.rateHz;
  let sent = 0;
  await Promise.all(
    editors.map(async (editor) => {
      let due = startAt + Math.random() * interval;
      while (!stopped) {
        const wait = due - now();
        if (wait > 0) await sleep(Math.min(wait, endAt - now()));
        if (stopped || now() >= endAt) return;
        if (now() < due) continue;
        editor.seq++;
        makeEdit(editor.doc, editor.sender, editor.seq);
        sent++;
        due += interval;
      }
    })
  );
  if (!stopped) {
    // Wait for edits still in flight: with awaitExpect, until every client here has every other
    // client's edits (the parent adds up what all generators sent) or settleMs passed; else settleMs.
    let expected = Number.POSITIVE_INFINITY;
    if (args.awaitExpect) {
      io.emit('edited', { sent });
      const { totalSent } = await io.signal<{ totalSent: number }>('expect');
      expected = clientsUp * totalSent - sent;
    }
    const settleEnd = now() + args.settleMs;
    while (!stopped && received < expected && now() < settleEnd) await sleep(Math.min(10, settleEnd - now()));
  }
  io.emit('settled');
  for (const client of fulls) client.destroy();
  let lightUpdates = 0;
  for (const client of lights) {
    lightUpdates += client.updates;
    client.close();
  }
  return {
    connected: total - opened.failed,
    connectFailed: opened.failed,
    connectError: opened.firstError,
    sent,
    fullLatency,
    lightLatency,
    maxReceived,
    lightUpdates,
    stoppedEarly: stopped
  };
}
