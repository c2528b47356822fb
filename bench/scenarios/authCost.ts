/**
 * Scenario 8 — what accounts cost Stageboard, in process (no server; the peers have no accounts,
 * so there is nothing to compare and no ratio). On a big board made from a built-in template, a
 * client replica makes typical edits (a title edit, a move to another stage, a checklist tick, a
 * new card) and the server's code takes each update as a room does: the role check
 * (checkUpdate), the activity probe (probeActivity + finish) and Y.applyUpdate, each timed. Then
 * the lookups a WebSocket upgrade waits for: the session behind the cookie (userForToken), and
 * with it the membership and the board's row, against a SQLite file. Runs in a generator process.
 */
import type { AuthCostArgs, AuthCostResult, Part, Percentiles } from '../lib/jobs/authCost';
import { PARTS, UPDATE_KINDS } from '../lib/jobs/authCost';
import { median, round } from '../lib/stats';
import type { Figure, Mode, Scenario } from '../lib/types';

const SIZES: Record<Mode, AuthCostArgs> = {
  quick: { template: 'campaign-execution', cards: 2000, updatesPerKind: 300, warmup: 100, lookups: 2000 },
  full: { template: 'campaign-execution', cards: 2000, updatesPerKind: 1000, warmup: 200, lookups: 20_000 }
};

const PART_LABELS: Record<Part, string> = {
  decode: 'Y.decodeUpdate (protocol validation, before accounts too)',
  apply: 'Y.applyUpdate alone',
  check: 'checkUpdate (role check) alone',
  activity: 'probeActivity + finish',
  checks: 'checkUpdate + activity probe (what auth adds)'
};

interface Row {
  figure: string;
  unit: Figure['unit'];
  value(r: AuthCostResult): number;
}

const ROWS: Row[] = [
  ...PARTS.flatMap((part): Row[] => [
    { figure: `${PART_LABELS[part]}, median`, unit: 'µs/update', value: (r) => r.all[part].p50 },
    { figure: `${PART_LABELS[part]}, p99`, unit: 'µs/update', value: (r) => r.all[part].p99 }
  ]),
  {
    figure: 'checks ÷ applying (medians)',
    unit: '%',
    value: (r) => (100 * r.all.checks.p50) / r.all.apply.p50
  },
  { figure: 'session lookup on upgrade (userForToken), median', unit: 'µs', value: (r) => r.session.p50 },
  {
    figure: 'upgrade admission (session + membership + board row), median',
    unit: 'µs',
    value: (r) => r.admission.p50
  }
];

export const scenario: Scenario = {
  id: '8',
  title: 'Cost of accounts and update checks (Stageboard only, in process)',
  sizes(mode) {
    const s = SIZES[mode];
    return (
      `a ${s.cards}-card board from the ${s.template} template, ${s.updatesPerKind} updates of each of ` +
      `${UPDATE_KINDS.length} kinds, ${s.lookups} upgrade lookups`
    );
  },
  async run(ctx) {
    if (!ctx.launchers.some((l) => l.name === 'stageboard')) {
      return { figures: [], generatorCpuPeak: 0, notes: ['skipped: Stageboard is not among the servers'] };
    }
    const args = SIZES[ctx.mode];
    const [gen] = await ctx.generators(1);
    const results: AuthCostResult[] = [];
    for (let repeat = 0; repeat < ctx.repeats; repeat++) {
      const job = gen!.run<AuthCostResult>('lib/jobs/authCost.ts', 'measureAuthCost', args);
      const result = (await job.result).value;
      results.push(result);
      ctx.log(
        `  repeat ${repeat + 1}/${ctx.repeats}: apply ${us(result.all.apply)}, check ${us(result.all.check)}, ` +
          `activity ${us(result.all.activity)}, session ${us(result.session)} (µs p50/p99)`
      );
    }
    const figures: Figure[] = ROWS.map((row) => {
      const runs = results.map((r) => round(row.value(r), 2));
      return {
        scenario: '',
        figure: row.figure,
        unit: row.unit,
        noRatio: true,
        server: 'stageboard',
        median: median(runs),
        runs
      };
    });
    return { figures, generatorCpuPeak: 0, notes: notesOf(results) };
  }
};

function us(p: Percentiles): string {
  return `${round(p.p50, 1)}/${round(p.p99, 1)}`;
}

function notesOf(results: AuthCostResult[]): string[] {
  const first = results[0];
  if (!first) return [];
  const byKind = UPDATE_KINDS.map((kind) => {
    const mid = (part: Part): number => median(results.map((r) => r.byKind[kind][part].p50)) ?? Number.NaN;
    const bytes = median(results.map((r) => r.bytes[kind])) ?? 0;
    return (
      `${kind} (${Math.round(bytes)} B): decode ${round(mid('decode'), 1)}, apply ${round(mid('apply'), 1)}, check ${round(mid('check'), 1)}, ` +
      `activity ${round(mid('activity'), 1)} µs`
    );
  });
  const silent = results.reduce((sum, r) => sum + r.silent, 0);
  return [
    `Board: ${first.cards} cards after the edits, ${round(first.boardBytes / 1e6, 2)} MB as one update before ` +
      'them; stages, gates and checklists from the template, every card seeded with its stage’s checklist.',
    'Each update is made on a client replica with the board operations (setCardTitle appending a word, ' +
      'moveCard to a stage it may enter now, setChecklistItemDone, addCard), kinds in turn, and taken by a ' +
      'server copy in Room’s order: Y.decodeUpdate (the protocol decoder’s validation), checkUpdate as an ' +
      'editor on those structs, probeActivity, Y.applyUpdate, finish. ' +
      'Y.applyUpdate is timed on a document with no observers: the room’s own update handler ' +
      '(store append, broadcast) is not in it. Medians by kind: ' +
      `${byKind.join('; ')}.`,
    'Upgrade lookups: AuthService.userForToken on a SQLite file (the session and its user), then ' +
      'MembershipService.require and DocStore.getBoard, as attachSync awaits them before the upgrade; ' +
      'sequential calls, the file in the page cache.',
    ...(silent > 0 ? [`${silent} timed updates reported no activity (each kind should report one).`] : [])
  ];
}
