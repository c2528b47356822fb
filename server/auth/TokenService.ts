import { randomBytes } from 'node:crypto';
import {
  TOKEN_EXPIRY_DAYS,
  TOKEN_NAME_MAX,
  TOKEN_PREFIX,
  isTokenScope,
  type TokenScope,
  type TokenView
} from '#lib/auth/tokenScopes';
import { cleanName } from '#lib/board/transact';
import type { AuthStore } from './AuthStore';
import { publicUser, type PublicUser } from './AuthService';
import { hashSessionToken } from './sessionToken';
import { TokenRequestError } from './TokenRequestError';
import type { TokenRecord, TokenStore } from './TokenStore';

export type { TokenView };

/** Who a request's token speaks for, and its ceiling. */
export interface TokenIdentity {
  user: PublicUser;
  token: { id: string; scope: TokenScope };
}

const DAY_MS = 86_400_000;
/** An account's tokens at most: each is a standing credential to review. */
const MAX_TOKENS_PER_USER = 50;
/** Last-used is written at most this often per token, so a busy script's calls stay reads. */
const TOUCH_EVERY_MS = 60_000;
/** `sbp_` and 32 random bytes in base64url: 256 bits, nothing to guess. */
const TOKEN_PATTERN = /^sbp_[A-Za-z0-9_-]{43}$/;
const ID_CHARS = 16;

const view = (t: TokenRecord): TokenView => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt
});

const invalid = () =>
  new TokenRequestError(401, 'token-invalid', 'This token is not valid (revoked or mistyped).');

/**
 * Personal access tokens: made and revoked by their account, shown once, kept as a sha256 (256
 * random bits need no slow hash: there is nothing to guess, only a copy to make useless, as with
 * sessions). Every request with a token looks it up again: a revoke is a delete, so the next
 * request fails, with no cache to outlive it.
 */
export class TokenService {
  constructor(
    private readonly store: TokenStore,
    private readonly users: Pick<AuthStore, 'getUser'>,
    private readonly now: () => number = Date.now
  ) {}

  /** Makes a token for `user`; the token itself is in the answer and nowhere else, ever. */
  async create(
    user: PublicUser,
    input: { name?: unknown; scope?: unknown; expiresInDays?: unknown }
  ): Promise<{ token: string; view: TokenView }> {
    const name = cleanName(input.name, TOKEN_NAME_MAX);
    if (!name) {
      throw new TokenRequestError(
        400,
        'invalid-token-name',
        `A token name is 1–${TOKEN_NAME_MAX} characters.`
      );
    }
    if (!isTokenScope(input.scope)) {
      throw new TokenRequestError(400, 'invalid-token-scope', 'A token scope is read or write.');
    }
    const days = input.expiresInDays ?? null;
    if (!(TOKEN_EXPIRY_DAYS as readonly unknown[]).includes(days)) {
      throw new TokenRequestError(
        400,
        'invalid-token-expiry',
        'A token expires in 7, 30, 90 or 365 days, or never.'
      );
    }
    if ((await this.store.listFor(user.id)).length >= MAX_TOKENS_PER_USER) {
      throw new TokenRequestError(
        409,
        'too-many-tokens',
        `An account has at most ${MAX_TOKENS_PER_USER} tokens.`
      );
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const tokenHash = hashSessionToken(token);
    const at = this.now();
    const record: TokenRecord = {
      id: tokenHash.slice(0, ID_CHARS),
      tokenHash,
      userId: user.id,
      name,
      scope: input.scope,
      createdAt: at,
      expiresAt: typeof days === 'number' ? at + days * DAY_MS : null,
      lastUsedAt: null
    };
    await this.store.insert(record);
    return { token, view: view(record) };
  }

  /** The account's tokens, newest first. */
  async list(user: PublicUser): Promise<TokenView[]> {
    return (await this.store.listFor(user.id)).map(view);
  }

  /** Revokes (deletes) the account's token `id`; the next request with it is refused. */
  async revoke(user: PublicUser, id: unknown): Promise<void> {
    const removed = typeof id === 'string' && (await this.store.remove(user.id, id));
    if (!removed) throw new TokenRequestError(404, 'token-not-found', 'No such token.');
  }

  /** Who `token` speaks for; 401 `token-invalid` or `token-expired` otherwise. */
  async authenticate(token: string): Promise<TokenIdentity> {
    if (!TOKEN_PATTERN.test(token)) throw invalid();
    const record = await this.store.findByHash(hashSessionToken(token));
    if (!record) throw invalid();
    const at = this.now();
    if (record.expiresAt !== null && record.expiresAt <= at) {
      throw new TokenRequestError(401, 'token-expired', 'This token has expired; make a new one.');
    }
    const account = await this.users.getUser(record.userId);
    if (!account) throw invalid();
    if (record.lastUsedAt === null || at - record.lastUsedAt >= TOUCH_EVERY_MS)
      await this.store.touch(record.id, at);
    return { user: publicUser(account), token: { id: record.id, scope: record.scope } };
  }
}
