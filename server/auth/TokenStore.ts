import type { TokenScope } from '#lib/auth/tokenScopes';

/** A personal access token as stored: its hash, never the token. */
export interface TokenRecord {
  /** The hash's first 16 hex characters: how the API and the account page name it. */
  id: string;
  tokenHash: string;
  userId: string;
  name: string;
  scope: TokenScope;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

/**
 * Personal access tokens (TokenService). Memory and SQLite implementations pass one contract
 * suite (tests/integration/auth/tokenStoreContract.ts). No cache sits in front of `findByHash`:
 * every request asks it, so a revoke (a delete) stops the token at the next request.
 */
export interface TokenStore {
  insert(record: TokenRecord): Promise<void>;
  /** The token whose hash this is, expired or not (the service judges expiry); null when none. */
  findByHash(tokenHash: string): Promise<TokenRecord | null>;
  /** An account's tokens, newest first. */
  listFor(userId: string): Promise<TokenRecord[]>;
  /** Deletes the account's token `id`; false when it has none by that id. */
  remove(userId: string, id: string): Promise<boolean>;
  /** Records a use of token `id` at `at`. */
  touch(id: string, at: number): Promise<void>;
}

/** Newest first, ties by id, so both stores list alike. */
export const newestTokenFirst = (a: TokenRecord, b: TokenRecord): number =>
  b.createdAt - a.createdAt || a.id.localeCompare(b.id);
