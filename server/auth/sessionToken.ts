import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url, unpadded: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh session token for the cookie: 256 random bits, base64url. */
export function newSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** True when a cookie value can be one of our tokens, so junk never reaches the database. */
export function isSessionToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/**
 * What the database keeps instead of the token: its sha256, hex. A plain hash is enough (no salt,
 * no scrypt): the token is 256 random bits, so there is nothing to guess, only a copy to make useless.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
