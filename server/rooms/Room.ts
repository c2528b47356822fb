import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isBoardOrigin, SERVER_ORIGIN, STORE_ORIGIN, type BoardOrigin } from '../../src/lib/board/origin';
import { errorMessage, type Logger } from '../log';
import {
  CloseCode,
  encodeActivity,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError,
  type ClientMessage,
  type DecodedUpdate
} from '../protocol';
import type { DocLog } from '../store/DocLog';
import { probeActivity } from '../audit/deriveActivity';
import { Connection, type ConnectionPeer } from './Connection';
import type { ActivityHook, DocChangeHook, UpdateGuard } from './hooks';
import { RoomPersistence } from './RoomPersistence';
import { presenceIdentity, stampAwareness } from './awarenessIdentity';

export type { ActivityHook, DocChangeHook, UpdateGuard } from './hooks';

export interface RoomOptions {
  boardId: string;
  store: DocLog;
  log: Logger;
  maxDocBytes: number;
  compactAfterUpdates: number;
  /** How long the room stays loaded with no connections before `onIdle` fires. */
  idleMs: number;
  onIdle(room: Room): void;
  /** The store failed: the room has closed its connections and must be forgotten. */
  onFailed(room: Room): void;
  onDocChange?: DocChangeHook;
  /** Absent: every update is applied (tools and tests of the sync layer alone). */
  guard?: UpdateGuard;
  onActivity?: ActivityHook;
}

export interface RoomStats {
  boardId: string;
  state: RoomState;
  connections: number;
  docBytes: number;
  updatesSinceCompaction: number;
  lastSeq: number;
}

type RoomState = 'loading' | 'ready' | 'unloading' | 'closed';

/**
 * One loaded board: the authoritative Y.Doc, its awareness and its connections.
 *
 * Durability rule: every change to the doc is appended to the store and only then broadcast.
 * Store writes and outgoing sync data share one serial chain (RoomPersistence), so broadcast
 * order is append order, and a sync step 2 (computed when asked) leaves only after everything it
 * contains is durable. Connections are attached only after the load, so nothing is answered
 * from a half-loaded doc; their messages wait in the Connection until then.
 */
export class Room {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** Resolves once the stored document is loaded; rejects when loading failed. */
  readonly ready: Promise<void>;
  readonly #options: RoomOptions;
  readonly #log: Logger;
  readonly #connections = new Set<Connection>();
  readonly #persistence: RoomPersistence;
  #state: RoomState = 'loading';
  #unloading: Promise<void> | null = null;
  #idleTimer: NodeJS.Timeout | undefined;
  /** Cached whole-document sync reply; null after any change. */
  #fullStateReply: Uint8Array | null = null;

  constructor(options: RoomOptions) {
    this.boardId = options.boardId;
    this.#options = options;
    this.#log = options.log;
    this.#persistence = new RoomPersistence({
      boardId: options.boardId,
      store: options.store,
      log: options.log,
      compactAfterUpdates: options.compactAfterUpdates,
      snapshot: () => Y.encodeStateAsUpdate(this.doc),
      onFailure: (error) => this.#fail(error)
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant; without this every client would see a phantom user.
    this.awareness.setLocalState(null);
    this.ready = this.#load();
    this.ready.catch(() => {}); // failures are reported through `ready` to whoever awaits it
  }

