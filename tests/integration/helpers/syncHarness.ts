import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../../server/app';
import { loadConfig, type Config } from '../../../server/config';
import type { LogFields, Logger } from '../../../server/log';
import type { DocStore } from '../../../server/store/DocStore';
import { SqliteDocStore } from '../../../server/store/SqliteDocStore';

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 10_000
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A temp folder removed by `cleanup()`; holds the SQLite file of one test. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-sync-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A config for a test server: loopback, port 0, the given data folder and overrides. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' }), ...overrides };
}

/** A logger that keeps every line, so tests can assert what the server reported. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; message: string; fields: LogFields }[] = [];
  debug = (message: string, fields: LogFields = {}): void =>
    void this.lines.push({ level: 'debug', message, fields });
  info = (message: string, fields: LogFields = {}): void =>
    void this.lines.push({ level: 'info', message, fields });
  warn = (message: string, fields: LogFields = {}): void =>
    void this.lines.push({ level: 'warn', message, fields });
  error = (message: string, fields: LogFields = {}): void =>
    void this.lines.push({ level: 'error', message, fields });
  find(message: string): LogFields | undefined {
    return this.lines.find((line) => line.message === message)?.fields;
  }
}

export interface TestServer extends RunningServer {
  store: DocStore;
  config: Config;
  log: RecordingLogger;
  syncUrl: string;
  /** Closes the server, then the store. */
  stop(): Promise<void>;
}

/** Starts a real server on port 0 over a SQLite file in `dataDir` (or the given store). */
export async function startTestServer(
  dataDir: string,
  overrides: Partial<Config> = {},
  store?: DocStore
): Promise<TestServer> {
  const config = testConfig(dataDir, overrides);
  const docStore = store ?? SqliteDocStore.open(config);
  const log = new RecordingLogger();
  const running = await startServer({ config, store: docStore, log });
  return {
    ...running,
    store: docStore,
    config,
    log,
    syncUrl: `ws://127.0.0.1:${running.port}/sync`,
    stop: async () => {
      await running.close();
      await docStore.close();
    }
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** A real y-websocket client; resolves once it has synced with the server. */
export async function connectClient(
  syncUrl: string,
  boardId: string,
  doc = new Y.Doc()
): Promise<TestClient> {
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // In one process, BroadcastChannel would sync the docs without the server and hide bugs.
    disableBc: true
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  await waitFor(`client of ${boardId} to sync`, () => provider.synced);
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    }
  };
}

/** A raw ws socket on a board's sync URL, for sending bytes no real client would. */
export function rawSocket(
  syncUrl: string,
  boardId: string,
  options: WebSocket.ClientOptions = {}
): WebSocket {
  return new WebSocket(`${syncUrl}/${boardId}`, options);
}

/** Resolves with the close code and reason of a socket. */
export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  );
}

/** Resolves when the socket is open. */
export function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

/** The text of a top-level Y.Text, for short assertions. */
export function text(doc: Y.Doc, name = 't'): string {
  return doc.getText(name).toString();
}
