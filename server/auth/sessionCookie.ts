import type { Cookies } from '@sveltejs/kit';

/** The session cookie's name; its value is the session token, which only the browser holds. */
export const SESSION_COOKIE = 'stageboard_session';

/** The attributes SvelteKit's `cookies.set` / `cookies.delete` take, as the session cookie uses them. */
export interface SessionCookieOptions {
  /** Out of reach of page scripts: an XSS bug cannot read the session. */
  httpOnly: true;
  /** Sent on top-level navigation from other sites (links keep working), not on their POSTs or fetches. */
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  /** Seconds; the session's own lifetime, so the browser forgets the cookie when the server does. */
  maxAge: number;
}

/**
 * Options for setting the session cookie on a response to `url`. Secure when the request came over
 * https (adapter-node derives that from ORIGIN or PROTOCOL_HEADER behind a proxy) or when
 * `forceSecure` says so; plain-http installs on a LAN still work.
 */
export function sessionCookieOptions(
  url: URL,
  lifetimeMs: number,
  forceSecure = false
): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: forceSecure || url.protocol === 'https:',
    maxAge: Math.floor(lifetimeMs / 1000)
  };
}

/** Sets the session cookie carrying `token` on the response to this request. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, lifetimeMs: number): void {
  cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, lifetimeMs));
}

/**
 * Tells the browser to forget the session cookie. Same attributes as when it was set: SvelteKit
 * would otherwise mark the deletion Secure, which a browser ignores on a plain-http install.
 */
export function clearSessionCookie(cookies: Cookies, url: URL): void {
  const { maxAge: _maxAge, ...options } = sessionCookieOptions(url, 0);
  cookies.delete(SESSION_COOKIE, options);
}

/**
 * The value of cookie `name` in a raw Cookie header (the WebSocket upgrade has no SvelteKit
 * `cookies`), or undefined. Percent-decoded like SvelteKit does; a malformed value is undefined.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(
        part
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1')
      );
    } catch {
      return undefined;
    }
  }
  return undefined;
}
