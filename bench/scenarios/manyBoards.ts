/**
 * Scenario 3 — many boards: connections spread evenly over many boards. On each board a few are
 * full Yjs clients (the server's own client library), each making one edit a second (card moves
 * and title keystrokes, alternately); the rest are lightweight sockets that listen and time
 * arrivals at the socket. Every connection times every edit made by another on its board.
 * Reported: latency percentiles, the server's CPU and peak RSS over the edit window, and errors.
 */
import { count, histogramPercentile, merge, type Histogram } from '../lib/clients/histogram';
import { targetOf } from '../lib/clients/target';
import { forEachLimited } from '../lib/jobs/connect';
import type { RoomLoadArgs, RoomLoadResult } from '../lib/jobs/roomLoad';
import { watchServer } from '../lib/serverWatch';
import { now, round, sleep } from '../lib/stats';
import type { FigureSpec, GeneratorJob, Measurement, Mode, Scenario } from '../lib/types';

interface Sizes {
  connections: number;
  boards: number;
  /** Full Yjs clients on each board; the board's other connections are lightweight sockets. */
  fullPerBoard: number;
  rateHz: number;
  durationMs: number;
  settleMs: number;
  seedCards: number;
  generators: number;
  /** Boards whose clients connect at the same time while the load is set up. */
  connectBoards: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: {
    connections: 100,
    boards: 10,
    fullPerBoard: 2,
    rateHz: 1,
    durationMs: 4_000,
    settleMs: 1000,
    seedCards: 20,
    generators: 1,
    connectBoards: 4
  },
  full: {
    connections: 2000,
    boards: 200,
    fullPerBoard: 2,
    rateHz: 1,
    durationMs: 60_000,
    settleMs: 3000,
    seedCards: 20,
    generators: 2,
    connectBoards: 10
  }
};

const SPECS: FigureSpec[] = [
  { key: 'p50', figure: 'median edit latency', unit: 'ms' },
  { key: 'p99', figure: 'p99 edit latency', unit: 'ms' },
  { key: 'cpu', figure: 'server CPU (edit window)', unit: '%' },
  { key: 'rss', figure: 'server peak RSS', unit: 'MB' },
  { key: 'failed', figure: 'failed connections', unit: 'count', noRatio: true },
  { key: 'undelivered', figure: 'edits not delivered within the settle time', unit: '%', noRatio: true }
];

export const scenario: Scenario = {
  id: '3',
  title: 'Many boards',
  sizes(mode) {
    const s = SIZES[mode];
    return (
      `${s.connections} connections over ${s.boards} boards, ${s.fullPerBoard} full Yjs clients per board ` +
      `each editing ${s.rateHz}/s for ${s.durationMs / 1000} s`
    );
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const perBoard = Math.floor(sizes.connections / sizes.boards);
    const result = await ctx.interleave(SPECS, async (peer) => {
      const gens = await ctx.generators(sizes.generators);
      const rooms: string[] = [];
      for (let b = 0; b < sizes.boards; b++) rooms.push(await peer.createRoom(`many-boards-${b}`));
      const jobs: GeneratorJob<RoomLoadResult>[] = [];
      try {
        const setup = await forEachLimited(sizes.boards, sizes.connectBoards, async (b) => {
          const args: RoomLoadArgs = {
            ...targetOf(peer),
            room: rooms[b] ?? '',
            full: Math.min(sizes.fullPerBoard, perBoard),
            light: Math.max(0, perBoard - sizes.fullPerBoard),
            editors: Math.min(sizes.fullPerBoard, perBoard),
            rateHz: sizes.rateHz,
            durationMs: sizes.durationMs,
            senderPrefix: `b${b}c`,
            seedCards: sizes.seedCards,
            settleMs: sizes.settleMs
          };
          const job = gens[b % gens.length]!.run<RoomLoadResult>('lib/jobs/roomLoad.ts', 'roomLoad', args);
          jobs.push(job);
          await job.event('ready');
        });
        if (setup.failed > 0) throw new Error(`${setup.failed} boards failed to set up: ${setup.firstError}`);

        const cpu = ctx.monitorCpu(gens.map((gen) => gen.pid));
        const startAt = now() + 500;
        for (const job of jobs) job.signal('go', { startAt });
        await sleep(startAt - now());
        const server = watchServer(ctx.sample, peer.pid, 500);
        await sleep(sizes.durationMs);
        const watched = server.stop();
        const results = (await Promise.all(jobs.map((job) => job.result))).map((r) => r.value);
        const generatorCpuPeak = cpu.stop().peakPercent;

        const all: Histogram = {};
        let failed = 0;
        let expected = 0;
        let received = 0;
        for (const r of results) {
          merge(merge(all, r.fullLatency), r.lightLatency);
          failed += r.connectFailed;
          expected += r.sent * Math.max(0, r.connected - 1);
          received += count(r.fullLatency) + count(r.lightLatency);
        }
        const m: Measurement = {
          values: {
            p50: histogramPercentile(all, 50),
            p99: histogramPercentile(all, 99),
            cpu: (watched.cpuMs / watched.wallMs) * 100,
            rss: watched.peakRssBytes / 2 ** 20,
            failed,
            undelivered: expected > 0 ? (100 * Math.max(0, expected - received)) / expected : null
          },
          generatorCpuPeak,
          notes: []
        };
        const error = results.find((r) => r.connectError)?.connectError;
        if (failed > 0) m.notes!.push(`${peer.name}: ${failed} connections failed (${error ?? '?'})`);
        return m;
      } finally {
        // 'go' too: a job still waiting for it (the setup failed) would never end otherwise.
        for (const job of jobs) {
          job.signal('stop');
          job.signal('go', { startAt: now() });
        }
        await Promise.all(jobs.map((job) => job.result.catch(() => undefined)));
      }
    });
    const full = Math.min(sizes.fullPerBoard, perBoard);
    result.notes.unshift(
      `Each board: ${full} full Yjs clients (y-websocket's WebsocketProvider, HocuspocusProvider for ` +
        `Hocuspocus) and ${perBoard - full} lightweight sockets; one of the full clients first adds ` +
        `${sizes.seedCards} cards. The full clients edit ${sizes.rateHz}/s each, so the servers take ` +
        `${round(sizes.boards * full * sizes.rateHz, 0)} edits/s, each broadcast to ${perBoard - 1} others. ` +
        'The lightweight sockets only listen: an edit with its deliveries costs the generator about 1 ms of ' +
        'CPU, so every connection editing 1/s would need about two cores of load generation.',
      'Latency is over every (edit, receiving client) pair, send to arrival, clocks shared on one machine. ' +
        'Server CPU is its CPU time over the edit window divided by the window (100 % = one core; the server ' +
        'is pinned to one core). Undelivered: (edit, receiver) pairs still missing after the settle time.'
    );
    return result;
  }
};
