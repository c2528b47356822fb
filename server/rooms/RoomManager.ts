import type WebSocket from 'ws';
import type * as Y from 'yjs';
import type { BoardOrigin } from '#lib/board/origin';
import type { Config } from '../config';
import { createLogger, errorMessage, type Logger } from '../log';
import { CloseCode } from '../protocol';
import type { DocLog } from '../store/DocLog';
import type { BoardRole } from '#lib/auth/permissions';
import { Connection, type ConnectionPeer } from './Connection';
import type { RoomHooks } from './hooks';
import type { UpdateSender } from './ClientUpdates';
import { Room, type AppliedAs, type RoomStats } from './Room';

export type RoomLimits = Pick<
  Config,
  | 'maxDocBytes'
  | 'maxSendBufferBytes'
  | 'compactAfterUpdates'
  | 'roomIdleMs'
  | 'syncMessagesPerSecond'
  | 'syncMessageBurst'
  | 'syncBytesPerSecond'
  | 'syncByteBurst'
  | 'syncCloseAfterMs'
>;

export interface RoomManagerOptions {
  store: DocLog;
  config: RoomLimits;
  log?: Logger;
  /** Keepalive ping period per connection; defaults to 30 s, 0 disables. */
  pingIntervalMs?: number;
  /**
   * What every room asks before a client update and tells after changes (hooks.ts): the app plugs
   * its update policy and activity log in here; the rooms never know which.
   */
  hooks?: RoomHooks;
}

export interface RoomManagerStats {
  rooms: number;
  connections: number;
  boards: RoomStats[];
}

const DEFAULT_PING_INTERVAL_MS = 30_000;

/**
 * The process's rooms: at most one per board, loaded on demand, unloaded when idle. Both the
 * WebSocket path and HTTP endpoints go through here, so a server-side write reaches live clients.
 */
export class RoomManager {
  readonly #store: DocLog;
  readonly #config: RoomLimits;
  readonly #log: Logger;
  readonly #hooks: RoomHooks | undefined;
  readonly #pingIntervalMs: number;
  readonly #rooms = new Map<string, Room>();
  /** Rooms flushing and compacting on their way out; a new load of the board waits for them. */
  readonly #unloading = new Map<string, Promise<void>>();
  #nextConnectionId = 1;
  #closed: Promise<void> | null = null;

  constructor(options: RoomManagerOptions) {
    this.#store = options.store;
    this.#config = options.config;
    this.#log = options.log ?? createLogger();
    this.#hooks = options.hooks;
    this.#pingIntervalMs = options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
  }

  /**
   * Serves an upgraded socket for `boardId` on behalf of `peer` (authenticated and a member: the
   * upgrade checked both); its messages are held until the room has loaded.
   */
  connect(boardId: string, socket: WebSocket, peer: ConnectionPeer): Connection {
    const conn = new Connection(socket, {
      id: `c${(this.#nextConnectionId++).toString(36)}`,
      boardId,
      peer,
      log: this.#log,
      maxSendBufferBytes: this.#config.maxSendBufferBytes,
      budget: {
        messagesPerSecond: this.#config.syncMessagesPerSecond,
        messageBurst: this.#config.syncMessageBurst,
        bytesPerSecond: this.#config.syncBytesPerSecond,
        byteBurst: this.#config.syncByteBurst,
        closeAfterMs: this.#config.syncCloseAfterMs
      },
      pingIntervalMs: this.#pingIntervalMs
    });
    if (this.#closed) {
      conn.close(CloseCode.GoingAway, 'server shutting down');
      return conn;
    }
    this.#log.debug('connection opened', { board: boardId, conn: conn.id });
    this.#acquire(boardId).then(
      (room) => room.addConnection(conn),
      (error: unknown) => {
        this.#log.error('room unavailable', { board: boardId, conn: conn.id, error: errorMessage(error) });
        conn.close(this.#closed ? CloseCode.GoingAway : CloseCode.InternalError, 'room unavailable');
      }
    );
    return conn;
  }

  /** Runs `fn` in one server transaction on the board's doc; resolves once it is durable and broadcast. */
  async change(boardId: string, fn: (doc: Y.Doc) => void, reason?: string): Promise<void> {
    const origin: BoardOrigin = reason === undefined ? { source: 'server' } : { source: 'server', reason };
    const room = await this.#acquire(boardId);
    await room.change(fn, origin);
  }

  /**
   * Runs a board operation as a member, through the same way in as their socket's updates
   * (Room.applyAs); resolves with its value once durable and broadcast, or with the refusal.
   */
  async applyAs<T>(
    boardId: string,
    sender: UpdateSender,
    operation: (doc: Y.Doc) => T
  ): Promise<AppliedAs<T>> {
    const room = await this.#acquire(boardId);
    return room.applyAs(sender, operation);
  }

