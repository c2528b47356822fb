/**
 * Personal access tokens on the HTTP edge: which requests a token may authenticate, and reading
 * one from `Authorization: Bearer …`. src/hooks.server.ts asks these; the scope ceiling is applied
 * by the one grant check in route.ts.
 */
import type { TokenIdentity, TokenService } from '#server/auth/TokenService';
import { TokenRequestError } from '#server/auth/TokenRequestError';

/**
 * True when a request to `pathname` may be authenticated by a token: the JSON API only. Pages and
 * form actions are a browser's, with its cookie; a token there would let a link or a page carry
 * someone's standing credential into a session. The WebSocket upgrade (server/sync/attachSync.ts)
 * never reads the header at all: browsers cannot set it on a WebSocket, and a live socket is
 * checked at its upgrade only, so a revoke could not stop it "at once" as it stops a request.
 */
export function tokenMayAuthenticate(pathname: string): boolean {
  return pathname.startsWith('/api/');
}

/** Who the `Authorization` header's bearer token speaks for; 401 TokenRequestError otherwise. */
export async function bearerIdentity(header: string, tokens: TokenService): Promise<TokenIdentity> {
  const match = /^Bearer ([^\s]{1,200})$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new TokenRequestError(401, 'token-invalid', 'Send Authorization: Bearer <token>.');
  }
  return tokens.authenticate(match[1]);
}
