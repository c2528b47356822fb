/**
 * Two Stageboard builds side by side in one Chromium: does a change make the big board open or
 * drag slower? Each checkout gets its own data directory holding the same big board (written by
 * that checkout's own scripts/big-board.ts) and its own server; rounds alternate between them,
 * the order flipping every round, so drift on this shared machine falls on both alike.
 *
 *   npx tsx bench/ui-compare.ts --base /path/to/old-checkout [--head .] [--cards 2000] [--rounds 6]
 *                               [--trace dir] [--server-prof dir] [--no-sw]
 *
 * Both checkouts must be built (`npm run build`). `--trace` also writes a Chrome trace of each
 * build's first open (open it in chrome://tracing or Perfetto) to see where the time went, and
 * `--server-prof dir` a V8 CPU profile of each server (dir/base, dir/head) for the server's part.
 *
 * open: navigation until the last card is in the DOM and one is draggable (the page's own clock);
 * drag: the first card of the first column dropped onto the last column, until the first column
 * shows one card fewer. Issue 15 asked for the 2,000-card board to stay as fast as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '#tests/chromium';
import { median as medianOrNull } from './lib/stats';

const median = (values: readonly number[]): number => medianOrNull(values) ?? Number.NaN;

const STAGES = 8;
const TIMEOUT_MS = 120_000;

interface Build {
  name: string;
  dir: string;
  dataDir: string;
  port: number;
  server: ChildProcess;
  cookie: string;
  boardUrl: string;
  open: number[];
  drag: number[];
  /** CPU time of the page's main thread from navigation to the open (thread ticks, not wall time). */
  cpu: number[];
}

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    head: { type: 'string', default: '.' },
    cards: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '6' },
    trace: { type: 'string' },
    'server-prof': { type: 'string' },
    // Without the service worker: its first-visit install competes with the page on this
    // machine's two cores, so the page's own speed is seen apart from it.
    'no-sw': { type: 'boolean', default: false }
  }
});
if (!values.base) {
  console.error(
    'ui-compare: --base <checkout> is required (a built checkout of the commit to compare with).'
  );
  process.exit(2);
}
const cards = Number(values.cards);
const rounds = Number(values.rounds);

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}`))
    )
  );
}

async function start(name: string, dir: string): Promise<Build> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `ui-compare-${name}-`));
  const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
  await run(
    'npx',
    ['tsx', 'scripts/big-board.ts', '--cards', String(cards), '--stages', String(STAGES)],
    dir,
    env
  );
  const port = await freePort();
  // --cpu-prof writes the server's profile when it exits (SIGTERM at the end of the run).
  const prof = values['server-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(values['server-prof'], name)}`]
    : [];
  const server = spawn('node', [...prof, 'build-server/index.js'], {
    cwd: dir,
    env: { ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${origin}/healthz`).then(
        (r) => r.ok,
        () => false
      )
    )
      break;
    if (i > 300) throw new Error(`${name}: the server on ${port} did not answer /healthz`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The first account adopts the fixture's board (scripts/big-board.ts).
  const res = await fetch(`${origin}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ui-compare@bench.local', password: 'ui-compare-password', name: 'bench' })
  });
  if (res.status !== 201) throw new Error(`${name}: sign-up answered ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';', 1)[0]!)[0]!;
  const list = await fetch(`${origin}/api/boards`, { headers: { cookie } });
  const { boards } = (await list.json()) as { boards: { id: string }[] };
  if (!boards[0]) throw new Error(`${name}: the fixture's board is not listed`);
  return {
    name,
    dir,
    dataDir,
    port,
    server,
    cookie,
    boardUrl: `${origin}/boards/${boards[0].id}`,
    open: [],
    cpu: [],
    drag: []
  };
}

async function measure(browser: Browser, build: Build, traceFile?: string): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 2560, height: 1000 },
    locale: 'zh-CN',
    serviceWorkers: values['no-sw'] ? 'block' : 'allow'
  });
  const eq = build.cookie.indexOf('=');
  await context.addCookies([
    {
      name: build.cookie.slice(0, eq),
      value: build.cookie.slice(eq + 1),
      url: new URL('/', build.boardUrl).href
    }
  ]);
  const page = await context.newPage();
  // CPU time, unlike the wall clock, hardly moves with what else this shared machine runs.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (traceFile) await browser.startTracing(page, { path: traceFile, screenshots: false });
  await page.goto(build.boardUrl, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  const opened = await page.waitForFunction(
    (n: number) =>
      document.querySelectorAll('.card').length >= n && document.querySelector('.card[draggable="true"]')
        ? performance.now()
        : false,
    cards,
    { polling: 'raf', timeout: TIMEOUT_MS }
  );
  build.open.push((await opened.jsonValue()) as number);
  const { metrics } = await cdp.send('Performance.getMetrics');
  build.cpu.push((metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000);
  if (traceFile) await browser.stopTracing();
  build.drag.push(await drag(page));
  await context.close();
}

async function drag(page: Page): Promise<number> {
  const columns = page.locator('section.column');
  const first = columns.first().locator('.card');
  const before = await first.count();
  const target = columns.last().locator('.card').first();
  const started = await page.evaluate(() => performance.now());
  await first.first().dragTo(target, { targetPosition: { x: 20, y: 4 } });
  await page.waitForFunction(
    (n: number) => document.querySelector('section.column')!.querySelectorAll('.card').length === n,
    before - 1,
    { polling: 'raf', timeout: TIMEOUT_MS }
  );
  return (await page.evaluate(() => performance.now())) - started;
}

const builds = [
  await start('base', path.resolve(values.base)),
  await start('head', path.resolve(values.head))
];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) {
      const trace = r < 2 && values.trace ? path.join(values.trace, `${build.name}.json`) : undefined;
      await measure(browser, build, trace);
      console.log(
        `round ${r + 1} ${build.name}: open ${Math.round(build.open.at(-1)!)} ms ` +
          `(main thread ${Math.round(build.cpu.at(-1)!)} ms CPU), drag ${Math.round(build.drag.at(-1)!)} ms`
      );
    }
  }
} finally {
  await browser.close();
  for (const build of builds) {
    build.server.kill('SIGTERM');
    rmSync(build.dataDir, { recursive: true, force: true });
  }
}
const [base, head] = builds as [Build, Build];
const row = (label: string, a: number[], b: number[]) =>
  `| ${label} | ${Math.round(median(a))} ms | ${Math.round(median(b))} ms | ${(median(b) / median(a)).toFixed(2)}× |`;
console.log(`\n${cards} cards, ${STAGES} stages, ${rounds} rounds (medians)\n`);
console.log('| | base | head | head / base |\n|---|---:|---:|---:|');
console.log(row('open', base.open, head.open));
console.log(row('open, main-thread CPU', base.cpu, head.cpu));
console.log(row('drag', base.drag, head.drag));
