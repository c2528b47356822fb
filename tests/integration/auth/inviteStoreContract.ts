import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthStoreError, type AuthStore } from '#server/auth/AuthStore';
import {
  InviteStoreError,
  type InviteRedemption,
  type InviteStore,
  type NewInvite
} from '#server/auth/InviteStore';
import type { MemberStore } from '#server/auth/MemberStore';
import { sampleUser } from './authStoreContract';

/** An invite store with the user store it checks creators against; `reopen` gives a fresh one on the same data. */
export interface InviteStoreFixture {
  invites: InviteStore;
  users: AuthStore;
  /** The memberships a redemption writes, on the same data. */
  members: MemberStore;
  reopen?: () => Promise<InviteStore>;
  cleanup: () => Promise<void>;
}

const DAY = 24 * 3600 * 1000;

const invite = (tokenHash: string, overrides: Partial<NewInvite> = {}): NewInvite => ({
  tokenHash,
  boardId: 'b1',
  role: 'editor',
  email: null,
  createdBy: 'ann',
  createdAt: 1_000,
  expiresAt: 1_000 + 7 * DAY,
  ...overrides
});

/** A redemption of `tokenHash` at 2,000 by `userId`, as an editor of b1 added by ann. */
const redemption = (tokenHash: string, userId: string, newUser: boolean): InviteRedemption => ({
  tokenHash,
  now: 2_000,
  newUser: newUser ? sampleUser(userId) : null,
  member: { boardId: 'b1', userId, role: 'editor', addedBy: 'ann', createdAt: 2_000 }
});

const hashes = (rows: { tokenHash: string }[]) => rows.map((r) => r.tokenHash);

