import type { IncomingMessage } from 'node:http';

/** Where sync sockets live: y-websocket appends the room name to the server URL. */
export const SYNC_PATH_PREFIX = '/sync/';
const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The board id of a sync upgrade URL: a string for `/sync/<valid id>`, null for a `/sync/...`
 * path with an invalid id, undefined for paths that are not ours (Vite's HMR socket, ...).
 */
export function syncBoardId(url: string | undefined): string | null | undefined {
  const pathname = (url ?? '').split('?', 1)[0] ?? '';
  if (!pathname.startsWith(SYNC_PATH_PREFIX)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(pathname.slice(SYNC_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return BOARD_ID.test(id) ? id : null;
}

/**
 * Cross-site WebSocket hijacking guard: browsers always send Origin, so a present Origin must be
 * this server's own host or explicitly allowed. A missing Origin is a non-browser client (bench,
 * CLI), which cannot carry a victim's cookies, so it is allowed.
 */
export function isOriginAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const normalized = origin.trim().toLowerCase().replace(/\/+$/, '');
  if (allowedOrigins.some((allowed) => allowed.trim().toLowerCase().replace(/\/+$/, '') === normalized)) {
    return true;
  }
  const host = req.headers.host?.toLowerCase();
  if (!host || normalized === 'null') return false;
  try {
    // Host only, not scheme: behind a TLS-terminating proxy the page is https while we see http.
    return new URL(normalized).host === host;
  } catch {
    return false;
  }
}
