/**
 * Scenario 4 — join storm: many clients open one big board at the same moment. The board (cards
 * with long descriptions, built with the board model) is pushed into each server the same way: a
 * full client connects and sends it in updates of at most ~0.5 MB, fresh clients reconnect until
 * one sees every card, and the server is left until idle (stored, for the persistent ones). Then
 * every storm socket opens at one instant and is timed until the server's sync step 2 arrived.
 */
import path from 'node:path';
import { buildBoard, saveChunks } from '../lib/bigBoard';
import { targetOf } from '../lib/clients/target';
import type { PushArgs, StormArgs, StormResult } from '../lib/jobs/bigDoc';
import { waitQuiet, watchServer } from '../lib/serverWatch';
import { latencySummary, now, round } from '../lib/stats';
import type { FigureSpec, GeneratorJob, Measurement, Mode, Scenario } from '../lib/types';

interface Sizes {
  bytes: number;
  clients: number;
  generators: number;
  /** Description length per card: sets how many cards make up `bytes`. */
  descriptionChars: number;
  timeoutMs: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: { bytes: 1_000_000, clients: 30, generators: 1, descriptionChars: 2000, timeoutMs: 60_000 },
  full: { bytes: 4_000_000, clients: 150, generators: 2, descriptionChars: 2000, timeoutMs: 180_000 }
};
/** Past Hocuspocus's default store debounce (2 s), so the storm does not meet a pending store. */
const PERSIST_WAIT_MS = 2500;
const JOBS = 'lib/jobs/bigDoc.ts';

const SPECS: FigureSpec[] = [
  { key: 'p50', figure: 'median time to synced', unit: 'ms' },
  { key: 'p99', figure: 'p99 time to synced', unit: 'ms' },
  { key: 'cpu', figure: 'server CPU time for the storm', unit: 'ms' },
  { key: 'rss', figure: 'server peak RSS during the storm', unit: 'MB' },
  { key: 'failed', figure: 'failed joins', unit: 'count', noRatio: true }
];

function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

export const scenario: Scenario = {
  id: '4',
  title: 'Join storm',
  sizes(mode) {
    const s = SIZES[mode];
    return `${s.clients} clients join a ${round(s.bytes / 1e6, 1)} MB board at the same moment`;
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const built = buildBoard({
      targetBytes: sizes.bytes,
      stages: 8,
      descriptionChars: sizes.descriptionChars
    });
    const chunksFile = path.join(ctx.tempDir('join-storm-board'), 'board.bin');
    saveChunks(chunksFile, built.chunks);

    const result = await ctx.interleave(SPECS, async (peer) => {
      const gens = await ctx.generators(sizes.generators);
      const target = {
        ...targetOf(peer),
        room: await peer.createRoom('join-storm')
      };
      const push: PushArgs = {
        ...target,
        chunksFile,
        cards: built.cards,
        hold: true,
        timeoutMs: sizes.timeoutMs
      };
      // The pushing client stays connected through the storm: y-websocket without persistence
      // drops a document with nobody on it, and every server then serves the storm from memory.
      const holder = gens[0]!.run(JOBS, 'pushBoard', push);
      const storm: GeneratorJob<StormResult>[] = [];
      try {
        await holder.event('pushed', sizes.timeoutMs);
        await waitQuiet(ctx.sample, peer.pid, { minMs: PERSIST_WAIT_MS });
        gens.forEach((gen, i) => {
          const args: StormArgs = {
            ...target,
            clients: share(sizes.clients, gens.length, i),
            timeoutMs: sizes.timeoutMs
          };
          storm.push(gen.run<StormResult>(JOBS, 'stormJoin', args));
        });
        await Promise.all(storm.map((job) => job.event('ready')));
        const cpu = ctx.monitorCpu(gens.map((gen) => gen.pid));
        const server = watchServer(ctx.sample, peer.pid, 100);
        const startAt = now() + 300;
        for (const job of storm) job.signal('go', { startAt });
        const results = (await Promise.all(storm.map((job) => job.result))).map((r) => r.value);
        const watched = server.stop();
        const times = results.flatMap((r) => r.times);
        const failed = results.reduce((sum, r) => sum + r.failed, 0);
        const summary = latencySummary(times);
        const m: Measurement = {
          values: {
            p50: times.length ? summary.p50 : null,
            p99: times.length ? summary.p99 : null,
            cpu: watched.cpuMs,
            rss: watched.peakRssBytes / 2 ** 20,
            failed
          },
          generatorCpuPeak: cpu.stop().peakPercent,
          notes: []
        };
        const error = results.find((r) => r.error)?.error;
        if (failed > 0)
          m.notes!.push(`${peer.name}: ${failed} of ${sizes.clients} joins failed (${error ?? '?'})`);
        return m;
      } finally {
        holder.signal('close');
        await holder.result.catch(() => undefined);
        await Promise.all(storm.map((job) => job.result.catch(() => undefined)));
      }
    });
    result.notes.unshift(
      `Board: ${built.cards} cards with ${sizes.descriptionChars}-character descriptions, ` +
        `${round(built.bytes / 1e6, 2)} MB as one update, pushed in ${built.chunks.length} updates.`,
      'Time to synced: from the common start until the whole sync step 2 arrived at a lightweight socket (not ' +
        'decoded, so the generator is not the bottleneck). The pushing client stays connected, so every server ' +
        'serves the storm from memory; loading from disk is scenario 5. Server CPU is its CPU time from the ' +
        'start until the last socket synced.'
    );
    return result;
  }
};
