import { afterEach, describe, expect, it } from 'vitest';
import { isAuthRequestError } from '#server/auth/AuthRequestError';
import { refusal } from '../helpers/refusal';
import { authFixture, type AuthFixture } from './authFixture';

const PASSWORD = 'correct horse battery';

/** Guessing slowed per (email, address) and per address (server/auth/signInLimits.ts), through AuthService. */
describe('sign-in and sign-up limits on a real SQLite file', () => {
  /** Each test opens its own fixture, with the limits it tests; it is removed after the test. */
  let opened: AuthFixture | null = null;
  const open = async (limits?: Parameters<typeof authFixture>[0]) => (opened = await authFixture(limits));
  afterEach(async () => {
    await opened?.cleanup();
    opened = null;
  });
  const ann = (f: AuthFixture) =>
    f.auth.signUp({ email: 'ann@example.com', password: PASSWORD, name: 'Ann' });

  it('slows guessing at one email from one address with growing delays, spending no scrypt on a wait, and never locks the owner out elsewhere', async () => {
    const f = await open();
    await ann(f);
    const from = (address: string, password: string, email = 'ann@example.com') =>
      f.auth.signIn({ email, password }, { address });
    /** Seconds a refused attempt is told to wait, or 0 when it was tried (and failed). */
    const waitOf = async (attempt: Promise<unknown>) => {
      const e = await attempt.then(
        () => new Error('expected a refusal'),
        (error: unknown) => error
      );
      if (!isAuthRequestError(e)) throw e;
      return e.code === 'too-many-attempts' ? (e.retryAfterSeconds ?? -1) : 0;
    };
    for (let i = 0; i < 5; i++) expect(await waitOf(from('10.0.0.9', `guess ${i}`))).toBe(0);
    const checks = f.checks.count;
    expect(await refusal(from('10.0.0.9', PASSWORD))).toMatchObject({
      status: 429,
      code: 'too-many-attempts'
    });
    expect(f.checks.count).toBe(checks);
    // The owner, at another address, is not held up by what was tried from this one.
    expect((await from('10.0.0.10', PASSWORD)).token).toBeTruthy();
    // Each wait is twice the one before, up to 15 minutes; a try is allowed once the wait is over.
    const waits: number[] = [];
    for (let i = 0; i < 13; i++) {
      const wait = await waitOf(from('10.0.0.9', 'wrong'));
      waits.push(wait);
      f.clock.now += wait * 1000 - 1;
      expect(await waitOf(from('10.0.0.9', 'wrong'))).toBe(1);
      f.clock.now += 1;
      expect(await waitOf(from('10.0.0.9', 'wrong'))).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    // An unknown email is counted the same, so a wait does not tell which emails have accounts.
    for (let i = 0; i < 5; i++) expect(await waitOf(from('10.0.0.9', 'x', 'nobody@example.com'))).toBe(0);
    expect(await waitOf(from('10.0.0.9', 'x', 'nobody@example.com'))).toBe(1);
    // A success clears the count: the next typo is the first again.
    f.clock.now += 900_000;
    expect((await from('10.0.0.9', PASSWORD)).token).toBeTruthy();
    expect(await waitOf(from('10.0.0.9', 'typo'))).toBe(0);
    expect(await waitOf(from('10.0.0.9', 'typo'))).toBe(0);
  });

  describe('per client address', () => {
    const limits = (maxFailures: number) => ({ maxFailures, windowMs: 10 * 60_000, maxKeys: 100 });

    it('stops an address trying passwords across many emails, before any hash; successes and other addresses go on', async () => {
      const f = await open({ addressLimits: { failedSignIns: limits(3) } });
      await ann(f);
      const from = (address: string, email: string, password = 'wrong') =>
        f.auth.signIn({ email, password }, { address });
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) {
        expect(await refusal(from('10.0.0.9', email))).toMatchObject({ code: 'bad-credentials' });
      }
      const checks = f.checks.count;
      const blocked = await refusal(from('10.0.0.9', 'd@x.test'));
      expect(blocked).toMatchObject({ status: 429, code: 'too-many-attempts' });
      expect(blocked.message).toMatch(/this address.*600 seconds/);
      expect(f.checks.count).toBe(checks);
      // Someone else in another office signs in; one who already got in is not what is counted.
      expect((await from('10.0.0.10', 'ann@example.com', PASSWORD)).token).toBeTruthy();
      f.clock.now += 10 * 60_000;
      expect((await from('10.0.0.9', 'ann@example.com', PASSWORD)).token).toBeTruthy();
    });

    it('limits accounts made by open sign-up per address; a refused sign-up is not counted', async () => {
      const f = await open({ addressLimits: { signUps: limits(2) } });
      await f.auth.setOpenSignup((await ann(f)).user, true);
      const from = (address: string, email: string) =>
        f.auth.signUp({ email, password: PASSWORD }, { address });
      await from('10.0.0.9', 'b@x.test');
      expect(await refusal(from('10.0.0.9', 'b@x.test'))).toMatchObject({ code: 'email-taken' });
      await from('10.0.0.9', 'c@x.test');
      expect(await refusal(from('10.0.0.9', 'd@x.test'))).toMatchObject({
        status: 429,
        code: 'too-many-attempts'
      });
      await from('10.0.0.10', 'f@x.test');
      expect(await f.store.countUsers()).toBe(4);
    });
  });
});
