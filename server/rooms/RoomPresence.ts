import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { encodeAwareness } from '../protocol';
import { presenceIdentity, stampAwareness } from './awarenessIdentity';
import { Connection } from './Connection';

/**
 * A room's presence (who is viewing, dragging, typing): relayed at once and never persisted, so it
 * lives apart from the document's durable path. Each state is stamped with its connection's
 * identity (awarenessIdentity.ts), and a connection's states go when it does.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  readonly #connections: ReadonlySet<Connection>;

  /** `connections` is the room's own set, read live: presence goes to whoever is in the room now. */
  constructor(doc: Y.Doc, connections: ReadonlySet<Connection>) {
    this.#connections = connections;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant; without this every client would see a phantom user.
    this.awareness.setLocalState(null);
  }

  /** Starts relaying: called once the document is loaded, when connections may be attached. */
  start(): void {
    this.awareness.on('update', this.#onUpdate);
  }

  /** A joining connection learns who is there already. */
  greet(conn: Connection): void {
    if (this.awareness.getStates().size > 0) conn.send(encodeAwareness(this.awareness));
  }

  /** Answers a client asking for everyone's presence. */
  query(conn: Connection): void {
    conn.send(encodeAwareness(this.awareness));
  }

  /** A presence update from `conn`: stamped with its identity, bounded, then applied and relayed. */
  receive(conn: Connection, update: Uint8Array): void {
    const stamped = stampAwareness(update, {
      identity: presenceIdentity(conn.peer),
      isForeign: (id) => this.#ownedByOther(conn, id),
      announced: conn.announcedIds
    });
    if (stamped) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, conn);
  }

  /** `conn` left: everyone sees its presence go. */
  left(conn: Connection): void {
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
  }

  destroy(): void {
    this.awareness.off('update', this.#onUpdate);
    this.awareness.destroy();
  }

  /** True when another connection of this room announced awareness client `id`. */
  #ownedByOther(conn: Connection, id: number): boolean {
    for (const other of this.#connections) if (other !== conn && other.awarenessIds.has(id)) return true;
    return false;
  }

  /** Presence is not persisted, so it is relayed at once, to the sender too (its liveness signal). */
  readonly #onUpdate = (
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
}
