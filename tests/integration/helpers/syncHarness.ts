import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer, type StartServerOptions } from '#server/app';
import { loadConfig, type Config } from '#server/config';
import type { LogFields, Logger } from '#server/log';
import type { AuthService, PublicUser } from '#server/auth/AuthService';
import { SESSION_COOKIE } from '#server/auth/sessionCookie';
import type { BoardRole } from '#lib/auth/permissions';
import { memoryPersistence } from '#server/persistence/memoryPersistence';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import type { DocStore } from '#server/store/DocStore';

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

/**
 * A config for a test server: loopback, port 0, the given data folder and overrides. No demo
 * board unless a test asks: it would be one more board in every test's lists.
 */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' }),
    seedDemo: false,
    ...overrides
  };
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

/** Where a client connects and as whom: a sync URL and a session cookie header. */
export interface SyncTarget {
  syncUrl: string;
  cookie: string;
}

export interface TestServer extends RunningServer, SyncTarget {
  store: DocStore;
  config: Config;
  log: RecordingLogger;
  /** The instance's first account (an administrator), signed in as `cookie`. */
  owner: PublicUser;
  /** Creates a catalogue row for `id` (an empty document) owned by `owner`. */
  createBoard(id: string, title?: string): Promise<void>;
  /** A new account with `role` on the board, and the target to connect as them. */
  member(boardId: string, role: BoardRole, name?: string): Promise<SyncTarget & { user: PublicUser }>;
  /** Closes the server, its services and its stores. */
  stop(): Promise<void>;
}

export const HARNESS_OWNER = { email: 'owner@harness.test', password: 'harness-password', name: 'Owner' };

/** The Cookie header a signed-in client sends. */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * Signs in as the harness owner, signing up first on a fresh database (the first account is the
 * administrator and adopts boards that exist already). A restarted server finds the account.
 */
export async function harnessSession(auth: AuthService): Promise<{ user: PublicUser; cookie: string }> {
  const start = (await auth.isFreshInstall()) ? auth.signUp(HARNESS_OWNER) : auth.signIn(HARNESS_OWNER);
  const { user, token } = await start;
  return { user, cookie: sessionCookie(token) };
}

/**
 * Starts a real server on port 0 over the SQLite family in `dataDir`, or, given a DocStore of
 * the test's own (a wrapper that delays or fails calls), over that store with the memory
 * family's other stores. Stopping the server closes the store.
 */
export async function startTestServer(
  dataDir: string,
  overrides: Partial<Config> = {},
  store?: DocStore,
  /** Server options a test controls, such as the due-date notices' clock. */
  options: Pick<StartServerOptions, 'dueNotices' | 'recurringPlans' | 'handler' | 'outbound'> = {}
): Promise<TestServer> {
  const config = testConfig(dataDir, overrides);
  const persistence = store ? memoryPersistence(store) : openSqlitePersistence(config);
  const docStore = persistence.docs;
  const log = new RecordingLogger();
  const running = await startServer({ config, persistence, log, ...options });
  const { auth, members } = running.services;
  const { user: owner, cookie } = await harnessSession(auth);
  const syncUrl = `ws://127.0.0.1:${running.port}/sync`;
  let accounts = 0;
  await auth.setOpenSignup(owner, true);
  return {
    ...running,
    store: docStore,
    config,
    log,
    syncUrl,
    owner,
    cookie,
    createBoard: async (id, title = id) => {
      await docStore.createBoard({ id, title, templateId: null });
      await members.addCreator(id, owner.id);
    },
    member: async (boardId, role, name = role) => {
      const n = ++accounts;
      const { user, token } = await auth.signUp({
        email: `${role}-${n}@harness.test`,
        password: 'member-password',
        name: `${name} ${n}`
      });
      await members.add(owner.id, boardId, { email: user.email, role });
      return { user, syncUrl, cookie: sessionCookie(token) };
    },
    stop: () => running.close()
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** The ws class y-websocket constructs, sending `cookie` with the upgrade as a browser would. */
export function webSocketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/** A real y-websocket client signed in as `target.cookie`; resolves once it has synced. */
export async function connectClient(
  target: SyncTarget,
  boardId: string,
  doc = new Y.Doc()
): Promise<TestClient> {
  const provider = new WebsocketProvider(target.syncUrl, boardId, doc, {
    WebSocketPolyfill: webSocketWithCookie(target.cookie),
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

/** A raw ws socket on a board's sync URL signed in as `target`, for bytes no real client would send. */
export function rawSocket(
  target: SyncTarget,
  boardId: string,
  options: WebSocket.ClientOptions = {}
): WebSocket {
  return new WebSocket(`${target.syncUrl}/${boardId}`, {
    ...options,
    headers: { cookie: target.cookie, ...options.headers }
  });
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

/** The board as the store holds it (snapshot plus logged updates), as a restart would load it. */
export async function storedDoc(store: DocStore, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { snapshot, updates } = await store.loadDoc(boardId);
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}
