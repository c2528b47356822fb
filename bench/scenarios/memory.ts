/**
 * Scenario 6 — memory: the server's resident memory (VmRSS) per idle connection and per loaded
 * board. One board is loaded with one socket and the RSS read; then N idle sockets join it
 * (handshake done, nothing sent) and the growth ÷ N is the cost of a connection. Then M more
 * boards are each opened by one socket that writes a 30-card board, and the growth ÷ M is the cost
 * of a loaded board (which includes its one connection). No GC is forced: the server runs as
 * shipped, and each reading is taken after a settle period.
 */
import { targetOf } from '../lib/clients/target';
import type { IdleArgs } from '../lib/jobs/idle';
import { sleep } from '../lib/stats';
import type { FigureSpec, GeneratorJob, Mode, Scenario, ServerTarget } from '../lib/types';

interface Sizes {
  connections: number;
  boards: number;
  cards: number;
  settleMs: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: { connections: 200, boards: 20, cards: 30, settleMs: 500 },
  full: { connections: 1000, boards: 100, cards: 30, settleMs: 4000 }
};

const SPECS: FigureSpec[] = [
  { key: 'base', figure: 'RSS with one board and one connection', unit: 'MB' },
  { key: 'perConnection', figure: 'RSS per idle connection', unit: 'KB' },
  { key: 'perBoard', figure: 'RSS per loaded board (30 cards, 1 connection)', unit: 'KB' }
];

export const scenario: Scenario = {
  id: '6',
  title: 'Memory',
  sizes(mode) {
    const s = SIZES[mode];
    return `${s.connections} idle connections on one board, then ${s.boards} boards of ${s.cards} cards`;
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const result = await ctx.interleave(SPECS, async (peer) => {
      const [gen] = await ctx.generators(1);
      const rss = (): number => ctx.sample(peer.pid)?.rssBytes ?? Number.NaN;
      const open = async (args: Omit<IdleArgs, keyof ServerTarget>): Promise<GeneratorJob> => {
        const job = gen!.run('lib/jobs/idle.ts', 'idleConnections', { ...targetOf(peer), ...args });
        const ready = await job.event<{ connected: number; failed: number; error?: string }>('ready');
        if (ready.failed > 0) throw new Error(`${ready.failed} connections failed: ${ready.error ?? ''}`);
        return job;
      };
      const jobs: GeneratorJob[] = [];
      const cpu = ctx.monitorCpu([gen!.pid]);
      try {
        const home = await peer.createRoom('memory-home');
        jobs.push(await open({ rooms: [home], connections: 1, seedCards: sizes.cards }));
        await sleep(sizes.settleMs);
        const base = rss();
        jobs.push(await open({ rooms: [home], connections: sizes.connections }));
        await sleep(sizes.settleMs);
        const withConnections = rss();
        const rooms = await createRooms(peer.createRoom, sizes.boards);
        await sleep(200);
        const beforeBoards = rss();
        jobs.push(await open({ rooms, connections: rooms.length, seedCards: sizes.cards }));
        await sleep(sizes.settleMs);
        const withBoards = rss();
        return {
          values: {
            base: base / 2 ** 20,
            perConnection: (withConnections - base) / sizes.connections / 1024,
            perBoard: (withBoards - beforeBoards) / sizes.boards / 1024
          },
          generatorCpuPeak: cpu.stop().peakPercent
        };
      } finally {
        cpu.stop();
        for (const job of jobs) job.signal('close');
        await Promise.all(jobs.map((job) => job.result.catch(() => undefined)));
      }
    });
    result.notes.unshift(
      "RSS is read from /proc/<pid>/status (VmRSS) after a settle period, without forcing GC; per-board memory includes the board's one connection."
    );
    return result;
  }
};

async function createRooms(createRoom: (label: string) => Promise<string>, count: number): Promise<string[]> {
  const rooms: string[] = [];
  for (let i = 0; i < count; i++) rooms.push(await createRoom(`memory-board-${i}`));
  return rooms;
}
