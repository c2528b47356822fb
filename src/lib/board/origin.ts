/**
 * Every Y transaction carries one of these as its origin, so persistence, broadcast and
 * (later) audit can tell who made a change without guessing.
 */
export type BoardOrigin =
  /** A person's edit in this browser tab. */
  | { source: 'local' }
  /** The server itself: HTTP endpoints, seeding, migrations. */
  | { source: 'server'; reason?: string }
  /** An update received from a WebSocket connection, on the server. */
  | { source: 'client'; connectionId: string; userId?: string }
  /** Replayed from storage while a room loads. */
  | { source: 'store' };

export const LOCAL_ORIGIN: BoardOrigin = Object.freeze({ source: 'local' });
export const SERVER_ORIGIN: BoardOrigin = Object.freeze({ source: 'server' });
export const STORE_ORIGIN: BoardOrigin = Object.freeze({ source: 'store' });

/** True when a transaction origin is one of ours (y-indexeddb and providers use their own objects). */
export function isBoardOrigin(origin: unknown): origin is BoardOrigin {
  return typeof origin === 'object' && origin !== null && 'source' in origin;
}