  /** True while the room accepts connections and changes. */
  get isOpen(): boolean {
    return this.#state === 'ready';
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Starts serving a connection: sends sync step 1 and presence, then replays its queued messages. */
  addConnection(conn: Connection): void {
    if (!this.isOpen) return conn.close(CloseCode.GoingAway, 'room closing');
    if (conn.isClosed) return this.#armIdle();
    clearTimeout(this.#idleTimer);
    this.#connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size > 0) conn.send(encodeAwareness(this.awareness));
    conn.attach({ message: (message) => this.#handle(conn, message), closed: () => this.#remove(conn) });
  }

  /**
   * Closes each connection for which `verdict` names a close code (a member removed, a role
   * changed, a session signed out: RoomManager decides which); returns how many it closed.
   */
  /** Calls `fn` with the peer of each open connection. */
  forEachPeer(fn: (peer: ConnectionPeer) => void): void {
    for (const conn of this.#connections) fn(conn.peer);
  }

  closeWhere(verdict: (peer: ConnectionPeer) => { code: number; reason: string } | null): number {
    let closed = 0;
    for (const conn of [...this.#connections]) {
      const close = verdict(conn.peer);
      if (!close) continue;
      conn.close(close.code, close.reason);
      closed++;
    }
    return closed;
  }

  /** Runs `fn` in one transaction with `origin`; resolves once the change is durable and broadcast. */
  async change(fn: (doc: Y.Doc) => void, origin: BoardOrigin = SERVER_ORIGIN): Promise<void> {
    this.#assertOpen();
    try {
      // Yjs has no rollback: if fn throws, what it already wrote is kept and persisted like any change.
      this.doc.transact(() => fn(this.doc), origin);
      await this.flush();
    } finally {
      this.#armIdle();
    }
  }

  /** Reads the loaded document. */
  read<T>(fn: (doc: Y.Doc) => T): T {
    this.#assertOpen();
    try {
      return fn(this.doc);
    } finally {
      this.#armIdle();
    }
  }

  /** Resolves when every change applied so far is durable and broadcast; rejects if the store failed. */
  flush(): Promise<void> {
    return this.#persistence.flush();
  }

  /** Closes connections with 1001, waits for pending appends, compacts and frees the document. */
  unload(): Promise<void> {
    this.#unloading ??= this.#unload();
    return this.#unloading;
  }

  stats(): RoomStats {
    return {
      boardId: this.boardId,
      state: this.#state,
      connections: this.#connections.size,
      docBytes: this.#persistence.docBytes,
      updatesSinceCompaction: this.#persistence.updatesSinceCompaction,
      lastSeq: this.#persistence.lastSeq
    };
  }

  async #load(): Promise<void> {
    try {
      const stored = await this.#options.store.loadDoc(this.boardId);
      if (this.#state !== 'loading') return;
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update);
      }, STORE_ORIGIN);
      this.#persistence.loaded(stored);
      // Subscribed after the replay, so loading never re-appends what the store already holds.
      this.doc.on('update', this.#onUpdate);
      this.awareness.on('update', this.#onAwareness);
      this.#state = 'ready';
      this.#log.debug('room loaded', {
        board: this.boardId,
        bytes: stored.bytes,
        updates: stored.updates.length
      });
      this.#armIdle();
    } catch (error) {
      this.#log.error('room load failed', { board: this.boardId, error: errorMessage(error) });
      this.#destroy();
      throw error;
    }
  }

  #handle(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'syncStep1': {
        // Computed now (so it holds exactly what is applied so far), sent once all of that is durable.
        const reply = this.#syncReply(message.stateVector);
        this.#persistence.enqueue(() => conn.send(reply));
        break;
      }
      case 'syncStep2':
      case 'syncUpdate':
        this.#applyClientUpdate(conn, message.update, message.decoded);
        break;
      case 'awareness': {
        const stamped = stampAwareness(message.update, {
          identity: presenceIdentity(conn.peer),
          isForeign: (id) => this.#ownedByOther(conn, id),
          announced: conn.announcedIds
        });
        if (stamped) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, conn);
        break;
      }
      case 'queryAwareness':
        conn.send(encodeAwareness(this.awareness));
        break;
      case 'subscribeActivity':
        conn.wantsActivity = true;
        break;
    }
  }

  /** Sends activity entries to the connections that subscribed to them. */
  sendActivity(entries: unknown[]): void {
    if (entries.length === 0) return;
    // Most connections (stock clients, the bench) never subscribe: then there is nothing to encode.
    let frame: Uint8Array | null = null;
    for (const conn of this.#connections) {
      if (conn.wantsActivity) conn.send((frame ??= encodeActivity(entries)));
    }
  }

  #applyClientUpdate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    // An empty update ([0, 0], every step 2 of an up-to-date client) cannot grow the doc.
    if (update.length > 2) {
      const projected = this.#persistence.docBytes + pendingBytes(this.doc) + update.length;
      if (projected > this.#options.maxDocBytes) {
        this.#log.warn('document too large', {
          board: this.boardId,
          conn: conn.id,
          bytes: projected,
          limit: this.#options.maxDocBytes
        });
        return conn.close(CloseCode.DocumentTooLarge, 'document too large');
      }
    }
    const verdict = this.#options.guard?.(this.doc, update, conn.peer, decoded);
    if (verdict && !verdict.ok) {
      // Not applied, so not stored or broadcast; the client drops its copy and resyncs.
      this.#log.warn('update refused', {
        board: this.boardId,
        conn: conn.id,
        user: conn.userId,
        role: conn.peer.role,
        reason: verdict.reason,
        detail: verdict.detail
      });
      return conn.close(CloseCode.UpdateRefused, verdict.reason);
    }
    const probe = verdict && this.#options.onActivity ? probeActivity(this.doc, verdict.touches) : null;
    try {
      Y.applyUpdate(this.doc, update, conn.origin);
    } catch (cause) {
      throw new ProtocolError('invalid-update', `Yjs refused the update: ${errorMessage(cause)}`, { cause });
    }
    const events = probe?.finish(this.doc) ?? [];
    if (events.length > 0) {
      // After the update's append in the chain, so the log never names a change that was lost.
      this.#persistence.enqueue(() => this.#options.onActivity?.(this.boardId, conn.userId, events));
    }
  }

  /**
   * The sync step 2 answering a state vector. A client with nothing (a new device, a join storm)
   * gets the whole document: that encoding is the costliest thing a room does, so it is made once
   * and reused until the next change, instead of once per joiner.
   */
  #syncReply(stateVector: Uint8Array): Uint8Array {
    const knowsNothing = stateVector.length === 1 && stateVector[0] === 0;
    if (!knowsNothing) return encodeSyncStep2(this.doc, stateVector);
    this.#fullStateReply ??= encodeSyncStep2(this.doc, stateVector);
    return this.#fullStateReply;
  }

  /** True when another connection of this room announced awareness client `id`. */
  #ownedByOther(conn: Connection, id: number): boolean {
    for (const other of this.#connections) if (other !== conn && other.awarenessIds.has(id)) return true;
    return false;
  }

  /** Every committed transaction after load: append, then broadcast to everyone but its sender. */
  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#fullStateReply = null;
    const boardOrigin = isBoardOrigin(origin) ? origin : SERVER_ORIGIN;
    this.#persistence.append(update, () => {
      const frame = encodeSyncUpdate(update);
      for (const conn of this.#connections) if (conn.origin !== origin) conn.send(frame);
      this.#notifyChange(boardOrigin);
    });
  };

  /** Presence is not persisted, so it is relayed at once, to the sender too (its liveness signal). */
  readonly #onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown
  ): void => {
    if (origin instanceof Connection) {
      for (const id of added) origin.awarenessIds.add(id);
      for (const id of updated) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const frame = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const conn of this.#connections) conn.send(frame);
  };

  #notifyChange(origin: BoardOrigin): void {
    try {
      this.#options.onDocChange?.(this.boardId, this.doc, origin);
    } catch (error) {
      this.#log.error('onDocChange hook failed', { board: this.boardId, error: errorMessage(error) });
    }
  }

  /**
   * The store refused a write: the doc now holds changes that are not durable, so it must not be
   * served. Every connection is closed with 1011; clients reconnect to a freshly loaded room and
   * resend what the store lacks.
   */
  #fail(error: unknown): void {
    this.#log.error('room failed', { board: this.boardId, error: errorMessage(error) });
    for (const conn of [...this.#connections]) conn.close(CloseCode.InternalError, 'storage error');
    this.#destroy();
    this.#options.onFailed(this);
  }

  async #unload(): Promise<void> {
    if (this.#state === 'loading') await this.ready.catch(() => {});
    if (this.#state === 'closed') return;
    this.#state = 'unloading';
    clearTimeout(this.#idleTimer);
    for (const conn of [...this.#connections]) conn.close(CloseCode.GoingAway, 'room closing');
    await this.#persistence.close();
    this.#destroy();
    this.#log.debug('room unloaded', { board: this.boardId });
  }

  #remove(conn: Connection): void {
    if (!this.#connections.delete(conn)) return;
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
    this.#armIdle();
  }

  /** (Re)starts the idle countdown when nobody is connected. */
  #armIdle(): void {
    if (this.#state !== 'ready' || this.#connections.size > 0) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#state === 'ready' && this.#connections.size === 0) this.#options.onIdle(this);
    }, this.#options.idleMs);
    this.#idleTimer.unref();
  }

  #assertOpen(): void {
    if (!this.isOpen) throw new Error(`Room ${this.boardId} is ${this.#state}.`);
  }

  #destroy(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    clearTimeout(this.#idleTimer);
    this.doc.off('update', this.#onUpdate);
    this.awareness.off('update', this.#onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Bytes Yjs holds back while waiting for missing dependencies; counted so they cannot grow unbounded. */
function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}
