/** What a run records besides the table: machine, versions, bench/results/latest.json and bench/RESULTS.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headroom, markdownTable, notes, RATIO_NOTE, type ScenarioReport } from './report';
import type { Mode, ServerName } from './types';

const PACKAGES = [
  'yjs',
  'y-protocols',
  'y-websocket',
  '@y/websocket-server',
  'y-leveldb',
  'leveldown',
  '@hocuspocus/server',
  '@hocuspocus/provider',
  '@hocuspocus/extension-sqlite',
  'sqlite3',
  'better-sqlite3',
  'ws',
  'tsx'
];

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  pinned: boolean;
}

export function machine(pinned: boolean): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    pinned
  };
}

/** Installed versions, read from node_modules/<name>/package.json, plus the repository commit. */
export function versions(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PACKAGES) {
    const file = path.join(root, 'node_modules', name, 'package.json');
    if (existsSync(file)) out[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8'
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'src'], {
      cwd: root,
      encoding: 'utf8'
    });
    out.stageboard = `${commit}${dirty.trim() ? ' (with uncommitted changes to server/ or src/)' : ''}`;
  } catch {
    out.stageboard = 'unknown commit';
  }
  return out;
}

export interface RunRecord {
  mode: Mode;
  command: string;
  startedAt: string;
  seconds: number;
  repeats: number;
  servers: ServerName[];
  machine: Machine;
  versions: Record<string, string>;
  scenarios: ScenarioReport[];
}

export function resultsMarkdown(run: RunRecord): string {
  const m = run.machine;
  const lines = [
    '# Benchmark results',
    '',
    `Latest full run: ${run.startedAt}, ${Math.round(run.seconds / 60)} min. Command: \`${run.command}\`.`,
    `Every figure is the median of ${run.repeats} repeat${run.repeats === 1 ? '' : 's'}; ` +
      'servers were interleaved, their order rotated each repeat.',
    'This file and `latency.svg` are rewritten by `npm run bench -- --full`; only the Reading section is written by hand.',
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}`,
    m.pinned
      ? '- Each server ran pinned to CPU 0 (`taskset -c 0`); the load generators and the bench driver to CPU 1.'
      : '- taskset was not available: servers and load generators were not pinned to separate cores.',
    '',
    '## Method',
    '',
    '- Servers: Stageboard as `npm start` runs it (`node build-server/index.js` after `npm run build`), the stock ' +
      '`@y/websocket-server` with and without `YPERSISTENCE` (LevelDB), Hocuspocus with its SQLite extension ' +
      'and default debounce. Each runs alone on its core, one process per measurement, fresh data directory.',
    "- Clients: Stageboard and y-websocket are driven by y-websocket's `WebsocketProvider` (full Yjs " +
      'clients) and by lightweight sockets speaking the y-websocket protocol. Hocuspocus speaks its own ' +
      'framing, so it is driven by its own client, `@hocuspocus/provider`, and by lightweight sockets ' +
      'speaking its framing (document name prefix, auth message first).',
    '- Latency is measured from the send time written into each edit to its arrival, on one machine clock. ' +
      'See `bench/README.md` for each scenario and for how the load generators are kept out of the way.',
    '',
    '## Versions',
    '',
    '| package | version |',
    '| --- | --- |',
    ...Object.entries(run.versions).map(([name, version]) => `| ${name} | ${version} |`),
    '',
    '## Sizes',
    '',
    ...run.scenarios.map((s) => `- ${s.id}. ${s.title}: ${s.sizes}`),
    '',
    '## Results',
    '',
    RATIO_NOTE,
    '',
    markdownTable(run.scenarios, run.servers),
    '',
    ...notes(run.scenarios).map((note) => `- ${note}`),
    '',
    '## Load-generator headroom',
    '',
    ...headroom(run.scenarios).map((line) => `- ${line}`),
    '',
    '## Scenario 1: latency against clients',
    '',
    '![p50, p95 and p99 propagation latency against clients on one board](latency.svg)',
    '',
    '## Reading',
    '',
    'TODO(human): read the numbers above — where Stageboard wins, where it loses and why, and what the',
    'durability figures mean. Replace this paragraph.',
    ''
  ];
  return lines.join('\n');
}
