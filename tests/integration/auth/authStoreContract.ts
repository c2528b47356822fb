import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthStoreError, type AuthStore, type NewUser, type SessionRecord } from '#server/auth/AuthStore';

/** One store under test; `reopen` closes it and opens a new one on the same data. */
export interface AuthStoreFixture {
  store: AuthStore;
  reopen?: () => Promise<AuthStore>;
  cleanup: () => Promise<void>;
}

const HOUR = 3600_000;

/** A user to create; the hash is a placeholder string, since stores never look inside it. */
export function sampleUser(id: string, overrides: Partial<NewUser> = {}): NewUser {
  return {
    id,
    email: `${id}@example.com`,
    name: `User ${id}`,
    color: '#0090ff',
    passwordHash: `scrypt$16384$8$1$salt-${id}$hash-${id}`,
    isAdmin: false,
    createdAt: 1_000,
    ...overrides
  };
}

function sampleSession(tokenHash: string, userId: string, expiresAt = 10 * HOUR): SessionRecord {
  return { tokenHash, userId, createdAt: 1_000, expiresAt, lastSeenAt: 1_000 };
}

/** The store's refusal code, or a failure when the promise did not reject with an AuthStoreError. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('expected the store to refuse'),
    (e: unknown) => e
  );
  if (!(error instanceof AuthStoreError)) throw error;
  return error.code;
}

/**
 * Rules every AuthStore must keep, registered as vitest tests; rule ids (A1…) are stable so a
 * failure names the broken rule. Timestamps are the caller's, so no clock is faked.
 */
