/** Why a message was rejected; the connection maps every reason to CloseCode.MalformedMessage. */
export type ProtocolErrorReason =
  | 'empty'
  | 'truncated'
  | 'unknown-message-type'
  | 'unknown-sync-type'
  | 'trailing-bytes'
  | 'invalid-state-vector'
  | 'invalid-update'
  | 'invalid-awareness'
  | 'text-frame';

/** A message from the network that does not follow the y-websocket wire format. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';

  constructor(
    readonly reason: ProtocolErrorReason,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}
