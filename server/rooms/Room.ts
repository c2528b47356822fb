import * as Y from 'yjs';
import { isBoardOrigin, SERVER_ORIGIN, STORE_ORIGIN, type BoardOrigin } from '#lib/board/origin';
import { errorMessage, type Logger } from '../log';
import { CloseCode, encodeSyncStep1, type ClientMessage } from '../protocol';
import type { DocLog } from '../store/DocLog';
import { ClientUpdates, type UpdateSender } from './ClientUpdates';
import type { Connection, ConnectionPeer } from './Connection';
import { tellHook, type RoomHooks } from './hooks';
import { RoomOutbox } from './RoomOutbox';
import { RoomPersistence } from './RoomPersistence';
import { RoomPresence } from './RoomPresence';

// Kept for app.ts and createServices, which name the extra change listener they pass on.

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
  /** What the room asks before a client update and tells after changes (hooks.ts); absent: nobody. */
  hooks?: RoomHooks;
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
 * What became of an operation run as a member (Room.applyAs): its return value once durable and
 * broadcast, or the hooks' refusal (`too-large`: the document limit), with nothing applied.
 */
export type AppliedAs<T> = { ok: true; value: T } | { ok: false; reason: string; detail: string };

/**
 * One loaded board: the authoritative Y.Doc, its connections, their presence (RoomPresence) and
 * what is sent to them (RoomOutbox). Client updates go through ClientUpdates and the hooks.
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
  /** Resolves once the stored document is loaded; rejects when loading failed. */
  readonly ready: Promise<void>;
  readonly #options: RoomOptions;
  readonly #log: Logger;
  readonly #connections = new Set<Connection>();
  readonly #persistence: RoomPersistence;
  readonly #presence: RoomPresence;
  readonly #outbox: RoomOutbox;
  readonly #updates: ClientUpdates;
  #state: RoomState = 'loading';
  #unloading: Promise<void> | null = null;
  #idleTimer: NodeJS.Timeout | undefined;
  /** applyAs's copy of the document (#scratch); null until an API write needs one. */
  #shadow: Y.Doc | null = null;

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
    this.#presence = new RoomPresence(this.doc, this.#connections);
    this.#outbox = new RoomOutbox(this.doc, this.#connections, this.#persistence);
    this.#updates = new ClientUpdates(this.doc, this.#persistence, options);
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
    this.#presence.greet(conn);
    conn.attach({ message: (message) => this.#handle(conn, message), closed: () => this.#remove(conn) });
  }

  /** Calls `fn` with the peer of each open connection. */
  forEachPeer(fn: (peer: ConnectionPeer) => void): void {
    for (const conn of this.#connections) fn(conn.peer);
  }

  /**
   * Closes each connection for which `verdict` names a close code (a member removed, a role
   * changed, a session signed out: RoomManager decides which); returns how many it closed.
   */
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

  /**
   * Runs a board operation for a member exactly as that member's own client would send it: on a
   * scratch copy of the document, whose one update then takes a client update's way in
   * (ClientUpdates.admit: size limit, the hooks' verdict, apply, append, broadcast to every
   * connection, the activity under the member). So an API write meets the same update policy as
   * a socket's: roles, gates, required fields, money rules. Synchronous from copy to apply, so
   * nothing lands in between; resolves once the change is durable and broadcast.
   */
  async applyAs<T>(sender: UpdateSender, operation: (doc: Y.Doc) => T): Promise<AppliedAs<T>> {
    this.#assertOpen();
    let kept = false;
    try {
      const scratch = this.#scratch();
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => {
        update = update ? Y.mergeUpdates([update, u]) : u;
      };
      scratch.on('update', capture);
      let value: T;
      try {
        // One transaction, so the operation's writes are one update, as a client's would be.
        value = scratch.transact(() => operation(scratch), sender.origin);
      } finally {
        scratch.off('update', capture);
        // Nothing written (an operation's own refusal comes before it writes): the copy still matches.
        kept = update === null;
      }
      if (!update) return { ok: true, value };
      const verdict = this.#updates.admit(sender, update, Y.decodeUpdate(update));
      if (verdict === 'too-large') return { ok: false, reason: 'too-large', detail: 'Document too large.' };
      if (!verdict.ok) return verdict;
      // Accepted: the room now holds what the copy holds, so the copy stays for the next call.
      kept = true;
      await this.flush();
      return { ok: true, value };
    } finally {
      // A copy ahead of the room (a refused change, or one an operation left half-written when it
      // threw) would hand later updates parts the room never judged: it is dropped and made anew.
      if (!kept) this.#dropScratch();
      this.#armIdle();
    }
  }

  /**
   * The copy applyAs writes on, brought up to the room's state. Made whole once (one
   * encodeStateAsUpdate, about 0.6 s for a 3 MB board on these machines), then moved forward by
   * the difference only, so an API write costs what it changes, not what the board holds.
   */
  #scratch(): Y.Doc {
    if (!this.#shadow) {
      this.#shadow = new Y.Doc();
      Y.applyUpdate(this.#shadow, Y.encodeStateAsUpdate(this.doc));
    } else {
      Y.applyUpdate(this.#shadow, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.#shadow)));
    }
    return this.#shadow;
  }

  #dropScratch(): void {
    this.#shadow?.destroy();
    this.#shadow = null;
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
      this.#presence.start();
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
      case 'syncStep1':
        this.#outbox.reply(conn, message.stateVector);
        break;
      case 'syncStep2':
      case 'syncUpdate':
        this.#updates.receive(conn, message.update, message.decoded);
        break;
      case 'awareness':
        this.#presence.receive(conn, message.update);
        break;
      case 'queryAwareness':
        this.#presence.query(conn);
        break;
      case 'subscribeActivity':
        conn.wantsActivity = true;
        break;
    }
  }

  /** Sends activity entries to the connections that subscribed to them. */
  sendActivity(entries: unknown[]): void {
    this.#outbox.activity(entries);
  }

  /**
   * Every committed transaction after load: append; once durable, broadcast to everyone but its
   * sender and tell the `changed` hook.
   */
  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#outbox.changed();
    const change = {
      boardId: this.boardId,
      doc: this.doc,
      origin: isBoardOrigin(origin) ? origin : SERVER_ORIGIN
    };
    this.#persistence.append(update, () => {
      this.#outbox.broadcast(update, origin);
      const hooks = this.#options.hooks;
      if (hooks?.changed) tellHook(this.#log, this.boardId, 'changed', () => hooks.changed?.(change));
    });
  };

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
    this.#presence.left(conn);
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
    this.#dropScratch();
    this.#presence.destroy();
    this.doc.destroy();
  }
}
