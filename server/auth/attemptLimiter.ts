/**
 * Failed sign-ins counted per email in a fixed window, so nobody can try passwords against one
 * account without end. Counted per account rather than per address: a botnet has many addresses,
 * an account has one email. In memory: a restart forgives, which is fine for a single process;
 * the table is bounded so a flood of made-up emails cannot grow it without limit.
 */
export interface AttemptLimits {
  /** Failures allowed in a window; the next attempt is refused until the window ends. */
  maxFailures: number;
  windowMs: number;
  /** Most emails tracked at once; past it, expired entries go, then the oldest. */
  maxKeys: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  maxKeys: 10_000
};

export class AttemptLimiter {
  readonly #entries = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS,
    private readonly now: () => number = Date.now
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  blockedFor(key: string): number {
    const entry = this.#entries.get(key);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.#entries.delete(key);
      return 0;
    }
    return entry.failures >= this.limits.maxFailures ? left : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const entry = this.#entries.get(key);
    if (entry && entry.resetAt > now) {
      entry.failures++;
      return;
    }
    if (this.#entries.size >= this.limits.maxKeys) this.#evict(now);
    this.#entries.set(key, { failures: 1, resetAt: now + this.limits.windowMs });
  }

  /** A success clears the count: the person got in, earlier typos do not hold against them. */
  succeed(key: string): void {
    this.#entries.delete(key);
  }

  #evict(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.resetAt <= now) this.#entries.delete(key);
    // Still full: drop the oldest (Maps iterate in insertion order).
    while (this.#entries.size >= this.limits.maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