  /** Reads the board's doc, loading the room if needed. */
  async read<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.#acquire(boardId);
    return room.read(fn);
  }

  /**
   * A member's role changed (`role`) or they left the board (null): their open connections get
   * the new role at once, or are cut with AccessRemoved. A changed role also closes with
   * RoleChanged, a code y-websocket retries, so the client reconnects and re-reads what it may do.
   */
  membershipChanged(boardId: string, userId: string, role: BoardRole | null): number {
    const room = this.#rooms.get(boardId);
    if (!room) return 0;
    return room.closeWhere((peer) => {
      if (peer.userId !== userId) return null;
      if (role === null) return { code: CloseCode.AccessRemoved, reason: 'removed from the board' };
      return role === peer.role ? null : { code: CloseCode.RoleChanged, reason: 'role changed' };
    });
  }

  /** Ends every socket opened with a session that was just signed out (SessionEnded, permanent). */
  endSession(sessionId: string): number {
    return this.endSessions(new Set([sessionId]), 'signed out');
  }

  /** Ends every socket opened with one of these sessions (SessionEnded, permanent). */
  endSessions(sessionIds: ReadonlySet<string>, reason: string): number {
    let closed = 0;
    for (const room of this.#rooms.values()) {
      closed += room.closeWhere((peer) =>
        sessionIds.has(peer.sessionId) ? { code: CloseCode.SessionEnded, reason } : null
      );
    }
    return closed;
  }

  /** The sessions the open sockets were admitted with (server/auth/SessionWatch.ts checks them). */
  openSessions(): Set<string> {
    const ids = new Set<string>();
    for (const room of this.#rooms.values()) room.forEachPeer((peer) => ids.add(peer.sessionId));
    return ids;
  }

  /** Sends activity entries to the board's subscribed connections, if its room is loaded. */
  sendActivity(boardId: string, entries: unknown[]): void {
    this.#rooms.get(boardId)?.sendActivity(entries);
  }

  /** Unloads the board's room if it is loaded (its connections close with 1001); for deleting a board. */
  async unloadBoard(boardId: string): Promise<void> {
    const room = this.#rooms.get(boardId);
    if (room) await this.#unload(room);
    await this.#unloading.get(boardId);
  }

  /** Closes every socket with 1001, flushes and compacts every room. Later connects are refused. */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  stats(): RoomManagerStats {
    const boards = [...this.#rooms.values()].map((room) => room.stats());
    return {
      rooms: boards.length,
      connections: boards.reduce((sum, board) => sum + board.connections, 0),
      boards
    };
  }

  /** The loaded room of a board, loading it once however many callers ask at the same time. */
  async #acquire(boardId: string): Promise<Room> {
    for (;;) {
      if (this.#closed) throw new Error('RoomManager is closed.');
      const unloading = this.#unloading.get(boardId);
      if (unloading) {
        await unloading;
        continue;
      }
      let room = this.#rooms.get(boardId);
      if (!room) {
        room = this.#createRoom(boardId);
        this.#rooms.set(boardId, room);
      }
      await room.ready;
      // No timer can fire between here and the caller's next step (only microtasks run), so an
      // open room stays open for it.
      if (room.isOpen) return room;
    }
  }

  #createRoom(boardId: string): Room {
    const room = new Room({
      boardId,
      store: this.#store,
      log: this.#log,
      maxDocBytes: this.#config.maxDocBytes,
      compactAfterUpdates: this.#config.compactAfterUpdates,
      idleMs: this.#config.roomIdleMs,
      onIdle: (idle) => void this.#unload(idle),
      onFailed: (failed) => this.#forget(failed),
      hooks: this.#hooks
    });
    room.ready.catch(() => this.#forget(room));
    return room;
  }

  #unload(room: Room): Promise<void> {
    this.#forget(room);
    const done = room
      .unload()
      .catch((error: unknown) => {
        this.#log.error('room unload failed', { board: room.boardId, error: errorMessage(error) });
      })
      .finally(() => {
        if (this.#unloading.get(room.boardId) === done) this.#unloading.delete(room.boardId);
      });
    this.#unloading.set(room.boardId, done);
    return done;
  }

  #forget(room: Room): void {
    if (this.#rooms.get(room.boardId) === room) this.#rooms.delete(room.boardId);
  }

  async #close(): Promise<void> {
    const rooms = [...this.#rooms.values()];
    await Promise.all([...rooms.map((room) => this.#unload(room)), ...this.#unloading.values()]);
    this.#log.info('rooms closed', { rooms: rooms.length });
  }
}
