import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, tempDir, waitFor, type SyncTarget, type TestClient } from '../helpers/syncHarness';

const FIXTURE = fileURLToPath(new URL('../fixtures/syncServer.ts', import.meta.url));
const BOARD = 'crash-board';

/** Starts the fixture server as a child process on `dataDir`; resolves with it, its port and a session. */
async function spawnServer(
  dataDir: string
): Promise<{ child: ChildProcess; port: number; target: SyncTarget }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, DATA_DIR: dataDir, BOARDS: BOARD, LOG_LEVEL: 'warn', VITEST: '' },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const found = await waitFor(
    'the server process to print its port',
    () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const match = /PORT=(\d+)\nCOOKIE=(\S+)\n/.exec(output);
      return match ? { port: Number(match[1]), cookie: match[2] as string } : null;
    },
    20_000
  );
  const { port, cookie } = found;
  return { child, port, target: { syncUrl: `ws://127.0.0.1:${port}/sync`, cookie } };
}

describe('a server killed with SIGKILL', () => {
  const children: ChildProcess[] = [];
  const clients: TestClient[] = [];
  const tmp = tempDir();

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    for (const child of children.splice(0)) child.kill('SIGKILL');
    tmp.cleanup();
  });

  it('keeps every edit that any client received before the kill', async () => {
    const first = await spawnServer(tmp.dir);
    children.push(first.child);
    const watcher = await connectClient(first.target, BOARD);
    const writers = await Promise.all([1, 2, 3].map(() => connectClient(first.target, BOARD)));
    clients.push(watcher, ...writers);

    const timers = writers.map((writer, w) => {
      let i = 0;
      return setInterval(() => {
        writer.doc.transact(() => {
          writer.doc.getMap('items').set(`w${w}-${i}`, i);
          i++;
        });
      }, 2);
    });
    await waitFor(
      'the watcher to receive a stream of edits',
      () => watcher.doc.getMap('items').size >= 300,
      20_000
    );

    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    // Stop the writers at once: a reconnecting writer would resend its edits and hide any loss.
    for (const timer of timers) clearInterval(timer);
    for (const writer of writers) writer.provider.destroy();
    await exited;
    await waitFor('the watcher to notice the kill', () => !watcher.provider.wsconnected);
    watcher.provider.destroy();
    // Everything the watcher holds came from the server, which only sends what is durable.
    const seen = new Map(watcher.doc.getMap('items').entries());
    expect(seen.size).toBeGreaterThanOrEqual(300);

    const second = await spawnServer(tmp.dir);
    children.push(second.child);
    const reader = await connectClient(second.target, BOARD);
    clients.push(reader);
    const after = reader.doc.getMap('items');
    const missing = [...seen.keys()].filter((key) => after.get(key) !== seen.get(key));
    expect(missing).toEqual([]);
    expect(after.size).toBeGreaterThanOrEqual(seen.size);
  }, 60_000);
});
