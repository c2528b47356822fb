import type { AuthStore, UserRecord } from './AuthStore';
import { hashSessionToken, isSessionToken, newSessionToken } from './sessionToken';

/** Sliding expiry is refreshed at most this often, so a signed-in request is not a write each time. */
const TOUCH_INTERVAL_MS = 3600 * 1000;

/**
 * Sessions behind the cookie: started at sign-in and sign-up, ended at sign-out, looked up on
 * every request. The token lives only in the cookie; the store keeps its sha256, so a copied or
 * backed-up database holds no usable session. Expiry slides with use, written at most hourly.
 */
export class Sessions {
  readonly #store: AuthStore;
  readonly #lifetimeMs: number;
  readonly #now: () => number;
  readonly #onEnded: ((sessionId: string) => void) | undefined;

  constructor(
    store: AuthStore,
    options: { lifetimeMs: number; now: () => number; onEnded?: (sessionId: string) => void }
  ) {
    this.#store = store;
    this.#lifetimeMs = options.lifetimeMs;
    this.#now = options.now;
    this.#onEnded = options.onEnded;
  }

  /** Stores a new session for the user and returns its token, the only copy, for the cookie. */
  async start(userId: string): Promise<string> {
    const token = newSessionToken();
    const now = this.#now();
    // Sign-ins are rare next to requests: a good moment to sweep what has expired (an indexed delete).
    await this.#store.deleteExpiredSessions(now);
    await this.#store.createSession({
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now,
      expiresAt: now + this.#lifetimeMs,
      lastSeenAt: now
    });
    return token;
  }

  /** Ends the session of this token; a token that is unknown or malformed changes nothing. */
  async end(token: unknown): Promise<void> {
    if (!isSessionToken(token)) return;
    const session = hashSessionToken(token);
    await this.#store.deleteSession(session);
    this.#onEnded?.(session);
  }

  /** The id a live connection keeps of the session it was opened with (never the token itself). */
  idOf(token: string): string {
    return hashSessionToken(token);
  }

  /** The account signed in with this token, or null; see `live` for what a lookup writes. */
  async userFor(token: unknown): Promise<UserRecord | null> {
    return isSessionToken(token) ? this.#live(hashSessionToken(token)) : null;
  }

  /**
   * Which of these sessions (ids from `idOf`) still hold. An expired session (or one whose user
   * is gone) is deleted; a live one has its expiry moved forward, at most once an hour.
   */
  async live(sessionIds: Iterable<string>): Promise<Set<string>> {
    const live = new Set<string>();
    for (const id of sessionIds) if (await this.#live(id)) live.add(id);
    return live;
  }

  async #live(tokenHash: string): Promise<UserRecord | null> {
    const session = await this.#store.getSession(tokenHash);
    if (!session) return null;
    const now = this.#now();
    const user = now < session.expiresAt ? await this.#store.getUser(session.userId) : null;
    if (!user) {
      await this.#store.deleteSession(tokenHash);
      return null;
    }
    if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) {
      await this.#store.touchSession(tokenHash, now, now + this.#lifetimeMs);
    }
    return user;
  }
}
