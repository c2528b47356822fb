/** The y-websocket wire format: pure encode/decode, no I/O. */
export { CloseCode, closeCodeName, type CloseCodeValue } from './closeCodes';
export { decodeMessage } from './decode';
export {
  encodeAwareness,
  encodeAwarenessFrame,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate
} from './encode';
export { MessageType, PROTOCOL_VERSION, SyncType, type ClientMessage } from './messages';
export { ProtocolError, type ProtocolErrorReason } from './ProtocolError';
