import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PeerLauncher } from '../lib/types';
import { REPO_ROOT, spawnPeer, type PeerSpec } from './spawnPeer';
import { PROCESS_ENV } from '#server/processEnv';
import { StageboardAccounts } from './stageboardAccounts';

/** Newest modification time (ms) of the files under `dir` (recursive), 0 when it does not exist. */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir)) newest = Math.max(newest, newestMtime(path.join(dir, entry)));
  return newest;
}

/**
 * Runs `npm run build` (the client with vite, the server bundled with esbuild) when either output
 * is missing or older than the sources, as `npm start` builds before every start, unless `skip`.
 * Returns what it did, for the log.
 */
export function ensureStageboardBuild(options: { skip: boolean; force: boolean }): string {
  const outputs = ['build/handler.js', 'build-server/index.js'].map((file) => path.join(REPO_ROOT, file));
  const missing = outputs.some((file) => !existsSync(file));
  if (options.skip) return missing ? 'no build and --no-build' : 'build skipped (--no-build)';
  const inputs = ['src', 'server', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
  const newestInput = Math.max(...inputs.map((file) => newestMtime(path.join(REPO_ROOT, file))));
  const built = missing ? 0 : Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  if (!options.force && built > newestInput) return 'build is up to date';
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return 'built with `npm run build`';
}

/**
 * Stageboard exactly as `npm start` runs it after its build: `node build-server/index.js`, with the
 * environment `npm start` sets (server/processEnv.ts).
 * The bench's accounts (stageboardAccounts.ts) sign in at every start; clients connect as the writers.
 */
function spec(dataDir: string): PeerSpec {
  // One set of accounts per data directory: a restart signs the same accounts in again.
  const accounts = new StageboardAccounts();
  return {
    name: 'stageboard',
    protocol: 'y-websocket',
    command: [process.execPath, 'build-server/index.js'],
    env: (port) => ({
      ...PROCESS_ENV,
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn'
    }),
    wsUrl: (port) => `ws://127.0.0.1:${port}/sync`,
    signIn: (port) => accounts.signIn(port),
    createRoom: (port, label) => accounts.createBoard(port, label)
  };
}

export const stageboard: PeerLauncher = {
  name: 'stageboard',
  protocol: 'y-websocket',
  persistent: true,
  start: ({ dataDir }) => spawnPeer(spec(dataDir))
};
