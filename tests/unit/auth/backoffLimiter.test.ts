import { describe, expect, it } from 'vitest';
import { BackoffLimiter } from '#server/auth/backoffLimiter';

const limits = { freeFailures: 2, firstDelayMs: 1000, maxDelayMs: 5000, forgetAfterMs: 60_000, maxKeys: 3 };

describe('BackoffLimiter', () => {
  it('keeps at most maxKeys keys, dropping forgotten ones first, then the least recently failed', () => {
    const clock = { now: 0 };
    const limiter = new BackoffLimiter(limits, () => clock.now);
    for (let i = 0; i < 1000; i++) {
      expect(limiter.reserve(`k${i}`)).toBe(0);
      expect(limiter.size).toBeLessThanOrEqual(3);
    }
    // k997 fails again, so k998 is now the least recently failed and goes first.
    limiter.reserve('k997');
    limiter.reserve('new');
    limiter.reserve('k997');
    expect(limiter.reserve('k997')).toBe(1000);
    expect(limiter.reserve('k999')).toBe(0);
  });

  it('forgets a key after a quiet period, and waits no longer than the cap', () => {
    const clock = { now: 0 };
    const limiter = new BackoffLimiter(limits, () => clock.now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = limiter.reserve('k');
      waits.push(wait);
      clock.now += wait;
      limiter.reserve('k');
    }
    expect(waits).toEqual([0, 1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    clock.now += 60_000;
    expect(limiter.reserve('k')).toBe(0);
    expect(limiter.reserve('k')).toBe(0);
    expect(limiter.reserve('k')).toBe(1000);
  });
});
