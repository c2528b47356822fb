/**
 * Generator jobs of scenario 9 (flood): one socket types thousands of one-character prefix
 * inserts into a card title, each its own update, as fast as its provider sends them; elsewhere a
 * pair of clients on another board keeps measuring round trips.
 */
import * as Y from 'yjs';
import { addCard, addStage, readStages } from '#lib/board';
import { FullClient } from '../clients/fullClient';
import { cookieFor } from '../clients/target';
import { now, sleep } from '../stats';
import type { JobIO, ServerTarget } from '../types';

interface Target extends ServerTarget {
  room: string;
  timeoutMs: number;
}

function client(args: Target, index: number): FullClient {
  const { protocol, wsUrl, room, timeoutMs } = args;
  return new FullClient({ protocol, wsUrl, room, cookie: cookieFor(args, index), timeoutMs });
}

const FLOOD_CARD = 'flood-card-0';

const titleOf = (doc: Y.Doc): Y.Text | undefined =>
  doc.getMap<Y.Map<unknown>>('cards').get(FLOOD_CARD)?.get('title') as Y.Text | undefined;

/**
 * How many items client `id` has made that `doc` holds: one per inserted character, so it counts
 * the flood's updates a document has. Not the title's text: the title keeps its length and cycles
 * through 26 letters, so once 46 characters are typed it repeats every 26 keystrokes, and a reader
 * holding the 68th update already shows the title of the 10,000th.
 */
const itemsOf = (doc: Y.Doc, id: number): number =>
  Y.decodeStateVector(Y.encodeStateVector(doc)).get(id) ?? 0;

/**
 * A real card, made by the board operations (Stageboard's policy refuses a hand-made one): in the
 * board's first stage, or in a stage made for it on a peer's empty document.
 */
function seedFloodCard(doc: Y.Doc): void {
  const stageId = readStages(doc)[0]?.id ?? addStage(doc, { name: 'Flood' });
  addCard(doc, { stageId, title: 'Flood target: a card title typed over and over', id: FLOOD_CARD });
}

/**
 * One keystroke of the flood: a character inserted at the start of the title, in its own update.
 * The title's last character goes in the same update, so the title keeps its length: Stageboard
 * refuses a title past its limit (500), and a title typed over keeps every deleted character as a
 * tombstone, which is what made the whole-text reads of issue 14 cost the square of the flood.
 */
function typeOver(title: Y.Text, i: number): void {
  title.doc!.transact(() => {
    title.insert(0, String.fromCharCode(97 + (i % 26)));
    title.delete(title.length - 1, 1);
  });
}

export interface FloodArgs extends Target {
  inserts: number;
}

export interface FloodResult {
  /** From the first insert until a second client of the board has every one of them (its state vector). */
  deliveredMs: number | null;
  /** Close codes the server sent the flooding client (it reconnects after each, as stock clients do). */
  closes: number[];
  /** When the server first closed it, in ms from the first insert. */
  firstCloseMs: number | null;
}

/**
 * Connects the flooding client and a reader, seeds one card, emits 'ready'; on 'go' inserts
 * `inserts` characters at the start of its title, one transaction (so one update) each, then
 * waits until the reader has them all; the writer stays connected until then, so a close the
 * server sends it on the way is counted. Event 'delivered' {ms}.
 */
export async function floodTitle(args: FloodArgs, io: JobIO): Promise<FloodResult> {
  const writer = client(args, 0);
  const reader = client(args, 1);
  try {
    await writer.connect();
    seedFloodCard(writer.doc);
    await reader.connect();
    const seeded = titleOf(writer.doc)?.toString();
    await until(() => titleOf(reader.doc)?.toString() === seeded, args.timeoutMs);
    io.emit('ready');
    await io.signal('go');
    const started = now();
    const title = titleOf(writer.doc) as Y.Text;
    for (let i = 0; i < args.inserts; i++) typeOver(title, i);
    const writerId = writer.doc.clientID;
    const typed = itemsOf(writer.doc, writerId);
    const done = await until(() => itemsOf(reader.doc, writerId) >= typed, args.timeoutMs);
    const deliveredMs = done ? now() - started : null;
    io.emit('delivered', { ms: deliveredMs });
    const first = writer.closes[0];
    return {
      deliveredMs,
      closes: writer.closes.map((c) => c.code),
      firstCloseMs: first ? first.at - started : null
    };
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

export interface RoundTripResult {
  rtts: number[];
  lost: number;
  /** Round trips that had ended at the 'mark' signal. */
  beforeMark: number;
}

export interface RoundTripArgs extends Target {
  /** Pause between one round trip's end and the next one's start. */
  periodMs: number;
}

/**
 * Two clients on one board: `ping` writes a number, `pong` answers it when it arrives, and the
 * round trip is the time until the answer is back (through the server twice). Emits 'ready';
 * measures from 'go' until 'stop'; returns every round trip in ms, and how many had ended when the
 * parent's 'mark' came (the round trips before the flood, the machine's noise floor).
 */
export async function roundTrips(args: RoundTripArgs, io: JobIO): Promise<RoundTripResult> {
  const ping = client(args, 2);
  const pong = client(args, 3);
  const rtts: number[] = [];
  let lost = 0;
  try {
    await ping.connect();
    await pong.connect();
    const pongMap = pong.doc.getMap<number>('bench');
    pongMap.observe(() => {
      const n = pongMap.get('ping');
      if (n !== undefined && pongMap.get('pong') !== n) pongMap.set('pong', n);
    });
    io.emit('ready');
    await io.signal('go');
    let stopped = false;
    let beforeMark = 0;
    void io.signal('stop').then(() => (stopped = true));
    void io.signal('mark').then(() => (beforeMark = rtts.length));
    const map = ping.doc.getMap<number>('bench');
    // Timed when the answer is applied (an observer), not when a poll notices it.
    let answered: { n: number; resolve: (ok: boolean) => void } | null = null;
    map.observe(() => {
      if (answered && map.get('pong') === answered.n) answered.resolve(true);
    });
    for (let n = 1; !stopped; n++) {
      const sent = now();
      const back = new Promise<boolean>((resolve) => {
        answered = { n, resolve };
        setTimeout(() => resolve(false), args.timeoutMs).unref();
      });
      map.set('ping', n);
      if (await back) rtts.push(now() - sent);
      else lost++;
      answered = null;
      await sleep(args.periodMs);
    }
    return { rtts, lost, beforeMark };
  } finally {
    ping.destroy();
    pong.destroy();
  }
}

/** Polls `check` every 10 ms until it holds (true) or `timeoutMs` passes (false). */
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = now() + timeoutMs;
  while (!check()) {
    if (now() > deadline) return false;
    await sleep(10);
  }
  return true;
}
