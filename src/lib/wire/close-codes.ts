/**
 * Every WebSocket close code the sync server sends, in one place.
 *
 * y-websocket >= 3.1 treats 4400-4499 as permanent ("reconnecting cannot fix this") and every
 * other code as transient, so the choice of range decides whether a client retries. Bad input
 * from a client is permanent; a slow client or a restarting server is worth a retry.
 */
export const CloseCode = {
  /** Normal closure: the server or client is done with the connection. */
  Normal: 1000,
  /** The server is shutting down or the room is unloading; reconnect later. */
  GoingAway: 1001,
  /**
   * A message larger than config.maxMessageBytes. ws enforces `maxPayload` inside its frame
   * parser and sends 1009 itself before the application sees the message, so this is RFC 6455's
   * code rather than a 44xx one. y-websocket therefore retries (with backoff).
   */
  MessageTooLarge: 1009,
  /** Unexpected server-side failure (e.g. the store refused an append); the client resyncs. */
  InternalError: 1011,
  /**
   * RFC 6455's "try again later": the client stayed over its budget (config.syncMessagesPerSecond
   * and the rest, server/rooms/SyncBudget.ts) for config.syncCloseAfterMs. Retried by y-websocket,
   * which reconnects and sends what the server lacks as one merged update, so nothing is lost.
   * Also a client that floods while its room loads (server/rooms/Connection.ts).
   */
  TryAgainLater: 1013,
  /** A message that does not decode: truncated, unknown type, trailing bytes, bad Yjs payload. */
  MalformedMessage: 4400,
  /**
   * The session was signed out (in another tab or device) while connected. Permanent: a
   * reconnect would get a 401 anyway; the client sends its user to sign in.
   */
  SessionEnded: 4401,
  /** The Origin header is not allowed (normally refused with HTTP 403 before the upgrade). */
  ForbiddenOrigin: 4403,
  /** The board does not exist (normally refused with HTTP 404 before the upgrade). */
  UnknownBoard: 4404,
  /** The member was removed from the board: permanent, the client stops and says so. */
  AccessRemoved: 4410,
  /**
   * The sender's role does not allow what its update touches (server/policy/README.md). The update
   * was not applied, stored or broadcast. Permanent for y-websocket, so a forging client stops;
   * Stageboard's own client drops its local divergence and resyncs from the server on this code.
   */
  UpdateRefused: 4422,
  /** Applying the update would push the stored document past config.maxDocBytes. */
  DocumentTooLarge: 4414,
  /**
   * The client does not read fast enough: its send buffer passed config.maxSendBufferBytes.
   * 45xx, not 4408, so y-websocket reconnects and catches up with one sync step instead of
   * giving up for good.
   */
  SlowClient: 4508,
  /**
   * The member's role changed: transient, so y-websocket reconnects at once, and the client reads
   * its new role before it edits again. (Closing rather than patching the live connection keeps
   * one rule: a connection's role is the one it was opened with.)
   */
  RoleChanged: 4509
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** The name of a close code for log lines, or the number itself when it is not ours. */
export function closeCodeName(code: number): string {
  for (const [name, value] of Object.entries(CloseCode)) if (value === code) return name;
  return String(code);
}
