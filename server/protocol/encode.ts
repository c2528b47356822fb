import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from './messages';

/** Sync step 1 carrying the document's state vector: "send me what I lack". */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return frame(MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, doc));
}

/** Sync step 2: everything in `doc` that a peer with `stateVector` lacks, computed now. */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return frame(MessageType.Sync, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector));
}

/** An incremental update frame, as broadcast to every other connection of a room. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return frame(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, update));
}

/** An awareness frame for the given clients (all known clients when `clients` is omitted). */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients?: number[]): Uint8Array {
  const ids = clients ?? Array.from(awareness.getStates().keys());
  return encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, ids));
}

/** Activity entries (JSON) for subscribed clients; see MessageType.Activity. */
export function encodeActivity(entries: unknown): Uint8Array {
  return frame(MessageType.Activity, (e) => encoding.writeVarString(e, JSON.stringify(entries)));
}

/** Wraps an already encoded awareness update in a frame. */
export function encodeAwarenessFrame(update: Uint8Array): Uint8Array {
  return frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
}

/** Asks the peer for all awareness states it knows. */
export function encodeQueryAwareness(): Uint8Array {
  return frame(MessageType.QueryAwareness, () => {});
}

function frame(type: number, body: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return encoding.toUint8Array(encoder);
}
