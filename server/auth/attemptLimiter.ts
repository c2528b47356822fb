/**
 * Attempts counted per key in a fixed window: past `maxFailures`, the key waits for the window's
 * end. Used per client address (signInLimits.ts), where a window suits a spray across many
 * emails. In memory: a restart forgives, which is fine for a single process; the table is bounded
 * so a flood of made-up keys cannot grow it without limit.
 */
export interface AttemptLimits {
  /** Failures allowed in a window; the next attempt is refused until the window ends. */
  maxFailures: number;
  windowMs: number;
  /** Most emails tracked at once; past it, expired entries go, then the oldest. */
  maxKeys: number;
}

export class AttemptLimiter {
  readonly #entries = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly limits: AttemptLimits,
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

  /**
   * Counts one attempt before it runs and returns 0, or counts nothing and returns the
   * milliseconds until `key` may try again. Counted first, so concurrent attempts cannot all pass
   * a check none of them has counted in yet.
   */
  reserve(key: string): number {
    const wait = this.blockedFor(key);
    if (wait <= 0) this.fail(key);
    return wait;
  }

  /** Takes back one reserved attempt that turned out not to count (a success). */
  release(key: string): void {
    const entry = this.#entries.get(key);
    if (entry && entry.failures > 0) entry.failures--;
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