/** Rules I1… every InviteStore keeps; run against each implementation. */
export function inviteStoreContract(
  name: string,
  open: () => Promise<InviteStoreFixture>,
  { persistent }: { persistent: boolean }
): void {
  describe(`InviteStore contract: ${name}`, () => {
    let f: InviteStoreFixture;
    beforeEach(async () => {
      f = await open();
      for (const id of ['ann', 'bob', 'cai']) await f.users.createUser(sampleUser(id));
    });
    afterEach(() => f.cleanup());

    it('I1 an invite is stored unused and read back by its token hash', async () => {
      const made = await f.invites.createInvite(invite('h1', { email: 'bob@example.com', role: 'viewer' }));
      expect(made).toEqual({
        ...invite('h1', { email: 'bob@example.com', role: 'viewer' }),
        usedBy: null,
        usedAt: null
      });
      expect(await f.invites.getInvite('h1')).toEqual(made);
      expect(await f.invites.getInvite('h2')).toBeNull();
    });

    it('I2 an invite whose creator does not exist is refused and nothing is stored', async () => {
      await expect(f.invites.createInvite(invite('h1', { createdBy: 'ghost' }))).rejects.toBeInstanceOf(
        InviteStoreError
      );
      expect(await f.invites.getInvite('h1')).toBeNull();
    });

    it('I3 a board lists only its working invites, newest first: not used, expired, revoked or elsewhere', async () => {
      await f.invites.createInvite(invite('old', { createdAt: 1 }));
      await f.invites.createInvite(invite('new', { createdAt: 3 }));
      await f.invites.createInvite(invite('mid', { createdAt: 2 }));
      await f.invites.createInvite(invite('used'));
      await f.invites.createInvite(invite('expired', { createdAt: 0, expiresAt: 5_000 }));
      await f.invites.createInvite(invite('revoked'));
      await f.invites.createInvite(invite('other', { boardId: 'b2' }));
      expect(await f.invites.markUsed('used', 'bob', 2_000)).toBe(true);
      expect(await f.invites.deleteInvite('revoked')).toBe(true);
      expect(hashes(await f.invites.listPending('b1', 5_000))).toEqual(['new', 'mid', 'old']);
      expect(hashes(await f.invites.listPending('b1', 4_999))).toEqual(['new', 'mid', 'old', 'expired']);
      expect(hashes(await f.invites.listPending('b2', 5_000))).toEqual(['other']);
    });

    it('I4 an invite is used once: the second use is refused and the first user stays recorded', async () => {
      await f.invites.createInvite(invite('h1'));
      expect(await f.invites.markUsed('h1', 'bob', 2_000)).toBe(true);
      expect(await f.invites.markUsed('h1', 'cai', 3_000)).toBe(false);
      expect(await f.invites.getInvite('h1')).toMatchObject({ usedBy: 'bob', usedAt: 2_000 });
      expect(await f.invites.markUsed('nope', 'cai', 3_000)).toBe(false);
    });

    it('I5 of two uses at the same moment exactly one wins', async () => {
      await f.invites.createInvite(invite('h1'));
      const results = await Promise.all([
        f.invites.markUsed('h1', 'bob', 2_000),
        f.invites.markUsed('h1', 'cai', 2_000)
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? 'bob' : 'cai';
      expect((await f.invites.getInvite('h1'))?.usedBy).toBe(winner);
    });

    it('I6 an invite cannot be used once the clock reaches its expiry', async () => {
      await f.invites.createInvite(invite('h1', { expiresAt: 5_000 }));
      expect(await f.invites.markUsed('h1', 'bob', 5_000)).toBe(false);
      expect(await f.invites.getInvite('h1')).toMatchObject({ usedBy: null, usedAt: null });
      expect(await f.invites.markUsed('h1', 'bob', 4_999)).toBe(true);
    });

    it('I7 revoking deletes the invite and says whether there was one', async () => {
      await f.invites.createInvite(invite('h1'));
      expect(await f.invites.deleteInvite('h1')).toBe(true);
      expect(await f.invites.deleteInvite('h1')).toBe(false);
      expect(await f.invites.getInvite('h1')).toBeNull();
      expect(await f.invites.markUsed('h1', 'bob', 2_000)).toBe(false);
    });

    it('I8 removing a board deletes its invites, used ones too, and no other board’s', async () => {
      await f.invites.createInvite(invite('a'));
      await f.invites.createInvite(invite('b'));
      await f.invites.markUsed('b', 'bob', 2_000);
      await f.invites.createInvite(invite('c', { boardId: 'b2' }));
      expect(await f.invites.removeBoard('b1')).toBe(2);
      expect(await f.invites.getInvite('a')).toBeNull();
      expect(await f.invites.getInvite('b')).toBeNull();
      expect(await f.invites.getInvite('c')).not.toBeNull();
    });

    it('I9 what a caller does to a returned record does not change the store', async () => {
      const made = await f.invites.createInvite(invite('h1'));
      made.role = 'owner';
      (await f.invites.listPending('b1', 2_000))[0]!.role = 'owner';
      (await f.invites.getInvite('h1'))!.usedBy = 'cai';
      expect(await f.invites.getInvite('h1')).toMatchObject({ role: 'editor', usedBy: null });
    });

    it('I11 redeeming writes the claim, the new account and the membership together', async () => {
      await f.invites.createInvite(invite('h1'));
      expect(await f.invites.redeem(redemption('h1', 'dan', true))).toBe(true);
      expect(await f.invites.getInvite('h1')).toMatchObject({ usedBy: 'dan', usedAt: 2_000 });
      expect(await f.users.getUserByEmail('dan@example.com')).toMatchObject({ id: 'dan' });
      expect(await f.members.getMember('b1', 'dan')).toMatchObject({ role: 'editor', addedBy: 'ann' });
      // An existing account: the claim and its membership (a role raised in place).
      await f.members.putMember({
        boardId: 'b1',
        userId: 'bob',
        role: 'viewer',
        addedBy: 'ann',
        createdAt: 1
      });
      await f.invites.createInvite(invite('h2'));
      expect(await f.invites.redeem(redemption('h2', 'bob', false))).toBe(true);
      expect(await f.members.getMember('b1', 'bob')).toMatchObject({ role: 'editor', createdAt: 1 });
    });

    it('I12 a refused redemption writes nothing: used or expired link, taken email', async () => {
      await f.invites.createInvite(invite('used'));
      await f.invites.markUsed('used', 'bob', 1_500);
      await f.invites.createInvite(invite('expired', { expiresAt: 2_000 }));
      for (const hash of ['used', 'expired', 'nope']) {
        expect(await f.invites.redeem(redemption(hash, 'dan', true))).toBe(false);
      }
      await f.invites.createInvite(invite('h1'));
      const taken = {
        ...redemption('h1', 'dan', true),
        newUser: sampleUser('dan', { email: 'bob@example.com' })
      };
      await expect(f.invites.redeem(taken)).rejects.toMatchObject({ code: 'email-taken' });
      await expect(f.invites.redeem(taken)).rejects.toBeInstanceOf(AuthStoreError);
      expect(await f.invites.getInvite('h1')).toMatchObject({ usedBy: null });
      expect(await f.users.getUser('dan')).toBeNull();
      expect(await f.members.listMembers('b1')).toEqual([]);
    });

    it('I13 of eight redemptions of one invite at once exactly one writes anything', async () => {
      await f.invites.createInvite(invite('h1'));
      const ids = Array.from({ length: 8 }, (_, n) => `new${n}`);
      const results = await Promise.all(ids.map((id) => f.invites.redeem(redemption('h1', id, true))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = ids[results.indexOf(true)]!;
      expect((await f.invites.getInvite('h1'))?.usedBy).toBe(winner);
      expect((await Promise.all(ids.map((id) => f.users.getUser(id)))).filter(Boolean)).toHaveLength(1);
      expect((await f.members.listMembers('b1')).map((m) => m.userId)).toEqual([winner]);
    });

    it('I14 an address lists its working invites on every board, newest first, and no one else’s', async () => {
      const to = (email: string | null, extra: Partial<NewInvite> = {}) => ({ email, ...extra });
      await f.invites.createInvite(invite('old', to('dan@example.com', { createdAt: 1 })));
      await f.invites.createInvite(invite('new', to('dan@example.com', { createdAt: 3, boardId: 'b2' })));
      await f.invites.createInvite(invite('used', to('dan@example.com')));
      await f.invites.markUsed('used', 'bob', 1_500);
      await f.invites.createInvite(invite('expired', to('dan@example.com', { expiresAt: 2_000 })));
      await f.invites.createInvite(invite('other', to('eve@example.com')));
      await f.invites.createInvite(invite('open', to(null)));
      expect(hashes(await f.invites.listForEmail('dan@example.com', 2_000))).toEqual(['new', 'old']);
      expect(hashes(await f.invites.listForEmail('nobody@example.com', 2_000))).toEqual([]);
    });

    // Registered for stores that keep data across a restart only, so nothing is skipped silently.
    if (persistent)
      it('I10 invites and their use survive a restart', async () => {
        await f.invites.createInvite(invite('h1', { role: 'manager', email: 'bob@example.com' }));
        await f.invites.markUsed('h1', 'bob', 2_000);
        const reopened = await f.reopen!();
        expect(await reopened.getInvite('h1')).toMatchObject({
          role: 'manager',
          email: 'bob@example.com',
          usedBy: 'bob',
          usedAt: 2_000
        });
      });
  });
}
