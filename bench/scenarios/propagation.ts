/**
 * Scenario 1 — propagation latency: N clients on one board, every one making small edits (card
 * moves and title keystrokes, alternately) at a steady rate; latency from an edit's send time to
 * its arrival at every other client. A sample of clients are full Yjs clients (the server's own
 * client library; arrival = after Yjs applied the update); the others are lightweight sockets
 * that write real Yjs edits but time arrivals at the socket, so the generator stays light.
 */
import { histogramPercentile } from '../lib/clients/histogram';
import { runRoom } from '../lib/roomRun';
import { round } from '../lib/stats';
import type { Chart, FigureSpec, Measurement, Mode, Scenario, ScenarioResult } from '../lib/types';

interface Sizes {
  clients: number[];
  /** Full Yjs clients among them (at most). */
  fullClients: number;
  rateHz: number;
  durationMs: number;
  settleMs: number;
  /** Clients per generator process. */
  perGenerator: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: {
    clients: [10, 40],
    fullClients: 10,
    rateHz: 3,
    durationMs: 1000,
    settleMs: 1000,
    perGenerator: 100
  },
  // 0.5 edits/s, not 1: at 1/s, 200 clients make 40,000 deliveries/s and the generator's one core
  // measured 60 % mean / 84 % peak with a p99 four times higher than at 0.5/s (see bench/README.md).
  full: {
    clients: [50, 200],
    fullClients: 10,
    rateHz: 0.5,
    durationMs: 20_000,
    settleMs: 3000,
    perGenerator: 100
  }
};
const PERCENTILES = [50, 95, 99] as const;

export const scenario: Scenario = {
  id: '1',
  title: 'Propagation latency',
  sizes(mode) {
    const s = SIZES[mode];
    return (
      `${s.clients.join(' and ')} clients on one board, each editing ${s.rateHz}/s for ${s.durationMs / 1000} s ` +
      `(up to ${s.fullClients} full Yjs clients, the rest lightweight sockets)`
    );
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const specs: FigureSpec[] = sizes.clients.flatMap((n) =>
      PERCENTILES.map((p) => ({
        key: `p${p}@${n}`,
        figure: `p${p} latency, ${n} clients`,
        unit: 'ms' as const
      }))
    );
    const result = await ctx.interleave(specs, async (peer) => {
      const m: Measurement = { values: {}, generatorCpuPeak: 0, notes: [] };
      for (const n of sizes.clients) {
        const room = await peer.createRoom(`propagation-${n}`);
        const full = Math.min(n, sizes.fullClients);
        const run = await runRoom(ctx, peer, room, {
          generators: Math.ceil(n / sizes.perGenerator),
          full,
          light: n - full,
          editors: 'all',
          rateHz: sizes.rateHz,
          durationMs: sizes.durationMs,
          settleMs: sizes.settleMs,
          seedCards: 20,
          tag: ''
        });
        for (const p of PERCENTILES) m.values[`p${p}@${n}`] = histogramPercentile(run.all, p);
        m.generatorCpuPeak = Math.max(m.generatorCpuPeak, run.generatorCpuPeak);
        const expected = run.sent * (n - 1);
        if (run.connected < n) m.notes?.push(`${peer.name}: only ${run.connected} of ${n} clients connected`);
        if (run.received < expected) {
          const pct = round((100 * run.received) / Math.max(1, expected), 2);
          m.notes?.push(`${peer.name} at ${n} clients delivered ${pct} % of edits within the settle time`);
        }
      }
      return m;
    });
    result.notes.unshift(
      `Full Yjs clients: up to ${sizes.fullClients} per size (y-websocket's WebsocketProvider, ` +
        `HocuspocusProvider for Hocuspocus); the others are lightweight sockets timing arrival at the socket.`
    );
    return { ...result, chart: chartOf(result, sizes.clients) };
  }
};

function chartOf(result: ScenarioResult, clients: number[]): Chart {
  const servers = [...new Set(result.figures.map((f) => f.server))];
  return {
    title: 'Scenario 1: edit-to-arrival latency against clients on one board (medians of repeats)',
    xLabel: 'clients on the board',
    yLabel: 'latency (ms)',
    series: servers.flatMap((server) =>
      PERCENTILES.map((p) => ({
        server,
        label: `p${p}`,
        points: clients.flatMap((n): [number, number][] => {
          const median = result.figures.find(
            (f) => f.server === server && f.figure === `p${p} latency, ${n} clients`
          )?.median;
          return typeof median === 'number' ? [[n, median]] : [];
        })
      }))
    )
  };
}
