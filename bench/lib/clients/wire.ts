/**
 * Just enough of both wire protocols for lightweight sockets. y-websocket: every message is
 * [varuint type][payload], sync payloads are [varuint step][varUint8Array]. Hocuspocus: the same,
 * prefixed with the document name as a varstring, and nothing is served before an auth message.
 */
import * as encoding from 'lib0/encoding';
import type { Protocol } from '../types';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AUTH = 2;
/** Hocuspocus: a sync message that does not ask for the other side's step 1 in return. */
export const MESSAGE_SYNC_REPLY = 4;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;
/** An empty state vector: "send me everything". */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

function frame(protocol: Protocol, room: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(encoder, room);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncMessage(
  protocol: Protocol,
  room: string,
  step: number,
  payload: Uint8Array,
  type = MESSAGE_SYNC
): Uint8Array {
  return frame(protocol, room, (encoder) => {
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

/** Hocuspocus's auth message: [name][Auth][Token][token string]; we send an empty token. */
export function authMessage(room: string, token = ''): Uint8Array {
  return frame('hocuspocus', room, (encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AUTH);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, token);
  });
}

export interface SyncFrame {
  /** Sync step (SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE) or -1 for any other message type. */
  step: number;
  /** The sync payload (a state vector for step 1, an update otherwise); empty for other types. */
  payload: Uint8Array;
  /** The message type (after the document name for Hocuspocus). */
  type: number;
}

const NONE = new Uint8Array(0);

/** Decodes the head of a message from the server; cheap (no Yjs, no decoder object). */
export function readFrame(protocol: Protocol, data: Uint8Array): SyncFrame {
  const cursor = { at: 0 };
  if (protocol === 'hocuspocus') {
    const nameLength = readVarUint(data, cursor);
    cursor.at += nameLength;
  }
  const type = readVarUint(data, cursor);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { step: -1, payload: NONE, type };
  const step = readVarUint(data, cursor);
  const length = readVarUint(data, cursor);
  return { step, payload: data.subarray(cursor.at, cursor.at + length), type };
}

/** lib0's varuint (7 bits a byte, little-endian groups), advancing `cursor`. */
function readVarUint(data: Uint8Array, cursor: { at: number }): number {
  let value = 0;
  let multiplier = 1;
  for (;;) {
    const byte = data[cursor.at++];
    if (byte === undefined) throw new Error('truncated message');
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) return value;
    multiplier *= 128;
  }
}
