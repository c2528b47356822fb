/**
 * `npm run bench [-- --full] [--only 1,2] [--servers stageboard,hocuspocus+sqlite] [--repeats N]
 * [--no-build | --build]`: runs the scenarios against every server and prints a table of medians
 * with Stageboard's ratio to the best peer. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { createContext } from './lib/context';
import { GeneratorPool, GENERATOR_CPU } from './lib/generator';
import { pinPrefix } from './lib/proc';
import { headroom, notes, RATIO_NOTE, textTable, type ScenarioReport } from './lib/report';
import { machine, resultsMarkdown, versions, type RunRecord } from './lib/results';
import { lineChart } from './lib/svg';
import type { Mode, PeerLauncher } from './lib/types';
import { scenarios } from './scenarios/index';
import { launcherByName, launchers as allLaunchers } from './servers/index';
import { REPO_ROOT } from './servers/spawnPeer';
import { ensureStageboardBuild } from './servers/stageboard';

const BENCH = import.meta.dirname;

/** A bad command line: printed without a stack. */
class UsageError extends Error {}
const log = (message: string): void => void process.stderr.write(`${message}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      only: { type: 'string' },
      servers: { type: 'string' },
      repeats: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    log('usage: npm run bench -- [--full] [--only 1,2,6] [--servers a,b] [--repeats N] [--no-build|--build]');
    log(`servers: ${allLaunchers.map((l) => l.name).join(', ')}`);
    process.exit(0);
  }
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new UsageError('--repeats must be a positive integer');
  const only = values.only?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !scenarios.some((s) => s.id === id)) ?? [];
  if (unknown.length) {
    throw new UsageError(
      `unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.id).join(', ')}`
    );
  }
  const launchers: PeerLauncher[] = values.servers
    ? values.servers.split(',').map((name) => {
        const launcher = launcherByName(name.trim());
        if (!launcher)
          throw new UsageError(
            `unknown server ${name}; known: ${allLaunchers.map((l) => l.name).join(', ')}`
          );
        return launcher;
      })
    : [...allLaunchers];
  const mode: Mode = values.full ? 'full' : 'quick';
  return { mode, only, launchers, repeats, noBuild: values['no-build'], forceBuild: values.build };
}

/** Moves this driver process to the generators' CPU, off the servers' core. */
function pinSelf(): boolean {
  const prefix = pinPrefix(GENERATOR_CPU);
  if (prefix.length === 0) return false;
  try {
    execFileSync(prefix[0]!, ['-pc', String(GENERATOR_CPU), String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const opts = options();
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  if (opts.launchers.some((l) => l.name === 'stageboard')) {
    log(`Stageboard: ${ensureStageboardBuild({ skip: opts.noBuild, force: opts.forceBuild })}`);
  }
  const pinned = pinSelf();
  const servers = opts.launchers.map((l) => l.name);
  log(`Mode ${opts.mode}, ${opts.repeats} repeats, servers: ${servers.join(', ')}`);
  if (!pinned) log('taskset unavailable: servers and generators are not pinned to separate cores');
  const pool = new GeneratorPool();
  const ctx = createContext({ mode: opts.mode, launchers: opts.launchers, repeats: opts.repeats, pool, log });
  const reports: ScenarioReport[] = [];
  try {
    for (const entry of scenarios) {
      if (opts.only && !opts.only.includes(entry.id)) continue;
      const scenario = await entry.load();
      const sizes = scenario.sizes(opts.mode);
      log(`\nScenario ${scenario.id}: ${scenario.title} — ${sizes}`);
      const t0 = performance.now();
      try {
        const result = await scenario.run(ctx);
        for (const figure of result.figures) figure.scenario = scenario.id;
        reports.push({
          id: scenario.id,
          title: scenario.title,
          sizes,
          result,
          seconds: (performance.now() - t0) / 1000
        });
      } catch (error) {
        log(
          `Scenario ${scenario.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        );
        const failed = `scenario failed: ${error instanceof Error ? error.message : String(error)}`;
        reports.push({
          id: scenario.id,
          title: scenario.title,
          sizes,
          result: { figures: [], generatorCpuPeak: 0, notes: [failed] },
          seconds: (performance.now() - t0) / 1000
        });
      }
    }
  } finally {
    pool.close();
    ctx.dispose();
  }

  const seconds = (performance.now() - started) / 1000;
  const out = [
    '',
    `Stageboard benchmark, ${opts.mode} mode (${opts.repeats} repeats, medians), ${Math.round(seconds)} s`,
    ...reports.map((r) => `  ${r.id}. ${r.title}: ${r.sizes}`),
    '',
    RATIO_NOTE,
    '',
    textTable(reports, servers),
    '',
    ...notes(reports),
    '',
    ...headroom(reports),
    ''
  ];
  process.stdout.write(out.join('\n'));

  const record: RunRecord = {
    mode: opts.mode,
    command,
    startedAt,
    seconds,
    repeats: opts.repeats,
    servers,
    machine: machine(pinned),
    versions: versions(REPO_ROOT),
    scenarios: reports
  };
  const resultsDir = path.join(BENCH, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(record, null, 2));
  const chart = reports.find((r) => r.id === '1')?.result.chart;
  if (opts.mode === 'full') {
    // Formatted as `npm run lint` (prettier --check .) expects.
    const file = path.join(BENCH, 'RESULTS.md');
    const config = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(resultsMarkdown(record), { ...config, filepath: file }));
    if (chart) writeFileSync(path.join(BENCH, 'latency.svg'), lineChart(chart));
    log('Wrote bench/RESULTS.md, bench/latency.svg and bench/results/latest.json');
  } else {
    if (chart) writeFileSync(path.join(resultsDir, 'latency.svg'), lineChart(chart));
    log('Wrote bench/results/latest.json (quick runs leave bench/RESULTS.md alone)');
  }
}

// Ctrl-C or a kill: exit through process.exit so the servers' exit hook (servers/spawnPeer.ts) runs.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) log(error.message);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  }
);
