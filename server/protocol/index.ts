/** The y-websocket wire format: pure encode/decode, no I/O. */
// The close codes are shared with the browser client, which reacts to some of them.
export { CloseCode, closeCodeName, type CloseCodeValue } from '#lib/wire/close-codes';
export { decodeMessage } from './decode';
export {
  encodeActivity,
  encodeAwareness,
  encodeAwarenessFrame,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate
} from './encode';
export { MessageType, PROTOCOL_VERSION, SyncType, type ClientMessage, type DecodedUpdate } from './messages';
export { ProtocolError, type ProtocolErrorReason } from './ProtocolError';
