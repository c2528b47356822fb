/**
 * Scenario 9 — flood: one socket sends thousands of one-character prefix inserts into a card
 * title, each its own update, as fast as its client library sends them, while two clients on
 * another board measure round trips (issue 14: such a flood took tens of seconds, stalled every
 * board for over 10 s and took the server from 92 MB to 1.3 GB). Reported: the other board's round
 * trips during the flood, the server's RSS before (idle, every client connected) and at its peak,
 * and how long until a second client of the flooded board had every insert. The flooding client
 * is the server's own stock client: one the server closes reconnects and sends what it lacks.
 */
import { targetOf } from '../lib/clients/target';
import type { FloodArgs, FloodResult, RoundTripArgs, RoundTripResult } from '../lib/jobs/flood';
import { watchServer } from '../lib/serverWatch';
import { latencySummary, sleep } from '../lib/stats';
import type { FigureSpec, GeneratorJob, Measurement, Mode, Scenario } from '../lib/types';

interface Sizes {
  inserts: number;
  /** Pause between round trips. */
  periodMs: number;
  /** Round trips go on this long after the flood is delivered (a server may still be catching up). */
  tailMs: number;
  timeoutMs: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: { inserts: 10_000, periodMs: 10, tailMs: 500, timeoutMs: 120_000 },
  full: { inserts: 10_000, periodMs: 10, tailMs: 1000, timeoutMs: 180_000 }
};
const JOBS = 'lib/jobs/flood.ts';
/** Round trips timed before the flood starts. */
const BASELINE_MS = 2000;
/** Before reading the idle RSS: the clients' joins and the seeding are done. */
const SETTLE_MS = 1000;

const SPECS: FigureSpec[] = [
  { key: 'p50', figure: 'other board round trip during the flood, p50', unit: 'ms' },
  { key: 'p99', figure: 'other board round trip during the flood, p99', unit: 'ms' },
  { key: 'max', figure: 'other board round trip during the flood, max', unit: 'ms' },
  { key: 'baseline', figure: 'the same round trip before the flood, p99', unit: 'ms' },
  { key: 'idle', figure: 'server RSS before the flood (idle)', unit: 'MB' },
  { key: 'peak', figure: 'server peak RSS during the flood', unit: 'MB' },
  { key: 'peakRatio', figure: 'peak RSS ÷ idle RSS', unit: 'count' },
  { key: 'delivered', figure: 'flood delivered to another client of its board', unit: 'ms' },
  { key: 'closes', figure: 'times the server closed the flooding socket', unit: 'count', noRatio: true }
];

export const scenario: Scenario = {
  id: '9',
  title: 'Flood',
  sizes(mode) {
    const s = SIZES[mode];
    return `one socket sends ${s.inserts} one-character prefix inserts into a card title; another board measures round trips`;
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const result = await ctx.interleave(SPECS, async (peer) => {
      const [floodGen, probeGen] = await ctx.generators(2);
      const target = { ...targetOf(peer), timeoutMs: sizes.timeoutMs };
      const floodArgs: FloodArgs = {
        ...target,
        room: await peer.createRoom('flood'),
        inserts: sizes.inserts
      };
      const probeArgs: RoundTripArgs = {
        ...target,
        room: await peer.createRoom('quiet'),
        periodMs: sizes.periodMs
      };
      const flood: GeneratorJob<FloodResult> = floodGen!.run(JOBS, 'floodTitle', floodArgs);
      const probe: GeneratorJob<RoundTripResult> = probeGen!.run(JOBS, 'roundTrips', probeArgs);
      try {
        await Promise.all([flood.event('ready', sizes.timeoutMs), probe.event('ready', sizes.timeoutMs)]);
        await sleep(SETTLE_MS);
        const idle = ctx.sample(peer.pid)?.rssBytes ?? Number.NaN;
        const cpu = ctx.monitorCpu([floodGen!.pid, probeGen!.pid]);
        const watch = watchServer(ctx.sample, peer.pid, 50);
        probe.signal('go');
        // Round trips before the flood: what this machine gives without it.
        await sleep(BASELINE_MS);
        probe.signal('mark');
        flood.signal('go');
        await flood.event('delivered', sizes.timeoutMs);
        await sleep(sizes.tailMs);
        probe.signal('stop');
        const [floodResult, probeResult] = [(await flood.result).value, (await probe.result).value];
        const { peakRssBytes } = watch.stop();
        const baseline = latencySummary(probeResult.rtts.slice(0, probeResult.beforeMark));
        const during = probeResult.rtts.slice(probeResult.beforeMark);
        const rtt = latencySummary(during);
        const m: Measurement = {
          values: {
            p50: rtt.p50,
            p99: rtt.p99,
            max: Math.max(...during),
            baseline: baseline.p99,
            idle: idle / 2 ** 20,
            peak: peakRssBytes / 2 ** 20,
            peakRatio: peakRssBytes / idle,
            delivered: floodResult.deliveredMs,
            closes: floodResult.closes.length
          },
          generatorCpuPeak: cpu.stop().peakPercent,
          notes: []
        };
        const codes = [...new Set(floodResult.closes)].join(', ');
        if (codes) {
          const after =
            floodResult.firstCloseMs === null
              ? ''
              : `, first after ${Math.round(floodResult.firstCloseMs)} ms`;
          m.notes?.push(`${peer.name} closed the flooding socket with ${codes}${after}`);
        }
        if (probeResult.lost > 0) m.notes?.push(`${peer.name}: ${probeResult.lost} round trips timed out`);
        if (floodResult.deliveredMs === null) m.notes?.push(`${peer.name} did not deliver the flood in time`);
        return m;
      } finally {
        probe.signal('stop');
        await Promise.all([flood.result.catch(() => undefined), probe.result.catch(() => undefined)]);
      }
    });
    result.notes.unshift(
      'Round trips: one client writes a number, a second client of the same board answers it, timed until ' +
        'the answer is back (through the server twice), every 10 ms: for 2 s before the flood (the baseline), ' +
        'then from the first insert until the flood is delivered and a moment after. RSS sampled every 50 ms from /proc.'
    );
    return result;
  }
};
