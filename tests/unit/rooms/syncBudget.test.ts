/**
 * The per-socket budget (server/rooms/SyncBudget.ts) on a clock the test moves: within the budget
 * messages pass at once; past it the socket is paused and they pass in order as it refills; a
 * backlog past one burst asks for the socket to be closed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Intake, TokenBuckets } from '../../../server/rooms/SyncBudget';

const limits = { messagesPerSecond: 10, messageBurst: 5, bytesPerSecond: 1000, byteBurst: 2000 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function intake() {
  const seen = { delivered: [] as number[], paused: 0, resumed: 0, overflowed: 0 };
  const sink = new Intake<number>(
    limits,
    {
      deliver: (n) => seen.delivered.push(n),
      pause: () => seen.paused++,
      resume: () => seen.resumed++,
      overflow: () => seen.overflowed++
    },
    () => Date.now()
  );
  return { sink, seen };
}

describe('a socket’s budget', () => {
  it('lets a burst through at once, then one message per refill, in order, reading the socket again after', () => {
    const { sink, seen } = intake();
    for (let i = 0; i < 8; i++) sink.push(i, 10);
    expect(seen.delivered).toEqual([0, 1, 2, 3, 4]);
    expect(seen.paused).toBe(1);
    vi.advanceTimersByTime(100);
    expect(seen.delivered).toEqual([0, 1, 2, 3, 4, 5]);
    vi.advanceTimersByTime(200);
    expect(seen.delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.resumed).toBe(1);
    expect(seen.overflowed).toBe(0);
  });

  it('asks to close the socket once more than one burst waits, and lets nothing more through', () => {
    const { sink, seen } = intake();
    for (let i = 0; i < 5 + 6; i++) sink.push(i, 10);
    expect(seen.overflowed).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(seen.delivered).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes one message as large as the whole byte burst, then waits for the bytes to refill', () => {
    const buckets = new TokenBuckets(limits, () => Date.now());
    expect(buckets.take(2000)).toBe(0);
    const wait = buckets.take(1);
    expect(wait).toBeGreaterThan(0);
    vi.advanceTimersByTime(wait);
    expect(buckets.take(1)).toBe(0);
  });
});
