/**
 * Failed attempts per key with growing delays instead of a lockout: after a few free failures,
 * each next attempt waits twice as long as the one before (1 s, 2 s, 4 s … up to a cap). Keyed
 * by (email, client address), so someone guessing from elsewhere slows themselves down and never
 * locks the real owner out. In memory and bounded: a flood of made-up keys cannot grow the table.
 */
export interface BackoffLimits {
  /** Failures without any wait; the next one starts the delays. */
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterMs: number;
  /** Most keys tracked at once; past it, forgotten entries go, then the least recently failed. */
  maxKeys: number;
}

export const DEFAULT_BACKOFF_LIMITS: BackoffLimits = {
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
  maxKeys: 10_000
};

export class BackoffLimiter {
  readonly #entries = new Map<string, { failures: number; nextAt: number; lastAt: number }>();

  constructor(
    private readonly limits: BackoffLimits = DEFAULT_BACKOFF_LIMITS,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Counts one attempt as failed, before it is tried, and returns 0; or, while the key must wait,
   * counts nothing and returns the milliseconds left. Counting first is what makes the count
   * exact under concurrency: thirty requests at once cannot all pass a check that reads a count
   * none of them has raised yet. A success takes the count back (`succeed`).
   */
  reserve(key: string): number {
    const now = this.now();
    let entry = this.#entries.get(key);
    if (entry && now - entry.lastAt >= this.limits.forgetAfterMs) entry = undefined;
    if (entry && now < entry.nextAt) return entry.nextAt - now;
    const failures = (entry?.failures ?? 0) + 1;
    const over = failures - this.limits.freeFailures;
    const delay = over < 0 ? 0 : Math.min(this.limits.firstDelayMs * 2 ** over, this.limits.maxDelayMs);
    // Deleted and set again so the map's order is least recently failed first (evicted first).
    this.#entries.delete(key);
    if (this.#entries.size >= this.limits.maxKeys) this.#evict(now);
    this.#entries.set(key, { failures, nextAt: now + delay, lastAt: now });
    return 0;
  }

  /** The person got in: earlier typos do not hold against them. */
  succeed(key: string): void {
    this.#entries.delete(key);
  }

  /** Keys tracked now (for tests of the bound). */
  get size(): number {
    return this.#entries.size;
  }

  #evict(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (now - entry.lastAt >= this.limits.forgetAfterMs) this.#entries.delete(key);
    }
    while (this.#entries.size >= this.limits.maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
