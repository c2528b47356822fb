import { RequestError } from '../RequestError';

export type TokenRequestCode =
  /** No token of ours: malformed, unknown, or revoked (deleted). */
  | 'token-invalid'
  | 'token-expired'
  /** A read token asked for a write (route.ts, the scope ceiling). */
  | 'token-read-only'
  /** Tokens are made and revoked in a signed-in browser only (TokenService). */
  | 'token-not-allowed'
  | 'token-not-found'
  | 'too-many-tokens'
  | 'invalid-token-name'
  | 'invalid-token-scope'
  | 'invalid-token-expiry';

/** A token the server refuses, or a token request it refuses; `status` is the HTTP status. */
export class TokenRequestError extends RequestError<400 | 401 | 403 | 404 | 409, TokenRequestCode> {
  override name = 'TokenRequestError';
}