export function authStoreContract(
  name: string,
  makeStore: () => Promise<AuthStoreFixture>,
  options: { persistent: boolean }
): void {
  describe(`AuthStore contract: ${name}`, () => {
    let fixture: AuthStoreFixture;
    let store: AuthStore;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('A1 a created user reads back by id and by email with every field, updatedAt = createdAt', async () => {
      const created = await store.createUser(sampleUser('ann', { isAdmin: true }));
      const expected = { ...sampleUser('ann', { isAdmin: true }), updatedAt: 1_000 };
      expect(created).toEqual(expected);
      expect(await store.getUser('ann')).toEqual(expected);
      expect(await store.getUserByEmail('ann@example.com')).toEqual(expected);
      expect(await store.countUsers()).toBe(1);
    });

    it('A2 an unknown id or email reads as null', async () => {
      await store.createUser(sampleUser('ann'));
      expect(await store.getUser('nobody')).toBeNull();
      expect(await store.getUserByEmail('nobody@example.com')).toBeNull();
    });

    it('A3 a second account with a taken email is refused as email-taken and changes nothing', async () => {
      await store.createUser(sampleUser('ann'));
      const code = await refusal(store.createUser(sampleUser('bob', { email: 'ann@example.com' })));
      expect(code).toBe('email-taken');
      expect(await store.getUser('bob')).toBeNull();
      expect(await store.countUsers()).toBe(1);
      expect((await store.getUserByEmail('ann@example.com'))?.id).toBe('ann');
    });

    it('A4 createFirstUser makes an administrator on an empty store and nothing once a user exists', async () => {
      const { isAdmin: _isAdmin, ...first } = sampleUser('ann');
      expect(await store.createFirstUser(first)).toMatchObject({ id: 'ann', isAdmin: true });
      const { isAdmin: _also, ...second } = sampleUser('bob');
      expect(await store.createFirstUser(second)).toBeNull();
      expect(await store.getUser('bob')).toBeNull();
      expect(await store.countUsers()).toBe(1);
    });

    it('A5 of many createFirstUser calls at once exactly one creates a user, the administrator', async () => {
      const attempts = ['a', 'b', 'c', 'd', 'e'].map((id) => {
        const { isAdmin: _isAdmin, ...user } = sampleUser(id);
        return store.createFirstUser(user);
      });
      const created = (await Promise.all(attempts)).filter((user) => user !== null);
      expect(created).toHaveLength(1);
      expect(created[0]?.isAdmin).toBe(true);
      expect(await store.countUsers()).toBe(1);
    });

    it('A6 updateUser changes only the given fields and sets updatedAt; an unknown id gives null', async () => {
      await store.createUser(sampleUser('ann'));
      const renamed = await store.updateUser('ann', { name: 'Ann Lee' }, 2_000);
      expect(renamed).toEqual({ ...sampleUser('ann'), name: 'Ann Lee', updatedAt: 2_000 });
      const promoted = await store.updateUser(
        'ann',
        { isAdmin: true, color: '#e5484d', passwordHash: 'scrypt$new' },
        3_000
      );
      expect(promoted).toMatchObject({
        name: 'Ann Lee',
        isAdmin: true,
        color: '#e5484d',
        passwordHash: 'scrypt$new',
        createdAt: 1_000,
        updatedAt: 3_000
      });
      expect(await store.updateUser('ann', { isAdmin: false }, 4_000)).toMatchObject({ isAdmin: false });
      expect(await store.getUser('ann')).toMatchObject({ name: 'Ann Lee', isAdmin: false, updatedAt: 4_000 });
      expect(await store.updateUser('nobody', { name: 'X' }, 5_000)).toBeNull();
    });

    it('A7 a session reads back by its token hash; an unknown hash reads as null', async () => {
      await store.createUser(sampleUser('ann'));
      await store.createSession(sampleSession('h1', 'ann'));
      expect(await store.getSession('h1')).toEqual(sampleSession('h1', 'ann'));
      expect(await store.getSession('h2')).toBeNull();
    });

    it('A8 a session for a user who does not exist is refused as unknown-user', async () => {
      expect(await refusal(store.createSession(sampleSession('h1', 'ghost')))).toBe('unknown-user');
      expect(await store.getSession('h1')).toBeNull();
    });

    it('A9 touchSession moves lastSeenAt and expiresAt only; an unknown session gives false', async () => {
      await store.createUser(sampleUser('ann'));
      await store.createSession(sampleSession('h1', 'ann'));
      expect(await store.touchSession('h1', 5 * HOUR, 40 * HOUR)).toBe(true);
      expect(await store.getSession('h1')).toEqual({
        ...sampleSession('h1', 'ann'),
        lastSeenAt: 5 * HOUR,
        expiresAt: 40 * HOUR
      });
      expect(await store.touchSession('nope', 1, 2)).toBe(false);
    });

    it("A10 deleteSession removes one session; deleteSessionsOfUser removes all of that user's only", async () => {
      await store.createUser(sampleUser('ann'));
      await store.createUser(sampleUser('bob'));
      for (const [hash, user] of [
        ['a1', 'ann'],
        ['a2', 'ann'],
        ['b1', 'bob']
      ] as const) {
        await store.createSession(sampleSession(hash, user));
      }
      expect(await store.deleteSession('a1')).toBe(true);
      expect(await store.deleteSession('a1')).toBe(false);
      expect(await store.deleteSessionsOfUser('ann')).toBe(1);
      expect(await store.getSession('a2')).toBeNull();
      expect(await store.getSession('b1')).not.toBeNull();
      expect(await store.deleteSessionsOfUser('nobody')).toBe(0);
    });

    it('A16 getFirstAdmin is the earliest-created administrator, not a later admin or an older member', async () => {
      expect(await store.getFirstAdmin()).toBeNull();
      await store.createUser(sampleUser('old', { createdAt: 500 }));
      await store.createUser(sampleUser('late', { isAdmin: true, createdAt: 3_000 }));
      await store.createUser(sampleUser('first', { isAdmin: true, createdAt: 2_000 }));
      expect((await store.getFirstAdmin())?.id).toBe('first');
    });

    it('A11 deleteExpiredSessions removes sessions with expiresAt <= now and keeps the rest', async () => {
      await store.createUser(sampleUser('ann'));
      await store.createSession(sampleSession('old', 'ann', 2 * HOUR));
      await store.createSession(sampleSession('edge', 'ann', 3 * HOUR));
      await store.createSession(sampleSession('live', 'ann', 4 * HOUR));
      expect(await store.deleteExpiredSessions(3 * HOUR)).toBe(2);
      expect(await store.getSession('old')).toBeNull();
      expect(await store.getSession('edge')).toBeNull();
      expect(await store.getSession('live')).not.toBeNull();
      expect(await store.deleteExpiredSessions(3 * HOUR)).toBe(0);
    });

    it('A12 a setting is undefined until set, reads back as a copy, and a later set replaces it', async () => {
      expect(await store.getSetting('openSignup')).toBeUndefined();
      await store.setSetting('openSignup', true);
      expect(await store.getSetting('openSignup')).toBe(true);
      await store.setSetting('openSignup', false);
      expect(await store.getSetting('openSignup')).toBe(false);
      const value = { domains: ['example.com'] };
      await store.setSetting('invites', value);
      value.domains.push('changed.com');
      const read = (await store.getSetting('invites')) as typeof value;
      expect(read).toEqual({ domains: ['example.com'] });
      read.domains.length = 0;
      expect(await store.getSetting('invites')).toEqual({ domains: ['example.com'] });
    });

    it('A13 a setting JSON cannot hold (undefined, a function) is refused and leaves the old value', async () => {
      await store.setSetting('openSignup', true);
      await expect(store.setSetting('openSignup', undefined)).rejects.toThrow(TypeError);
      await expect(store.setSetting('openSignup', () => true)).rejects.toThrow(TypeError);
      expect(await store.getSetting('openSignup')).toBe(true);
    });

    it('A14 records handed out are copies: changing them does not change the store', async () => {
      const input = sampleUser('ann');
      const created = await store.createUser(input);
      input.name = 'Changed input';
      created.name = 'Changed result';
      const read = await store.getUser('ann');
      if (read) read.isAdmin = true;
      expect(await store.getUser('ann')).toMatchObject({ name: 'User ann', isAdmin: false });

      const session = sampleSession('h1', 'ann');
      await store.createSession(session);
      session.expiresAt = 0;
      const got = await store.getSession('h1');
      if (got) got.userId = 'someone';
      expect(await store.getSession('h1')).toEqual(sampleSession('h1', 'ann'));
    });

    if (options.persistent) {
      it('A15 users, sessions and settings survive closing and reopening the store', async () => {
        await store.createUser(sampleUser('ann', { isAdmin: true }));
        await store.createSession(sampleSession('h1', 'ann'));
        await store.setSetting('openSignup', true);
        store = (await fixture.reopen?.()) ?? store;
        expect(await store.getUserByEmail('ann@example.com')).toMatchObject({ id: 'ann', isAdmin: true });
        expect(await store.getSession('h1')).toEqual(sampleSession('h1', 'ann'));
        expect(await store.getSetting('openSignup')).toBe(true);
        expect(await store.countUsers()).toBe(1);
      });
    }
  });
}
