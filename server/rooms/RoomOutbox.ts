import type * as Y from 'yjs';
import { encodeActivity, encodeSyncStep2, encodeSyncUpdate } from '../protocol';
import type { Connection } from './Connection';
import type { RoomPersistence } from './RoomPersistence';

/**
 * What a room sends its connections about the document (presence aside: RoomPresence.ts): sync
 * replies, each durable update, activity entries. Everything that depends on durability leaves
 * through the persistence chain, so nobody is sent what the store might still lose.
 */
export class RoomOutbox {
  readonly #doc: Y.Doc;
  readonly #connections: ReadonlySet<Connection>;
  readonly #persistence: RoomPersistence;
  /** Cached whole-document sync reply; null after any change. */
  #fullStateReply: Uint8Array | null = null;

  /** `connections` is the room's own set, read live. */
  constructor(doc: Y.Doc, connections: ReadonlySet<Connection>, persistence: RoomPersistence) {
    this.#doc = doc;
    this.#connections = connections;
    this.#persistence = persistence;
  }

  /**
   * Answers sync step 1: the reply is computed now (so it holds exactly what is applied so far)
   * and sent once all of that is durable.
   */
  reply(conn: Connection, stateVector: Uint8Array): void {
    const reply = this.#syncReply(stateVector);
    this.#persistence.enqueue(() => conn.send(reply));
  }

  /** The document changed: the cached whole-document reply no longer holds it all. */
  changed(): void {
    this.#fullStateReply = null;
  }

  /** A durable update goes to everyone but the connection it came from (`origin`). */
  broadcast(update: Uint8Array, origin: unknown): void {
    const frame = encodeSyncUpdate(update);
    for (const conn of this.#connections) if (conn.origin !== origin) conn.send(frame);
  }

  /** Sends activity entries to the connections that subscribed to them. */
  activity(entries: unknown[]): void {
    if (entries.length === 0) return;
    // Most connections (stock clients, the bench) never subscribe: then there is nothing to encode.
    let frame: Uint8Array | null = null;
    for (const conn of this.#connections) {
      if (conn.wantsActivity) conn.send((frame ??= encodeActivity(entries)));
    }
  }

  /**
   * The sync step 2 answering a state vector. A client with nothing (a new device, a join storm)
   * gets the whole document: that encoding is the costliest thing a room does, so it is made once
   * and reused until the next change, instead of once per joiner.
   */
  #syncReply(stateVector: Uint8Array): Uint8Array {
    const knowsNothing = stateVector.length === 1 && stateVector[0] === 0;
    if (!knowsNothing) return encodeSyncStep2(this.#doc, stateVector);
    this.#fullStateReply ??= encodeSyncStep2(this.#doc, stateVector);
    return this.#fullStateReply;
  }
}
