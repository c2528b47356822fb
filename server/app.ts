import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SessionWatch } from './auth/SessionWatch';
import { startServices, type StartServicesOptions } from './lifecycle';
import { createLogger, errorMessage, type Logger } from './log';
import { PROTOCOL_VERSION } from './protocol';
import type { RoomManager } from './rooms/RoomManager';
import type { Services } from './services';
import { syncBoardId } from './sync/upgradeRequest';

/** A connect-style handler, as SvelteKit's adapter-node exports from build/handler.js. */
export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

export interface StartServerOptions extends Omit<StartServicesOptions, 'log'> {
  handler?: RequestHandler;
  log?: Logger;
}

export interface RunningServer {
  server: http.Server;
  services: Services;
  rooms: RoomManager;
  sessionWatch: SessionWatch;
  port: number;
  url: string;
  /** Stops accepting, stops the services in order (server/lifecycle.ts), closes the database, then resolves. */
  close(): Promise<void>;
}

// Keep-alive HTTP sockets would hold server.close() open; after rooms are flushed they may go.
const HTTP_DRAIN_MS = 2000;

/** Starts the one HTTP server of the process: pages and API through `handler`, sync on /sync/<boardId>. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, handler } = options;
  const log = options.log ?? createLogger();
  const server = http.createServer();
  const running = await startServices(server, { ...options, log });
  const rooms = running.services.rooms;
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
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
  // Nothing else listens for upgrades in production: answer instead of leaving the socket hanging.
  server.on('upgrade', (req, socket) => {
    if (syncBoardId(req.url) !== undefined) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await running.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const displayHost = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // Stops accepting now; resolves once every connection, sync sockets included, has ended.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await running.stop({
        drain: async () => {
          server.closeIdleConnections();
          const drain = setTimeout(() => server.closeAllConnections(), HTTP_DRAIN_MS);
          await stopped;
          clearTimeout(drain);
        }
      });
      log.info('server closed', { port });
    })().catch((error: unknown) => {
      log.error('server close failed', { error: errorMessage(error) });
      throw error;
    });
    return closing;
  };
  const { services, sessionWatch } = running;
  return { server, services, rooms, sessionWatch, port, url, close };
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}
