/**
 * Generator jobs of scenarios 4 and 5 (join storm, cold open): push a large board into a server
 * through a full client, let many lightweight sockets join it at one moment, and time one
 * client's open of a board the server has to load from disk.
 */
import * as Y from 'yjs';
import { cardCount, loadChunks } from '../bigBoard';
import { BulkClient } from '../bulkClient';
import { FullClient } from '../clients/fullClient';
import { now, sleep } from '../stats';
import { cookieFor } from '../clients/target';
import type { JobIO, ServerTarget } from '../types';

interface Target extends ServerTarget {
  room: string;
}

/** The options of this job's `index`-th client of `args`'s room. */
function clientOf(args: Target & { timeoutMs: number }, index: number) {
  return {
    protocol: args.protocol,
    wsUrl: args.wsUrl,
    room: args.room,
    cookie: cookieFor(args, index),
    timeoutMs: args.timeoutMs
  };
}

export interface PushArgs extends Target {
  /** File written by saveChunks: the board as updates in order. */
  chunksFile: string;
  /** Cards the board holds: the server "has it" once a fresh client sees this many. */
  cards: number;
  /** Keep the pushing client connected until the parent's 'close' signal. */
  hold: boolean;
  timeoutMs: number;
}

/**
 * Connects a full client, applies the chunks to its doc (its provider sends each as an update),
 * then reconnects fresh clients until one sees every card. Event 'pushed' {ms, attempts}.
 */
export async function pushBoard(args: PushArgs, io: JobIO): Promise<{ ms: number; attempts: number }> {
  const chunks = loadChunks(args.chunksFile);
  const started = now();
  const seeder = new FullClient(clientOf(args, 0));
  try {
    await seeder.connect();
    for (const chunk of chunks) {
      Y.applyUpdate(seeder.doc, chunk, 'bench');
      // Let the socket take each chunk before the next is encoded: one burst would hold them all.
      await sleep(0);
    }
    const deadline = started + args.timeoutMs;
    let attempts = 0;
    for (;;) {
      attempts++;
      const probe = new FullClient(clientOf(args, attempts));
      let seen = 0;
      try {
        await probe.connect();
        seen = cardCount(probe.doc);
      } finally {
        probe.destroy();
      }
      if (seen >= args.cards) break;
      if (now() > deadline) throw new Error(`server holds ${seen} of ${args.cards} cards after the push`);
      await sleep(250);
    }
    const result = { ms: now() - started, attempts };
    io.emit('pushed', result);
    if (args.hold) await io.signal('close');
    return result;
  } finally {
    seeder.destroy();
  }
}

export interface StormArgs extends Target {
  clients: number;
  timeoutMs: number;
}

export interface StormResult {
  /** Per joined client: ms from the common start to the server's sync step 2 received. */
  times: number[];
  failed: number;
  error?: string;
}

/**
 * Emits 'ready'; on signal 'go' {startAt} opens every socket at `startAt` at once. Each is a
 * lightweight socket (bulkClient.ts) timed until the server's whole sync step 2 arrived, not
 * decoded: decoding every copy would make the generator, not the server, the bottleneck.
 */
export async function stormJoin(args: StormArgs, io: JobIO): Promise<StormResult> {
  io.emit('ready');
  const { startAt } = await io.signal<{ startAt: number }>('go');
  const wait = startAt - now();
  if (wait > 0) await sleep(wait);
  const clients = Array.from({ length: args.clients }, (_, i) => new BulkClient(clientOf(args, i)));
  const times: number[] = [];
  let failed = 0;
  let error: string | undefined;
  await Promise.all(
    clients.map((client) =>
      client.connect().then(
        () => void times.push(now() - startAt),
        (cause: unknown) => {
          failed++;
          error ??= cause instanceof Error ? cause.message : String(cause);
        }
      )
    )
  );
  for (const client of clients) client.close();
  return { times, failed, error };
}

export interface OpenArgs extends Target {
  cards: number;
  timeoutMs: number;
}

export interface OpenResult {
  /** ms from opening the socket until the message that completed the board arrived. */
  ms: number;
  /** ms until the server's sync step 2 arrived (a server may answer before it has loaded the board). */
  stepTwoMs: number;
  cards: number;
  /** CPU this generator process used over that time, in % of one core (its headroom). */
  busyPercent: number;
}

interface Arrival {
  at: number;
  cpuMs: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * One client opens a board, applying what arrives, whether the content comes in the sync step 2
 * or, from a server that answers before loading its store, in later updates. The clock stops when
 * the message that completed the board arrived, before the client decoded it: decoding costs the
 * same for every server and is the client's time, not the server's.
 */
export async function timedOpen(args: OpenArgs): Promise<OpenResult> {
  const doc = new Y.Doc();
  const state: { last: Arrival; full: Arrival | null } = { last: { at: 0, cpuMs: 0 }, full: null };
  let complete!: () => void;
  const done = new Promise<void>((resolve) => (complete = resolve));
  const check = (): void => {
    if (state.full || cardCount(doc) < args.cards) return;
    state.full = state.last;
    complete();
  };
  const mark = (): void => void (state.last = { at: now(), cpuMs: cpuMs() });
  const client = new BulkClient({ ...clientOf(args, 0), doc, onArrival: mark, onApplied: check });
  const startCpu = cpuMs();
  const started = now();
  try {
    await client.connect();
    const stepTwoMs = state.last.at - started;
    check();
    const timer = setTimeout(complete, args.timeoutMs);
    await done;
    clearTimeout(timer);
    const full = state.full;
    return {
      ms: full ? full.at - started : Number.NaN,
      stepTwoMs,
      cards: cardCount(doc),
      busyPercent: full ? ((full.cpuMs - startCpu) / Math.max(1, full.at - started)) * 100 : Number.NaN
    };
  } finally {
    client.close();
    doc.destroy();
  }
}
