/**
 * Scenario 7 — durability under a crash: clients edit a board as in scenario 1; at a random moment
 * the server gets SIGKILL. The clients stop at once (no reconnect that could re-upload their
 * edits), the server is started again on the same data directory, and a fresh client reads the
 * board. Lost = edits some other client had received before the kill that are not in the board
 * after the restart. (Each sender's edits carry increasing sequence numbers and Yjs applies one
 * client's edits in order, so "received up to n, kept up to k" means n − k received edits lost.)
 */
import { targetOf } from '../lib/clients/target';
import { runRoom } from '../lib/roomRun';
import { round, sleep } from '../lib/stats';
import type { FigureSpec, Measurement, Mode, Scenario, ServerName } from '../lib/types';
import type { VerifyArgs } from '../lib/jobs/verify';

interface Sizes {
  full: number;
  light: number;
  rateHz: number;
  /** The kill comes at a random time in [min, max] ms after the edits start. */
  killAfterMs: [number, number];
  /** Kills of Stageboard over all repeats (at least; spread evenly), and per repeat of each peer. */
  stageboardKills: number;
  peerKills: number;
}

const SIZES: Record<Mode, Sizes> = {
  quick: { full: 4, light: 6, rateHz: 5, killAfterMs: [500, 1500], stageboardKills: 3, peerKills: 1 },
  full: { full: 20, light: 30, rateHz: 2, killAfterMs: [3000, 12_000], stageboardKills: 5, peerKills: 1 }
};

const SPECS: FigureSpec[] = [
  { key: 'lost', figure: 'received edits missing after restart, per kill', unit: 'count' },
  { key: 'received', figure: 'edits received before the kill, per kill', unit: 'count', noRatio: true },
  { key: 'lostPct', figure: 'share of received edits lost', unit: '%' }
];

export const scenario: Scenario = {
  id: '7',
  title: 'Durability under a crash (SIGKILL)',
  sizes(mode) {
    const s = SIZES[mode];
    return (
      `${s.full + s.light} clients editing ${s.rateHz}/s, SIGKILL after ${s.killAfterMs[0] / 1000}–` +
      `${s.killAfterMs[1] / 1000} s; at least ${s.stageboardKills} kill${s.stageboardKills === 1 ? '' : 's'} of ` +
      `Stageboard in all, ${s.peerKills} per repeat of each peer`
    );
  },
  async run(ctx) {
    const sizes = SIZES[ctx.mode];
    const totals = new Map<ServerName, { kills: number; lost: number; received: number }>();
    const result = await ctx.interleave(SPECS, async (first, { launcher }) => {
      const kills =
        launcher.name === 'stageboard' ? Math.ceil(sizes.stageboardKills / ctx.repeats) : sizes.peerKills;
      const room = await first.createRoom('crash');
      const m: Measurement = { values: {}, generatorCpuPeak: 0, notes: [] };
      let peer = first;
      let lost = 0;
      let received = 0;
      try {
        for (let kill = 0; kill < kills; kill++) {
          const delay = sizes.killAfterMs[0] + Math.random() * (sizes.killAfterMs[1] - sizes.killAfterMs[0]);
          const run = await runRoom(
            ctx,
            peer,
            room,
            {
              generators: 1,
              full: sizes.full,
              light: sizes.light,
              editors: 'all',
              rateHz: sizes.rateHz,
              durationMs: 600_000,
              settleMs: 0,
              seedCards: 20,
              tag: `k${kill}`
            },
            async (jobs) => {
              await sleep(200 + delay);
              await peer.kill();
              for (const job of jobs) job.signal('stop');
            }
          );
          m.generatorCpuPeak = Math.max(m.generatorCpuPeak, run.generatorCpuPeak);
          peer = await peer.restart();
          const [gen] = await ctx.generators(1);
          const args: VerifyArgs = { ...targetOf(peer), room, settleMs: 500 };
          const verified = await gen!.run<{ kept: Record<string, number> }>(
            'lib/jobs/verify.ts',
            'verifyRoom',
            args
          ).result;
          for (const [sender, seq] of Object.entries(run.maxReceived)) {
            if (!sender.startsWith(`k${kill}g`)) continue;
            received += seq;
            lost += Math.max(0, seq - (verified.value.kept[sender] ?? 0));
          }
        }
      } finally {
        if (peer !== first) await peer.stop();
      }
      const total = totals.get(launcher.name) ?? { kills: 0, lost: 0, received: 0 };
      totals.set(launcher.name, {
        kills: total.kills + kills,
        lost: total.lost + lost,
        received: total.received + received
      });
      m.values = {
        lost: lost / kills,
        received: received / kills,
        lostPct: received > 0 ? (100 * lost) / received : 0
      };
      if (!launcher.persistent && launcher.persistenceNote)
        m.notes?.push(`${launcher.name}: ${launcher.persistenceNote}`);
      return m;
    });
    for (const [server, t] of totals) {
      result.notes.push(
        `${server}: ${t.kills} kill${t.kills === 1 ? '' : 's'} in all, ${t.lost} of ${t.received} received edits missing after restart ` +
          `(${round(t.received > 0 ? (100 * t.lost) / t.received : 0, 2)} %)`
      );
    }
    return result;
  }
};
