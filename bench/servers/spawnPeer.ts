import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pinPrefix } from '../lib/proc';
import type { Protocol, RunningPeer, ServerName } from '../lib/types';

/** The repository root (bench/servers/ is two levels down). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The CPU servers run on; load generators get SERVER_CPU + 1. */
export const SERVER_CPU = 0;

export interface PeerSpec {
  name: ServerName;
  protocol: Protocol;
  /** Command and arguments (without the taskset prefix). */
  command: string[];
  env(port: number): NodeJS.ProcessEnv;
  wsUrl(port: number): string;
  createRoom(port: number, label: string): Promise<string>;
  /**
   * Runs once the server answers, after every restart too, before the peer is handed out; returns
   * RunningPeer.cookies. Stageboard signs its bench accounts in here; servers without accounts omit it.
   */
  signIn?(port: number): Promise<string[]>;
}

/** Server processes still running: killed if the driver exits without stopping them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A port that was free a moment ago (the OS picks it; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server of `spec` on a free port and waits until it answers HTTP. */
export async function spawnPeer(spec: PeerSpec, port?: number): Promise<RunningPeer> {
  const chosen = port ?? (await freePort());
  const argv = [...pinPrefix(SERVER_CPU), ...spec.command];
  const child = spawn(argv[0] ?? 'node', argv.slice(1), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...spec.env(chosen) },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  live.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    })
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name}: spawn failed (${argv.join(' ')})`);
  let cookies: string[] | undefined;
  try {
    await waitForHttp(chosen, exited, 60_000);
    cookies = await spec.signIn?.(chosen);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${spec.name} did not start: ${(error as Error).message}\n${stderr}`);
  }

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    name: spec.name,
    protocol: spec.protocol,
    pid,
    port: chosen,
    wsUrl: spec.wsUrl(chosen),
    cookies,
    createRoom: (label) => spec.createRoom(chosen, label),
    stop: () => stop('SIGTERM'),
    kill: () => stop('SIGKILL'),
    restart: async () => {
      await stop('SIGTERM');
      return spawnPeer(spec, chosen);
    }
  };
}

/** Resolves once GET / on `port` gets any HTTP answer; rejects if the process exits first. */
async function waitForHttp(port: number, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`exited with code ${gone}`);
    if (await answers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no answer on port ${port} within ${timeoutMs} ms`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}
