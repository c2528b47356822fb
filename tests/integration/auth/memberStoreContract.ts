import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStore } from '#server/auth/AuthStore';
import { MemberStoreError, type MemberStore, type NewMember } from '#server/auth/MemberStore';
import { sampleUser } from './authStoreContract';

/** A member store with the user store it checks users against; `reopen` gives a fresh one on the same data. */
export interface MemberStoreFixture {
  members: MemberStore;
  users: AuthStore;
  reopen?: () => Promise<MemberStore>;
  cleanup: () => Promise<void>;
}

const member = (boardId: string, userId: string, role: NewMember['role'], createdAt = 1_000): NewMember => ({
  boardId,
  userId,
  role,
  addedBy: null,
  createdAt
});

/** Rules M1… every MemberStore keeps; run against each implementation. */
export function memberStoreContract(
  name: string,
  open: () => Promise<MemberStoreFixture>,
  { persistent }: { persistent: boolean }
): void {
  describe(`MemberStore contract: ${name}`, () => {
    let f: MemberStoreFixture;
    beforeEach(async () => {
      f = await open();
      for (const id of ['ann', 'bob', 'cai']) await f.users.createUser(sampleUser(id));
    });
    afterEach(() => f.cleanup());

    it('M1 a member put on a board is read back with its role', async () => {
      const put = await f.members.putMember({ ...member('b1', 'ann', 'owner'), createdAt: 5 });
      expect(put).toEqual({
        boardId: 'b1',
        userId: 'ann',
        role: 'owner',
        addedBy: null,
        createdAt: 5,
        updatedAt: 5
      });
      expect(await f.members.getMember('b1', 'ann')).toEqual(put);
      expect(await f.members.getMember('b1', 'bob')).toBeNull();
      expect(await f.members.getMember('b2', 'ann')).toBeNull();
    });

    it('M2 putting an existing member changes the role and keeps who added them and when', async () => {
      await f.members.putMember({ ...member('b1', 'bob', 'viewer', 10), addedBy: 'ann' });
      const changed = await f.members.putMember({ ...member('b1', 'bob', 'editor', 20), addedBy: 'cai' });
      expect(changed).toMatchObject({ role: 'editor', addedBy: 'ann', createdAt: 10, updatedAt: 20 });
      expect(await f.members.getMember('b1', 'bob')).toEqual(changed);
    });

    it('M3 a member whose user does not exist is refused and nothing is stored', async () => {
      await expect(f.members.putMember(member('b1', 'ghost', 'viewer'))).rejects.toBeInstanceOf(
        MemberStoreError
      );
      expect(await f.members.listMembers('b1')).toEqual([]);
    });

    it('M4 a board lists its members owners first, then by when they joined', async () => {
      await f.members.putMember(member('b1', 'bob', 'viewer', 1));
      await f.members.putMember(member('b1', 'cai', 'editor', 3));
      await f.members.putMember(member('b1', 'ann', 'owner', 5));
      await f.members.putMember(member('b2', 'bob', 'owner', 2));
      expect((await f.members.listMembers('b1')).map((m) => [m.userId, m.role])).toEqual([
        ['ann', 'owner'],
        ['cai', 'editor'],
        ['bob', 'viewer']
      ]);
    });

    it('M5 a user lists the boards they are on, most recently joined first', async () => {
      await f.members.putMember(member('b1', 'bob', 'viewer', 1));
      await f.members.putMember(member('b2', 'bob', 'owner', 2));
      await f.members.putMember(member('b3', 'ann', 'owner', 3));
      expect((await f.members.listBoardsOf('bob')).map((m) => [m.boardId, m.role])).toEqual([
        ['b2', 'owner'],
        ['b1', 'viewer']
      ]);
    });

    it('M6 removing a member or a whole board says what it removed', async () => {
      await f.members.putMember(member('b1', 'ann', 'owner'));
      await f.members.putMember(member('b1', 'bob', 'editor'));
      await f.members.putMember(member('b2', 'bob', 'owner'));
      expect(await f.members.removeMember('b1', 'bob')).toBe(true);
      expect(await f.members.removeMember('b1', 'bob')).toBe(false);
      expect(await f.members.removeBoard('b1')).toBe(1);
      expect(await f.members.listMembers('b1')).toEqual([]);
      expect(await f.members.getMember('b2', 'bob')).not.toBeNull();
    });

    it('M7 what a caller does to a returned record does not change the store', async () => {
      const put = await f.members.putMember(member('b1', 'ann', 'viewer'));
      put.role = 'owner';
      (await f.members.listMembers('b1'))[0]!.role = 'owner';
      expect((await f.members.getMember('b1', 'ann'))?.role).toBe('viewer');
    });

    it('M9 a judged change is written only while the roles it was judged on hold', async () => {
      await f.members.putMember(member('b1', 'ann', 'owner'));
      await f.members.putMember(member('b1', 'bob', 'manager'));
      const judged = { actorId: 'ann', actorRole: 'owner' as const, memberRole: 'manager' as const };
      const toEditor = { boardId: 'b1', userId: 'bob', put: member('b1', 'bob', 'editor'), judged };
      expect(await f.members.changeMember({ ...toEditor, judged: { ...judged, actorRole: 'manager' } })).toBe(
        'stale'
      );
      expect(await f.members.changeMember({ ...toEditor, judged: { ...judged, memberRole: 'viewer' } })).toBe(
        'stale'
      );
      expect((await f.members.getMember('b1', 'bob'))?.role).toBe('manager');
      expect(await f.members.changeMember(toEditor)).toBe('ok');
      expect((await f.members.getMember('b1', 'bob'))?.role).toBe('editor');
      const removal = {
        boardId: 'b1',
        userId: 'bob',
        put: null,
        judged: { ...judged, memberRole: 'editor' as const }
      };
      expect(await f.members.changeMember(removal)).toBe('ok');
      expect(await f.members.getMember('b1', 'bob')).toBeNull();
    });

    it('M10 no change leaves a board that has owners without one, even two at the same moment', async () => {
      await f.members.putMember(member('b1', 'ann', 'owner'));
      await f.members.putMember(member('b1', 'bob', 'owner'));
      const judged = (id: string) => ({
        actorId: id,
        actorRole: 'owner' as const,
        memberRole: 'owner' as const
      });
      const owners = async () => (await f.members.listMembers('b1')).filter((m) => m.role === 'owner');
      // Both owners leave at once: the second would leave the board without one.
      const leave = (id: string) =>
        f.members.changeMember({ boardId: 'b1', userId: id, put: null, judged: judged(id) });
      expect((await Promise.all([leave('ann'), leave('bob')])).sort()).toEqual(['last-owner', 'ok']);
      expect(await owners()).toHaveLength(1);
      // Two owners step each other down at once: the second was judged on an owner who is one no more.
      const [kept] = await owners();
      const other = kept!.userId === 'ann' ? 'bob' : 'ann';
      await f.members.putMember(member('b1', other, 'owner'));
      const demote = (actorId: string, userId: string) =>
        f.members.changeMember({
          boardId: 'b1',
          userId,
          put: member('b1', userId, 'manager'),
          judged: judged(actorId)
        });
      expect((await Promise.all([demote('ann', 'bob'), demote('bob', 'ann')])).sort()).toEqual([
        'ok',
        'stale'
      ]);
      expect(await owners()).toHaveLength(1);
    });

    // Registered for stores that keep data across a restart only, so nothing is skipped silently.
    if (persistent)
      it('M8 memberships survive a restart', async () => {
        await f.members.putMember(member('b1', 'ann', 'manager', 7));
        const reopened = await f.reopen!();
        expect(await reopened.getMember('b1', 'ann')).toMatchObject({ role: 'manager', createdAt: 7 });
      });
  });
}
