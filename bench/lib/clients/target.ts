/**
 * Who a client connects as. Stageboard wants a session cookie on every WebSocket upgrade; the
 * peers have no accounts. A job gets the server's cookies with its target and gives connection i
 * the (i mod n)-th, so the load comes from several accounts as a team's would. Every client turns
 * its cookie into upgrade headers here, so the three socket kinds send the same request.
 */
import type { RunningPeer, ServerTarget } from '../types';

/** What a job needs to reach `peer` (JSON-safe: it crosses IPC to the generator). */
export function targetOf(peer: RunningPeer): ServerTarget {
  return peer.cookies?.length
    ? { protocol: peer.protocol, wsUrl: peer.wsUrl, cookies: peer.cookies }
    : { protocol: peer.protocol, wsUrl: peer.wsUrl };
}

/** The Cookie header connection `index` of a job sends, or undefined for a server without accounts. */
export function cookieFor(target: Pick<ServerTarget, 'cookies'>, index: number): string | undefined {
  const cookies = target.cookies;
  return cookies?.length ? cookies[index % cookies.length] : undefined;
}

/**
 * Extra headers of a WebSocket upgrade: the Cookie when there is one. No Origin: Stageboard lets
 * a client without one through (only browsers send it, and they must send their own site's).
 */
export function upgradeHeaders(cookie: string | undefined): Record<string, string> {
  return cookie ? { Cookie: cookie } : {};
}
