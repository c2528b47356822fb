import WebSocket from 'ws';
import type { BoardRole } from '#lib/auth/permissions';
import type { BoardOrigin } from '#lib/board/origin';
import { errorMessage, type Logger } from '../log';
import { CloseCode, closeCodeName, decodeMessage, ProtocolError, type ClientMessage } from '../protocol';
import { Intake, type SyncBudgetLimits } from './SyncBudget';

/** What a room does with a connection once it is attached. */
export interface ConnectionHandler {
  /** One validated message; may throw (ProtocolError closes with 4400, anything else with 1011). */
  message(message: ClientMessage): void;
  /** Called once, as soon as the connection is closing: stop sending to it. */
  closed(): void;
}

/**
 * Who is on the other end of a connection, as the session cookie and the board's membership said
 * at upgrade. Fixed for the connection's life: a role change closes it (CloseCode.RoleChanged).
 */
export interface ConnectionPeer {
  userId: string;
  /** The session it was opened with (AuthService.sessionIdOf): signing it out ends the socket. */
  sessionId: string;
  name: string;
  color: string;
  role: BoardRole;
}

export interface ConnectionOptions {
  id: string;
  boardId: string;
  peer: ConnectionPeer;
  log: Logger;
  /** Drop the client once more than this many bytes wait in its send buffer. */
  maxSendBufferBytes: number;
  /** Keepalive ping period; a client that misses one pong is terminated. 0 disables pings. */
  pingIntervalMs: number;
  /** What the client may send per second (SyncBudget.ts); absent: no limit (tools and tests). */
  budget?: SyncBudgetLimits;
  /** Messages held while the room loads; past them the socket is not read until it has. */
  maxQueuedMessages?: number;
  /** After sending a close frame, how long to wait for the client before cutting the TCP socket. */
  closeGraceMs?: number;
}

// A y-websocket client sends step 1, step 2 and an awareness update on open; 256 leaves room for
// a burst of typing during a slow load while bounding memory per socket.
const DEFAULT_MAX_QUEUED = 256;
const DEFAULT_CLOSE_GRACE_MS = 2000;
/** Long enough for the close frame to leave; see the overflow sink. */
const OVERFLOW_GRACE_MS = 100;

/**
 * One client socket: decodes frames, holds them until a loaded room attaches, guards the send
 * buffer and keeps the socket alive. It never lets an exception escape a socket event handler.
 */
export class Connection {
  readonly id: string;
  readonly boardId: string;
  /** Transaction origin of every update this connection applies. */
  readonly origin: BoardOrigin;
  readonly userId: string;
  /** The peer's display identity and role on the board. */
  readonly peer: Readonly<ConnectionPeer>;
  /** True once the client asked for the board's activity entries (MessageType.Activity). */
  wantsActivity = false;
  /** Awareness client ids this connection has announced; removed from the room when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Every awareness client id it was allowed to announce, live or not (awarenessIdentity.ts bounds it). */
  readonly announcedIds = new Set<number>();
  readonly #socket: WebSocket;
  readonly #options: ConnectionOptions;
  readonly #log: Logger;
  #handler: ConnectionHandler | null = null;
  #queue: { message: ClientMessage; bytes: number }[] = [];
  /** Messages on their way to the handler, within the budget; null: no budget. */
  readonly #intake: Intake<ClientMessage> | null;
  #warnedOverBudget = false;
  #pausedWhileLoading = false;
  #closing = false;
  #alive = true;
  #pingTimer: NodeJS.Timeout | undefined;
  #graceTimer: NodeJS.Timeout | undefined;

