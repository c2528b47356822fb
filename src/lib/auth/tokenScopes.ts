/**
 * What a personal access token may do, shared by the account page and the server: `read` acts as
 * a viewer of every board its account is on, `write` as the account's own role there. Never more
 * than the role: the token's scope is a ceiling on the account, not a grant of its own.
 */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** A token as the account page and the API show it: never the token, never its hash. */
export interface TokenView {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

/** The recognisable start of every token, so secret scanners (and people) can tell one on sight. */
export const TOKEN_PREFIX = 'sbp_';

/** Longest token name, in characters. */
export const TOKEN_NAME_MAX = 80;

/** Expiry choices the account page offers, in days; null is "never". */
export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 365, null] as const;
