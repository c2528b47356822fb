import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryAuthStore } from '#server/auth/MemoryAuthStore';
import { MemoryMemberStore } from '#server/auth/MemoryMemberStore';
import { MembershipService } from '#server/auth/MembershipService';
import { sampleUser } from './authStoreContract';
import { refusal } from '../helpers/refusal';

describe('board membership', () => {
  let members: MembershipService;
  const board = 'b1';

  beforeEach(async () => {
    const users = new MemoryAuthStore();
    for (const id of ['owner', 'manager', 'editor', 'viewer', 'outsider', 'newbie']) {
      await users.createUser(sampleUser(id));
    }
    members = new MembershipService(new MemoryMemberStore(users), users);
    await members.addCreator(board, 'owner');
    await members.add('owner', board, { email: 'manager@example.com', role: 'manager' });
    await members.add('manager', board, { email: 'editor@example.com', role: 'editor' });
    await members.add('manager', board, { email: 'viewer@example.com', role: 'viewer' });
  });

  it('makes the creator the owner and lists members owners first', async () => {
    expect((await members.list('viewer', board)).map((m) => [m.userId, m.role])).toEqual([
      ['owner', 'owner'],
      ['manager', 'manager'],
      ['editor', 'editor'],
      ['viewer', 'viewer']
    ]);
    expect(await members.roleOf(board, 'outsider')).toBeNull();
    expect(await members.roleOf(board, null)).toBeNull();
  });

  it('shows the member list to members only', async () => {
    expect(await refusal(members.list('outsider', board))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await refusal(members.list(null, board))).toMatchObject({ status: 403 });
  });

  it('lets managers add and change members below owner, and nobody below manager', async () => {
    await members.setRole('manager', board, 'viewer', 'commenter');
    expect(await members.roleOf(board, 'viewer')).toBe('commenter');
    expect(
      await refusal(members.add('editor', board, { email: 'newbie@example.com', role: 'viewer' }))
    ).toMatchObject({ status: 403, code: 'forbidden' });
    expect(
      await refusal(members.add('manager', board, { email: 'newbie@example.com', role: 'owner' }))
    ).toMatchObject({ status: 403 });
    expect(await refusal(members.setRole('manager', board, 'owner', 'editor'))).toMatchObject({
      status: 403
    });
    expect(await members.roleOf(board, 'newbie')).toBeNull();
    expect(await members.roleOf(board, 'owner')).toBe('owner');
  });

  it('never leaves a board without an owner', async () => {
    expect(await refusal(members.setRole('owner', board, 'owner', 'manager'))).toMatchObject({
      status: 409,
      code: 'last-owner'
    });
    expect(await refusal(members.remove('owner', board, 'owner'))).toMatchObject({ code: 'last-owner' });
    await members.setRole('owner', board, 'manager', 'owner');
    await members.remove('owner', board, 'owner');
    expect(await members.roleOf(board, 'owner')).toBeNull();
    expect(await members.roleOf(board, 'manager')).toBe('owner');
  });

  it('lets anyone leave, and refuses unknown people, roles and non-members clearly', async () => {
    await members.remove('viewer', board, 'viewer');
    expect(await members.roleOf(board, 'viewer')).toBeNull();
    expect(await refusal(members.remove('owner', board, 'viewer'))).toMatchObject({
      status: 404,
      code: 'not-member'
    });
    expect(
      await refusal(members.add('owner', board, { email: 'ghost@example.com', role: 'viewer' }))
    ).toMatchObject({
      status: 404,
      code: 'unknown-user'
    });
    expect(await refusal(members.setRole('owner', board, 'editor', 'admin'))).toMatchObject({
      status: 400,
      code: 'invalid-role'
    });
  });
});
