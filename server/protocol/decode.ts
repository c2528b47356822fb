import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncType, type ClientMessage, type DecodedUpdate } from './messages';
import { ProtocolError, type ProtocolErrorReason } from './ProtocolError';

/**
 * Validates one binary frame from a client and returns it as a typed message, or throws a
 * ProtocolError. Nothing malformed gets past this function: truncated varints, unknown types,
 * trailing bytes and Yjs payloads that do not parse are all refused here, before a room sees
 * them, because Yjs can integrate half of a broken update before it throws.
 */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  if (frame.length === 0) throw new ProtocolError('empty', 'empty frame');
  const decoder = decoding.createDecoder(frame);
  const messageType = read(decoder, decoding.readVarUint, 'message type');
  let message: ClientMessage;
  switch (messageType) {
    case MessageType.Sync:
      message = decodeSync(decoder);
      break;
    case MessageType.Awareness: {
      const update = read(decoder, decoding.readVarUint8Array, 'awareness update');
      validateAwarenessUpdate(update);
      message = { type: 'awareness', update };
      break;
    }
    case MessageType.QueryAwareness:
      message = { type: 'queryAwareness' };
      break;
    case MessageType.Activity:
      message = { type: 'subscribeActivity' };
      break;
    default:
      throw new ProtocolError('unknown-message-type', `unknown message type ${messageType}`);
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('trailing-bytes', `${frame.length - decoder.pos} bytes after the message`);
  }
  return message;
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const syncType = read(decoder, decoding.readVarUint, 'sync type');
  const payload = read(decoder, decoding.readVarUint8Array, 'sync payload');
  switch (syncType) {
    case SyncType.Step1:
      guard('invalid-state-vector', 'state vector', () => Y.decodeStateVector(payload));
      return { type: 'syncStep1', stateVector: payload };
    case SyncType.Step2:
      return { type: 'syncStep2', update: payload, decoded: decodeUpdate(payload) };
    case SyncType.Update:
      return { type: 'syncUpdate', update: payload, decoded: decodeUpdate(payload) };
    default:
      throw new ProtocolError('unknown-sync-type', `unknown sync message type ${syncType}`);
  }
}

/** Parses a Yjs v1 update completely without touching any document. */
function decodeUpdate(update: Uint8Array): DecodedUpdate {
  return guard('invalid-update', 'update', () => Y.decodeUpdate(update));
}

/** Mirrors y-protocols' applyAwarenessUpdate reads, so applying it later cannot throw. */
function validateAwarenessUpdate(update: Uint8Array): void {
  guard('invalid-awareness', 'awareness update', () => {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder); // client id
      decoding.readVarUint(decoder); // clock
      JSON.parse(decoding.readVarString(decoder));
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  });
}

function read<T>(decoder: decoding.Decoder, reader: (d: decoding.Decoder) => T, what: string): T {
  return guard('truncated', what, () => reader(decoder));
}

/** Runs a lib0/Yjs reader and turns whatever it throws (RangeError, TypeError, ...) into a ProtocolError. */
function guard<T>(reason: ProtocolErrorReason, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ProtocolError(reason, `invalid ${what}: ${detail}`, { cause });
  }
}
