/**
 * A moved clock for browser tests of the day-driven recurring plans: `STAGEBOARD_TEST_NOW` (an
 * ISO date-time the clock starts from, then runs on), honoured only when `NODE_ENV` is `test`,
 * with passes every second instead of every quarter hour. Chosen over a test endpoint because
 * it adds no route a production server could be reached through, and only a process a test
 * starts itself with both variables reads it; the shared browser-test server keeps real time.
 */
export interface TestClock {
  now: () => number;
  intervalMs: number;
}

const TEST_PASS_MS = 1_000;

/** The test clock the environment asks for, or undefined (always, outside NODE_ENV=test). */
export function testClock(env: Record<string, string | undefined> = process.env): TestClock | undefined {
  if (env.NODE_ENV !== 'test' || !env.STAGEBOARD_TEST_NOW) return undefined;
  const start = Date.parse(env.STAGEBOARD_TEST_NOW);
  if (!Number.isFinite(start)) throw new Error('STAGEBOARD_TEST_NOW must be an ISO date-time.');
  const began = Date.now();
  return { now: () => start + (Date.now() - began), intervalMs: TEST_PASS_MS };
}
