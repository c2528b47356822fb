import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Config } from '../config';
import { errorMessage, type Logger } from '../log';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { isOriginAllowed, syncBoardId } from './upgradeRequest';

export interface AttachSyncOptions {
  rooms: RoomManager;
  store: DocStore;
  config: Pick<Config, 'allowedOrigins' | 'maxMessageBytes'>;
  log: Logger;
}

/**
 * Accepts WebSocket upgrades on `/sync/<boardId>` of `server` after checking the id, the Origin
 * and that the board exists, all before the upgrade so a refused client gets a plain HTTP status.
 * Other upgrade paths are left to other listeners (Vite's HMR). Returns a function that detaches.
 */
export function attachSync(server: Server, options: AttachSyncOptions): () => void {
  const { rooms, store, config, log } = options;
  // ws applies maxPayload inside its frame parser and closes with 1009 (CloseCode.MessageTooLarge).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  let detached = false;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const boardId = syncBoardId(req.url);
    if (boardId === undefined) return;
    // A client that resets mid-handshake must not become an uncaught 'error'.
    socket.on('error', () => {});
    if (boardId === null) return refuse(socket, 400, 'Bad board id');
    if (!isOriginAllowed(req, config.allowedOrigins)) {
      log.warn('sync upgrade refused: origin', { origin: req.headers.origin, host: req.headers.host });
      return refuse(socket, 403, 'Forbidden origin');
    }
    store.getBoard(boardId).then(
      (board) => {
        if (detached) return refuse(socket, 503, 'Server shutting down');
        if (!board) return refuse(socket, 404, 'Unknown board');
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => rooms.connect(boardId, ws));
      },
      (error: unknown) => {
        log.error('sync upgrade failed', { board: boardId, error: errorMessage(error) });
        refuse(socket, 500, 'Internal error');
      }
    );
  };

  server.on('upgrade', onUpgrade);
  return () => {
    if (detached) return;
    detached = true;
    server.off('upgrade', onUpgrade);
    wss.close();
  };
}

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`
  );
}
