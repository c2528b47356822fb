import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { SessionWatch } from './auth/SessionWatch';
import { createServices } from './createServices';
import { createLogger, errorMessage, type Logger } from './log';
import { PROTOCOL_VERSION } from './protocol';
import type { DocChangeHook } from './rooms/Room';
import type { RoomManager } from './rooms/RoomManager';
import { clearServices, getServices, provideServices, type Services } from './services';
import type { DocStore } from './store/DocStore';
import { attachSync } from './sync/attachSync';
import { syncBoardId } from './sync/upgradeRequest';

/** A connect-style handler, as SvelteKit's adapter-node exports from build/handler.js. */
export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

export interface StartServerOptions {
  config: Config;
  /** Owned by the caller: close() leaves it open. */
  store: DocStore;
  handler?: RequestHandler;
  log?: Logger;
  onDocChange?: DocChangeHook;
  /** Keepalive ping period for sync sockets (tests shorten it). */
  pingIntervalMs?: number;
  /** How often open sockets' sessions are checked (server/auth/SessionWatch.ts). */
  sessionWatchMs?: number;
  /** The due-date notices' clock and pass period (server/inbox/DueNotices.ts; tests set both). */
  dueNotices?: { now?: () => number; intervalMs?: number };
}

export interface RunningServer {
  server: http.Server;
  services: Services;
  rooms: RoomManager;
  sessionWatch: SessionWatch;
  port: number;
  url: string;
  /** Stops accepting, closes every room (flushing and compacting), then resolves. */
  close(): Promise<void>;
}

// Keep-alive HTTP sockets would hold server.close() open; after rooms are flushed they may go.
const HTTP_DRAIN_MS = 2000;

/** Starts the one HTTP server of the process: pages and API through `handler`, sync on /sync/<boardId>. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, store } = options;
  const log = options.log ?? createLogger();
  const services = createServices({
    config,
    store,
    log,
    onDocChange: options.onDocChange,
    pingIntervalMs: options.pingIntervalMs,
    dueNow: options.dueNotices?.now
  });
  const rooms = services.rooms;
  const handler = options.handler;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const stats = rooms.stats();
      res.end(
        JSON.stringify({
          ok: true,
          protocol: PROTOCOL_VERSION,
          rooms: stats.rooms,
          connections: stats.connections
        })
      );
      return;
    }
    if (handler) return handler(req, res, () => notFound(res));
    notFound(res);
  });
  const detachSync = attachSync(server, {
    rooms,
    store,
    auth: services.auth,
    members: services.members,
    config,
    log
  });
  // Nothing else listens for upgrades in production: answer instead of leaving the socket hanging.
  server.on('upgrade', (req, socket) => {
    if (syncBoardId(req.url) !== undefined) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  provideServices(services);
  const sessionWatch = new SessionWatch([rooms, services.inbox], services.auth, log);
  sessionWatch.start(options.sessionWatchMs);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  services.attachments.sweeper.start();
  services.dueNotices.start(options.dueNotices?.intervalMs);
  const displayHost = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;

  const servicesAreOurs = (): boolean => {
    try {
      return getServices().rooms === rooms;
    } catch {
      return false;
    }
  };
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      sessionWatch.stop();
      detachSync();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Before the rooms close: a pass under way reads them, and the store after them.
      await services.attachments.sweeper.stop();
      await services.dueNotices.stop();
      await rooms.close();
      // Rooms flush their last changes as they close; the list rows follow them before the store goes.
      await services.summaries.flush();
      // Rooms hand their last activity entries over as they close; they are written before the store goes.
      await services.activity.flush();
      server.closeIdleConnections();
      const drain = setTimeout(() => server.closeAllConnections(), HTTP_DRAIN_MS);
      await stopped;
      clearTimeout(drain);
      if (servicesAreOurs()) clearServices();
      log.info('server closed', { port });
    })().catch((error: unknown) => {
      log.error('server close failed', { error: errorMessage(error) });
      throw error;
    });
    return closing;
  };
  return { server, services, rooms, sessionWatch, port, url, close };
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}
