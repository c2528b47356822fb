/**
 * Scenario 2 — fan-out: one writer typing into a board at a steady rate, many observers. Most
 * observers are lightweight sockets (handshake, then count and time what arrives: a socket per
 * observer, no Yjs); a sample are full Yjs clients. Reports arrival p50/p99 over every observer,
 * p99 of the full-client sample, and the server's CPU time per update (CPU used while the writer
 * wrote ÷ updates written).
 */
import { count, histogramPercentile } from '../lib/clients/histogram';
import { runRoom } from '../lib/roomRun';
import { round } from '../lib/stats';
import type { FigureSpec, Measurement, Mode, Scenario } from '../lib/types';

interface Sizes {
  observers: number[];
  /** Full Yjs clients among the observers. */
  sample: number;
  rateHz: number;
  durationMs: number;
  settleMs: number;
  perGenerator: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: {
    observers: [100, 300],
    sample: 10,
    rateHz: 20,
    durationMs: 1000,
    settleMs: 1000,
    perGenerator: 500
  },
  full: {
    observers: [500, 1500],
    sample: 20,
    rateHz: 10,
    durationMs: 15_000,
    settleMs: 3000,
    perGenerator: 500
  }
};

export const scenario: Scenario = {
  id: '2',
  title: 'Fan-out',
  sizes(mode) {
    const s = SIZES[mode];
    return (
      `1 writer at ${s.rateHz} edits/s for ${s.durationMs / 1000} s, ${s.observers.join(' then ')} observers ` +
      `(${s.sample} of them full Yjs clients)`
    );
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const specs: FigureSpec[] = sizes.observers.flatMap((n): FigureSpec[] => [
      { key: `p50@${n}`, figure: `p50 arrival, ${n} observers`, unit: 'ms' },
      { key: `p99@${n}`, figure: `p99 arrival, ${n} observers`, unit: 'ms' },
      { key: `p99full@${n}`, figure: `p99 arrival at full clients, ${n} observers`, unit: 'ms' },
      { key: `cpu@${n}`, figure: `server CPU per update, ${n} observers`, unit: 'ms/update' }
    ]);
    const result = await ctx.interleave(specs, async (peer) => {
      const m: Measurement = { values: {}, generatorCpuPeak: 0, notes: [] };
      for (const n of sizes.observers) {
        const room = await peer.createRoom(`fanout-${n}`);
        // The writer is the first full client of the first generator; observers are the rest.
        const run = await runRoom(ctx, peer, room, {
          generators: Math.ceil((n + 1) / sizes.perGenerator),
          full: sizes.sample + 1,
          light: n - sizes.sample,
          editors: 1,
          rateHz: sizes.rateHz,
          durationMs: sizes.durationMs,
          settleMs: sizes.settleMs,
          seedCards: 20,
          tag: ''
        });
        m.values[`p50@${n}`] = histogramPercentile(run.all, 50);
        m.values[`p99@${n}`] = histogramPercentile(run.all, 99);
        m.values[`p99full@${n}`] = histogramPercentile(run.fullLatency, 99);
        m.values[`cpu@${n}`] = run.sent > 0 ? run.serverCpuMs / run.sent : null;
        m.generatorCpuPeak = Math.max(m.generatorCpuPeak, run.generatorCpuPeak);
        const expected = run.sent * n;
        const received = count(run.all);
        if (run.connected < n + 1)
          m.notes?.push(`${peer.name}: only ${run.connected - 1} of ${n} observers connected`);
        if (received < expected) {
          const pct = round((100 * received) / Math.max(1, expected), 2);
          m.notes?.push(
            `${peer.name} with ${n} observers delivered ${pct} % of updates within the settle time`
          );
        }
      }
      return m;
    });
    result.notes.unshift(
      'Server CPU per update: user+system CPU of the server process (from /proc) during the writing phase ÷ updates written; ' +
        'it is measured in 10 ms ticks, so short quick runs are coarse.'
    );
    return result;
  }
};
