import { createHash, scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { needsRehash } from '#server/auth/passwords';
import { refusal } from '../helpers/refusal';
import { authFixture, type AuthFixture } from './authFixture';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PASSWORD = 'correct horse battery';

describe('AuthService on a real SQLite file', () => {
  let f: AuthFixture;

  beforeEach(async () => {
    f = await authFixture();
  });

  afterEach(async () => {
    await f.cleanup();
  });

  const signUp = (email: string, name?: string) => f.auth.signUp({ email, password: PASSWORD, name });
  /** Opens sign-up as the administrator `admin` signed in with. */
  const openSignup = async (adminToken: string) =>
    f.auth.setOpenSignup(await f.auth.userForToken(adminToken), true);

  it('makes the first account the administrator and refuses a second while sign-up is closed', async () => {
    const { user } = await signUp(' Ann@Example.com ', 'Ann');
    expect(user).toEqual({
      id: user.id,
      email: 'ann@example.com',
      name: 'Ann',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      isAdmin: true
    });
    expect(await f.auth.getSettings()).toEqual({ openSignup: false });
    const refused = await refusal(signUp('bob@example.com'));
    expect(refused).toMatchObject({ status: 403, code: 'signup-closed' });
    expect(refused.message).toMatch(/administrator.*invit/);
    expect(await f.store.countUsers()).toBe(1);
  });

  it('lets a second person in as a non-administrator once the administrator opens sign-up', async () => {
    const admin = await signUp('ann@example.com');
    expect(await openSignup(admin.token)).toEqual({ openSignup: true });
    const { user: bob, token } = await signUp('bob@example.com');
    expect(bob).toMatchObject({ email: 'bob@example.com', name: 'bob', isAdmin: false });
    // Only an administrator may change the setting; nobody signed in gets 401.
    const asBob = await f.auth.userForToken(token);
    expect(await refusal(f.auth.setOpenSignup(asBob, false))).toMatchObject({
      status: 403,
      code: 'forbidden'
    });
    expect(await refusal(f.auth.setOpenSignup(null, false))).toMatchObject({
      status: 401,
      code: 'not-signed-in'
    });
    expect(await refusal(f.auth.setOpenSignup(await f.auth.userForToken(admin.token), 'yes'))).toMatchObject({
      status: 400,
      code: 'invalid-setting'
    });
    expect(await f.auth.getSettings()).toEqual({ openSignup: true });
  });

  it('of two first sign-ups at once, makes exactly one administrator and refuses the other while closed', async () => {
    const results = await Promise.allSettled([signUp('ann@example.com'), signUp('bob@example.com')]);
    const admitted = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.user] : []));
    expect(admitted).toHaveLength(1);
    expect(admitted[0]?.isAdmin).toBe(true);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(await refusal(Promise.reject(rejected?.reason))).toMatchObject({ code: 'signup-closed' });
    expect(f.rows('users').filter((row) => row.is_admin === 1)).toHaveLength(1);
  });

  it('of two first sign-ups at once with sign-up already open, admits the other as a member', async () => {
    await f.store.setSetting('openSignup', true);
    const [a, b] = await Promise.all([signUp('ann@example.com'), signUp('bob@example.com')]);
    expect([a.user.isAdmin, b.user.isAdmin].sort()).toEqual([false, true]);
  });

  it('refuses a second account for the same email in any case or spacing', async () => {
    const admin = await signUp('ann@example.com');
    await openSignup(admin.token);
    for (const email of ['ann@example.com', 'ANN@Example.com', '  ann@example.COM']) {
      expect(await refusal(signUp(email))).toMatchObject({ status: 409, code: 'email-taken' });
    }
    expect(await f.store.countUsers()).toBe(1);
  });

  it('refuses a bad email, a weak password or a bad name before creating anything', async () => {
    expect(await refusal(signUp('not-an-email'))).toMatchObject({ status: 400, code: 'invalid-email' });
    expect(await refusal(f.auth.signUp({ email: 'a@b.co', password: 'short' }))).toMatchObject({
      status: 400,
      code: 'weak-password'
    });
    expect(await refusal(signUp('a@b.co', 'x'.repeat(61)))).toMatchObject({ code: 'invalid-name' });
    expect(await f.store.countUsers()).toBe(0);
  });

  it('answers a wrong password, an unknown email and a malformed one with the same error', async () => {
    await signUp('ann@example.com');
    const signedIn = await f.auth.signIn({ email: 'ANN@example.com', password: PASSWORD });
    expect(signedIn.user.email).toBe('ann@example.com');
    const answers = await Promise.all([
      refusal(f.auth.signIn({ email: 'ann@example.com', password: 'wrong password' })),
      refusal(f.auth.signIn({ email: 'nobody@example.com', password: PASSWORD })),
      refusal(f.auth.signIn({ email: 'nobody', password: PASSWORD })),
      refusal(f.auth.signIn({ email: 'ann@example.com', password: undefined }))
    ]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 401, code: 'bad-credentials' });
  });

  it('spends a password check on an unknown email too, so timing does not tell which emails have accounts', async () => {
    await signUp('ann@example.com');
    // Counted, not timed: one scrypt is tens of milliseconds, and skipping it is what would leak.
    for (const email of ['ann@example.com', 'nobody@example.com', 'not an email']) {
      const before = f.checks.count;
      await refusal(f.auth.signIn({ email, password: 'wrong password' }));
      expect(f.checks.count - before).toBe(1);
    }
  });

  it('ends a session at sign-out, and a second sign-out of the same token is harmless', async () => {
    const { token } = await signUp('ann@example.com');
    expect(await f.auth.userForToken(token)).not.toBeNull();
    await f.auth.signOut(token);
    expect(await f.auth.userForToken(token)).toBeNull();
    await f.auth.signOut(token);
    await f.auth.signOut('not a token');
    expect(f.rows('sessions')).toHaveLength(0);
  });

  it('refuses and deletes an expired session, and slides the expiry of one in use', async () => {
    const { token } = await signUp('ann@example.com');
    const start = f.clock.now;
    f.clock.now = start + 29 * DAY;
    expect(await f.auth.userForToken(token)).not.toBeNull();
    expect(f.rows('sessions')[0]).toMatchObject({
      last_seen_at: f.clock.now,
      expires_at: f.clock.now + 30 * DAY
    });
    f.clock.now = start + 58 * DAY;
    expect(await f.auth.userForToken(token)).not.toBeNull();
    f.clock.now += 30 * DAY;
    expect(await f.auth.userForToken(token)).toBeNull();
    expect(f.rows('sessions')).toHaveLength(0);
  });

  it('writes a session’s expiry at most once an hour, not on every request', async () => {
    const { token } = await signUp('ann@example.com');
    const created = f.rows('sessions')[0];
    f.clock.now += 59 * 60_000;
    await f.auth.userForToken(token);
    expect(f.rows('sessions')[0]).toEqual(created);
    f.clock.now += 2 * 60_000;
    await f.auth.userForToken(token);
    expect(f.rows('sessions')[0]?.last_seen_at).toBe(f.clock.now);
  });

  it('sweeps expired sessions of everyone when someone signs in', async () => {
    const { token } = await signUp('ann@example.com');
    f.clock.now += 31 * DAY;
    await f.auth.signIn({ email: 'ann@example.com', password: PASSWORD });
    const hashes = f.rows('sessions').map((row) => row.token_hash);
    expect(hashes).toHaveLength(1);
    expect(hashes).not.toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('stores only the sha256 of a session token: no row and no byte of the file holds the token', async () => {
    const { token } = await signUp('ann@example.com');
    const second = await f.auth.signIn({ email: 'ann@example.com', password: PASSWORD });
    const rows = f.rows('sessions');
    expect(rows.map((row) => row.token_hash).sort()).toEqual(
      [token, second.token].map((t) => createHash('sha256').update(t).digest('hex')).sort()
    );
    for (const row of rows) expect(Object.values(row)).not.toContain(token);
    expect(f.fileText()).not.toContain(token);
    expect(f.fileText()).not.toContain(PASSWORD);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('never returns, throws or logs the password or its hash', async () => {
    const { user, token } = await signUp('ann@example.com');
    const hash = (await f.store.getUser(user.id))?.passwordHash ?? '';
    expect(hash).toMatch(/^scrypt\$/);
    const out: unknown[] = [user, await f.auth.userForToken(token)];
    out.push(await f.auth.signIn({ email: 'ann@example.com', password: PASSWORD }));
    for (const attempt of [
      () => f.auth.signIn({ email: 'ann@example.com', password: 'wrong password!' }),
      () => f.auth.signIn({ email: 'nobody@example.com', password: PASSWORD }),
      () => f.auth.signUp({ email: 'bob@example.com', password: PASSWORD }),
      () => f.auth.signUp({ email: 'ann@example.com', password: 'wrong password!' })
    ]) {
      out.push(await refusal(attempt()));
    }
    expect(Object.keys(user).sort()).toEqual(['color', 'email', 'id', 'isAdmin', 'name']);
    const seen = JSON.stringify(out) + JSON.stringify(f.log.lines);
    for (const secret of [PASSWORD, 'wrong password!', hash, hash.split('$')[5] ?? hash]) {
      expect(seen).not.toContain(secret);
    }
    expect(f.log.lines.map((line) => line.message)).toEqual(
      expect.arrayContaining(['administrator account created', 'signed in', 'sign-in refused'])
    );
  });

  it('brings a hash made with older scrypt parameters up to date at the next sign-in', async () => {
    const { user } = await signUp('ann@example.com');
    const salt = Buffer.alloc(16, 1);
    const key = scryptSync(PASSWORD.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 });
    const legacy = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    await f.store.updateUser(user.id, { passwordHash: legacy }, f.clock.now);
    await f.auth.signIn({ email: 'ann@example.com', password: PASSWORD });
    const stored = (await f.store.getUser(user.id))?.passwordHash ?? '';
    expect(stored).not.toBe(legacy);
    expect(needsRehash(stored)).toBe(false);
    await f.auth.signIn({ email: 'ann@example.com', password: PASSWORD });
  });

  it('treats a cookie value that is not one of our tokens as nobody', async () => {
    for (const junk of [undefined, '', 'x', 'a'.repeat(43), 42, 'a'.repeat(4000)]) {
      expect(await f.auth.userForToken(junk)).toBeNull();
    }
  });
});