  constructor(socket: WebSocket, options: ConnectionOptions) {
    this.id = options.id;
    this.boardId = options.boardId;
    this.peer = Object.freeze({ ...options.peer });
    this.userId = options.peer.userId;
    this.origin = Object.freeze({ source: 'client', connectionId: options.id, userId: options.peer.userId });
    this.#socket = socket;
    this.#options = options;
    this.#log = options.log;
    this.#intake = options.budget
      ? new Intake(options.budget, {
          deliver: (message) => this.#deliver(message),
          pause: (why) => {
            this.#socket.pause();
            if (why === 'budget') this.#slowed();
          },
          resume: () => this.#socket.resume(),
          // Its client's answer to the close frame waits behind the flood we stopped reading:
          // waiting the usual grace for it would only delay the reconnect that recovers its edits.
          overflow: () => {
            this.#log.warn('client closed: over its budget too long', { board: this.boardId, conn: this.id });
            this.close(CloseCode.TryAgainLater, 'over budget, try again later', OVERFLOW_GRACE_MS);
          }
        })
      : null;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
    socket.on('pong', () => (this.#alive = true));
    socket.on('error', (error) => this.#onError(error));
    socket.on('close', (code) => this.#onClose(code));
    if (options.pingIntervalMs > 0) {
      this.#pingTimer = setInterval(() => this.#ping(), options.pingIntervalMs);
      this.#pingTimer.unref();
    }
  }

  /** True once the connection is closing or closed; nothing more is sent or delivered. */
  get isClosed(): boolean {
    return this.#closing;
  }

  /** Bytes queued in the socket that the client has not taken yet. */
  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  /** Starts delivering messages to `handler`, first the ones queued while the room loaded. */
  attach(handler: ConnectionHandler): void {
    if (this.#closing) return handler.closed();
    this.#handler = handler;
    const queued = this.#queue;
    this.#queue = [];
    for (const { message, bytes } of queued) {
      if (this.#closing) break;
      this.#admit(message, bytes);
    }
    if (!this.#pausedWhileLoading) return;
    this.#pausedWhileLoading = false;
    // An intake still working through them resumes the socket itself once it has.
    if (!this.#closing && !this.#intake?.waiting) this.#socket.resume();
  }

  /** Sends one frame, or drops the client when it already has too much unread data. */
  send(frame: Uint8Array): void {
    if (this.#closing || this.#socket.readyState !== WebSocket.OPEN) return;
    // Checked before sending, so one large frame (a first sync of a big board) still goes out.
    if (this.#socket.bufferedAmount > this.#options.maxSendBufferBytes) {
      this.#log.warn('slow client dropped', {
        board: this.boardId,
        conn: this.id,
        buffered: this.#socket.bufferedAmount
      });
      this.close(CloseCode.SlowClient, 'send buffer overflow');
      return;
    }
    this.#socket.send(frame, { binary: true });
  }

  /** Sends a close frame and cuts the socket if the client does not answer within the grace period. */
  close(code: number, reason = '', graceMs = this.#options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS): void {
    if (this.#closing) return;
    this.#shutdown();
    if (this.#socket.readyState === WebSocket.CLOSED) return;
    this.#socket.close(code, reason);
    // A slow or hostile client may never read the close frame; ws alone would wait 30 s.
    this.#graceTimer = setTimeout(() => this.#socket.terminate(), graceMs);
    this.#graceTimer.unref();
  }

  #receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.#closing) return;
    try {
      if (!isBinary) throw new ProtocolError('text-frame', 'text frames are not part of the protocol');
      const frame = Array.isArray(data)
        ? Buffer.concat(data)
        : data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : data;
      const message = decodeMessage(frame);
      if (this.#handler) {
        this.#admit(message, frame.length);
      } else {
        this.#hold(message, frame.length);
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Keeps a message until the room has loaded. Past the limit the socket is paused, so a client
   * typing through a slow load is slowed, not turned away (this was a permanent 44xx close). ws
   * still hands over the rest of a chunk it had read; past four times the limit that is a flood,
   * closed with a code clients retry.
   */
  #hold(message: ClientMessage, bytes: number): void {
    const max = this.#options.maxQueuedMessages ?? DEFAULT_MAX_QUEUED;
    if (this.#queue.length >= max * 4) {
      this.#log.warn('too many messages while loading', { board: this.boardId, conn: this.id });
      this.close(CloseCode.TryAgainLater, 'too many messages while loading', OVERFLOW_GRACE_MS);
      return;
    }
    this.#queue.push({ message, bytes });
    if (this.#queue.length === max) {
      this.#pausedWhileLoading = true;
      this.#socket.pause();
    }
  }

  /** Hands a message on now, or once the budget allows it (the socket is not read meanwhile). */
  #admit(message: ClientMessage, bytes: number): void {
    if (this.#intake) this.#intake.push(message, bytes);
    else this.#deliver(message);
  }

  /** One line per connection: a flood would otherwise log a line per message. */
  #slowed(): void {
    if (this.#warnedOverBudget) return;
    this.#warnedOverBudget = true;
    this.#log.warn('client over its budget', { board: this.boardId, conn: this.id, user: this.userId });
  }

  #deliver(message: ClientMessage): void {
    try {
      this.#handler?.message(message);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Closes this connection only: 4400 for bad input, 1011 for our own bugs. */
  #fail(error: unknown): void {
    if (error instanceof ProtocolError) {
      this.#log.warn('malformed message', {
        board: this.boardId,
        conn: this.id,
        reason: error.reason,
        detail: error.message
      });
      this.close(CloseCode.MalformedMessage, 'malformed message');
    } else {
      this.#log.error('message handling failed', {
        board: this.boardId,
        conn: this.id,
        error: errorMessage(error)
      });
      this.close(CloseCode.InternalError, 'internal error');
    }
  }

  #onError(error: Error & { code?: string }): void {
    // ws has already sent 1009 for an oversized frame when this fires; we only record it.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.#log.warn('message too large', {
        board: this.boardId,
        conn: this.id,
        code: CloseCode.MessageTooLarge
      });
    } else {
      this.#log.warn('socket error', { board: this.boardId, conn: this.id, error: error.message });
    }
  }

  #onClose(code: number): void {
    clearTimeout(this.#graceTimer);
    this.#log.debug('connection closed', { board: this.boardId, conn: this.id, code: closeCodeName(code) });
    this.#shutdown();
  }

  #ping(): void {
    // A socket we stopped reading (over its budget, or while its room loads) may have its pong
    // waiting unread behind the rest.
    if (!this.#alive && !this.#socket.isPaused) {
      this.#log.info('keepalive timeout', { board: this.boardId, conn: this.id });
      this.#shutdown();
      this.#socket.terminate();
      return;
    }
    this.#alive = false;
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.ping();
  }

  /** Marks the connection closed and tells the room once, whoever noticed first. */
  #shutdown(): void {
    if (this.#closing) return;
    this.#closing = true;
    clearInterval(this.#pingTimer);
    this.#queue = [];
    this.#intake?.stop();
    const handler = this.#handler;
    this.#handler = null;
    handler?.closed();
  }
}
