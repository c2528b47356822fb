/**
 * Scenario 5 — cold open: a big board stored on disk, opened by a freshly started server.
 * (a) Every persistent server: the board is stored, the server restarted (new process, data on
 * disk), and one client times its connection until its doc holds every card. (b) Stageboard only,
 * as the only one with a UI: Chromium navigates to the board page on a freshly started server and
 * the page's own clock times navigation start until every card is rendered and draggable.
 * Stageboard's board is written into its SQLite store while it is stopped (scripts/big-board.ts's
 * way); the peers get the same document pushed by a client, then a graceful stop.
 */
import path from 'node:path';
import { buildBoard, saveChunks } from '../lib/bigBoard';
import { cookieFor, targetOf } from '../lib/clients/target';
import type { BrowserOpenArgs, BrowserOpenResult } from '../lib/jobs/browserOpen';
import type { OpenArgs, OpenResult, PushArgs } from '../lib/jobs/bigDoc';
import { waitQuiet } from '../lib/serverWatch';
import { seedStageboardStore } from '../lib/stageboardSeed';
import { round } from '../lib/stats';
import type { FigureSpec, Measurement, Mode, RunningPeer, Scenario } from '../lib/types';

interface Sizes {
  cards: number;
  stages: number;
  timeoutMs: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: { cards: 1000, stages: 8, timeoutMs: 60_000 },
  full: { cards: 5000, stages: 8, timeoutMs: 120_000 }
};
/** Past Hocuspocus's default store debounce (2 s), so every peer has written before it is stopped. */
const PERSIST_WAIT_MS = 2500;
const JOBS = 'lib/jobs/bigDoc.ts';

export const scenario: Scenario = {
  id: '5',
  title: 'Cold open',
  sizes(mode) {
    const s = SIZES[mode];
    return `a ${s.cards}-card board (${s.stages} stages) on disk, opened after a restart; Chromium for Stageboard`;
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const built = buildBoard({ cards: sizes.cards, stages: sizes.stages, descriptionChars: 0 });
    const chunksFile = path.join(ctx.tempDir('cold-open-board'), 'board.bin');
    saveChunks(chunksFile, built.chunks);
    const specs: FigureSpec[] = [
      { key: 'load', figure: `restart, then one client until all ${sizes.cards} cards are in`, unit: 'ms' },
      {
        key: 'browser',
        figure: `Chromium: navigation to ${sizes.cards} cards rendered and draggable`,
        unit: 'ms',
        noRatio: true
      }
    ];

    const result = await ctx.interleave(specs, async (peer, m) => {
      const out: Measurement = { values: {}, reasons: {}, generatorCpuPeak: 0, notes: [] };
      const reasons = out.reasons as Record<string, string>;
      if (peer.name !== 'stageboard') reasons.browser = 'no UI: only Stageboard serves board pages';
      if (!m.launcher.persistent) {
        reasons.load = `cannot cold-open: ${m.launcher.persistenceNote ?? 'nothing is stored across a restart'}`;
        return out;
      }
      const [gen] = await ctx.generators(1);
      let running: RunningPeer = peer;
      try {
        let room: string;
        if (peer.name === 'stageboard') {
          await peer.stop();
          room = await seedStageboardStore(m.dataDir, built.chunks, 'Cold open');
        } else {
          room = await peer.createRoom('cold-open');
          const push: PushArgs = {
            ...targetOf(peer),
            room,
            chunksFile,
            cards: sizes.cards,
            hold: false,
            timeoutMs: sizes.timeoutMs
          };
          await gen!.run(JOBS, 'pushBoard', push).result;
          await waitQuiet(ctx.sample, peer.pid, { minMs: PERSIST_WAIT_MS });
        }
        running = await restarted(ctx.sample, peer);
        const openArgs: OpenArgs = {
          ...targetOf(running),
          room,
          cards: sizes.cards,
          timeoutMs: sizes.timeoutMs
        };
        const open = (await gen!.run<OpenResult>(JOBS, 'timedOpen', openArgs).result).value;
        // Headroom matters while (a) is timed; (b)'s client is Chromium itself, measured as a whole.
        out.generatorCpuPeak = Number.isFinite(open.busyPercent) ? open.busyPercent : 0;
        if (open.cards < sizes.cards || !Number.isFinite(open.ms)) {
          reasons.load = `served ${open.cards} of ${sizes.cards} cards after the restart`;
        } else {
          out.values.load = open.ms;
          if (open.ms - open.stepTwoMs > 20) {
            out.notes!.push(
              `${peer.name} answers the sync handshake before loading its store (an empty step 2); ` +
                'the board follows as an update, and (a) times until it is in.'
            );
          }
        }
        if (peer.name === 'stageboard') {
          running = await restarted(ctx.sample, running);
          const browser: BrowserOpenArgs = {
            url: `http://127.0.0.1:${running.port}/boards/${room}`,
            cookie: cookieFor(running, 0),
            cards: sizes.cards,
            timeoutMs: sizes.timeoutMs
          };
          const page = (
            await gen!.run<BrowserOpenResult>('lib/jobs/browserOpen.ts', 'browserOpen', browser).result
          ).value;
          if (page.cards === sizes.cards) out.values.browser = page.ms;
          else reasons.browser = `the page showed ${page.cards} of ${sizes.cards} cards`;
        }
      } finally {
        if (running !== peer) await running.stop();
      }
      return out;
    });
    result.notes.unshift(
      `Board: ${built.cards} cards over ${sizes.stages} stages, ${round(built.bytes / 1024, 0)} KB as one update, ` +
        'built with the board model (initBoard, addCards) as scripts/big-board.ts does.',
      '(a) is timed in a generator process from opening the socket until the message that completed the ' +
        'board arrived (the client applies what arrives and checks every card is there; its own decoding, the ' +
        'same for every server, is not timed). Each server is restarted on its data directory and idle before ' +
        'the client connects; files are in the page cache. Generator CPU for 5 is its average over (a).',
      '(b) is Stageboard only (the peers have no UI): Chromium in a fresh context (no HTTP or IndexedDB cache) on ' +
        'a freshly started server, timed by performance.now() in the page at the first animation frame with ' +
        'every .card present and one draggable="true".'
    );
    return result;
  }
};

/** Restarts `peer` (graceful stop, same data directory) and waits until the new process is idle. */
async function restarted(sample: Parameters<typeof waitQuiet>[0], peer: RunningPeer): Promise<RunningPeer> {
  const next = await peer.restart();
  try {
    await waitQuiet(sample, next.pid, { windowMs: 500 });
  } catch (error) {
    await next.stop();
    throw error;
  }
  return next;
}
