import { describe, expect, it } from 'vitest';
import { testClock } from '#server/testClock';

describe('the browser tests’ moved clock', () => {
  it('is ignored outside NODE_ENV=test, whatever STAGEBOARD_TEST_NOW says', () => {
    expect(testClock({ STAGEBOARD_TEST_NOW: '2027-01-26T10:00:00' })).toBeUndefined();
    expect(testClock({ NODE_ENV: 'production', STAGEBOARD_TEST_NOW: '2027-01-26T10:00:00' })).toBeUndefined();
    expect(testClock({ NODE_ENV: 'test' })).toBeUndefined();
  });

  it('starts at the given instant and runs on', () => {
    const clock = testClock({ NODE_ENV: 'test', STAGEBOARD_TEST_NOW: '2027-01-26T10:00:00Z' })!;
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(Date.parse('2027-01-26T10:00:00Z'));
    expect(now).toBeLessThan(Date.parse('2027-01-26T10:01:00Z'));
    expect(() => testClock({ NODE_ENV: 'test', STAGEBOARD_TEST_NOW: 'tomorrow' })).toThrow();
  });
});
