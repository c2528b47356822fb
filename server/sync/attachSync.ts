import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { AuthService } from '../auth/AuthService';
import type { MembershipService } from '../auth/MembershipService';
import { isMemberRequestError } from '../auth/MemberRequestError';
import { readCookie, SESSION_COOKIE } from '../auth/sessionCookie';
import type { Config } from '../config';
import { errorMessage, type Logger } from '../log';
import type { BoardRole } from '#lib/auth/permissions';
import type { ConnectionPeer } from '../rooms/Connection';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { isOriginAllowed, syncBoardId } from './upgradeRequest';

export interface AttachSyncOptions {
  rooms: RoomManager;
  store: DocStore;
  auth: Pick<AuthService, 'userForToken' | 'sessionIdOf'>;
  members: Pick<MembershipService, 'require'>;
  config: Pick<Config, 'allowedOrigins' | 'maxMessageBytes'>;
  log: Logger;
}

/**
 * Accepts WebSocket upgrades on `/sync/<boardId>` of `server` after checking, in this order, the
 * id (400), the Origin (403), the session cookie (401), membership of the board (403, the same
 * `MembershipService.require` every board endpoint asks) and that the board exists (404), all
 * before the upgrade, so no room ever sees a refused client and it gets a plain HTTP status.
 * Other upgrade paths are left to other listeners (Vite's HMR). Returns a function that detaches.
 */
export function attachSync(server: Server, options: AttachSyncOptions): () => void {
  const { rooms, store, auth, members, config, log } = options;
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
    admit(req, boardId).then(
      (peer) => {
        if (detached) return refuse(socket, 503, 'Server shutting down');
        if (typeof peer === 'number') return refuse(socket, peer, STATUS_TEXT[peer]);
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => rooms.connect(boardId, ws, peer));
      },
      (error: unknown) => {
        log.error('sync upgrade failed', { board: boardId, error: errorMessage(error) });
        refuse(socket, 500, 'Internal error');
      }
    );
  };

  /** Who may open this board's socket: their peer identity, or the HTTP status refusing them. */
  const admit = async (req: IncomingMessage, boardId: string): Promise<ConnectionPeer | RefusalStatus> => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = token ? await auth.userForToken(token) : null;
    if (!token || !user) return 401;
    let role: BoardRole;
    try {
      role = await members.require(user.id, boardId, 'read');
    } catch (error) {
      if (isMemberRequestError(error)) return 403;
      throw error;
    }
    if (!(await store.getBoard(boardId))) return 404;
    return { userId: user.id, sessionId: auth.sessionIdOf(token), name: user.name, color: user.color, role };
  };

  server.on('upgrade', onUpgrade);
  return () => {
    if (detached) return;
    detached = true;
    server.off('upgrade', onUpgrade);
    wss.close();
  };
}

type RefusalStatus = 401 | 403 | 404;
const STATUS_TEXT: Record<RefusalStatus, string> = {
  401: 'Sign in first',
  403: 'Not a member of this board',
  404: 'Unknown board'
};

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`
  );
}
