/**
 * The per-socket budget (server/rooms/SyncBudget.ts) on a clock the test moves: within the budget
 * messages pass at once; past it the socket is paused and they pass in order as it refills; a
 * backlog past one burst asks for the socket to be closed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Intake, MESSAGES_PER_TURN, TokenBuckets } from '#server/rooms/SyncBudget';

const limits = {
  messagesPerSecond: 10,
  messageBurst: 5,
  bytesPerSecond: 1000,
  byteBurst: 2000,
  closeAfterMs: 60_000
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function intake(budget = limits) {
  const seen = { delivered: [] as number[], paused: 0, resumed: 0, overflowed: 0 };
  const sink = new Intake<number>(
    budget,
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

  it('handles a few messages per turn of the event loop, the rest after other sockets had theirs', () => {
    const { sink, seen } = intake({ ...limits, messageBurst: 100 });
    const count = MESSAGES_PER_TURN + 4;
    for (let i = 0; i < count; i++) sink.push(i, 10);
    expect(seen.delivered).toHaveLength(MESSAGES_PER_TURN);
    expect(seen.paused).toBe(1);
    vi.advanceTimersByTime(1);
    expect(seen.delivered).toEqual([...Array(count).keys()]);
    expect(seen.resumed).toBe(1);
  });

  it('slows a socket over its budget, and closes it once it has stayed over for closeAfterMs', () => {
    const { sink, seen } = intake({ ...limits, closeAfterMs: 500 });
    for (let i = 0; i < 100; i++) sink.push(i, 10);
    expect(seen.delivered).toHaveLength(5);
    vi.advanceTimersByTime(400);
    expect(seen.delivered).toHaveLength(9);
    expect(seen.overflowed).toBe(0);
    vi.advanceTimersByTime(300);
    expect(seen.overflowed).toBe(1);
    const handled = seen.delivered.length;
    vi.advanceTimersByTime(10_000);
    expect(seen.delivered).toHaveLength(handled);
    expect(seen.resumed).toBe(0);
  });

  it('forgets the time over budget once a message passes within it', () => {
    const { sink, seen } = intake({ ...limits, closeAfterMs: 500 });
    // Each round is over the budget for 300 ms (3 of 8 wait for it), the four together for longer.
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 8; i++) sink.push(i, 10);
      vi.advanceTimersByTime(1000);
    }
    expect(seen.overflowed).toBe(0);
    expect(seen.resumed).toBe(4);
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
