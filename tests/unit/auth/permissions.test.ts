import { describe, expect, it } from 'vitest';
import {
  BOARD_ACTIONS,
  BOARD_ROLES,
  can,
  canChangeRole,
  canLeaveGate,
  type BoardAction,
  type BoardRole
} from '../../../src/lib/auth/permissions';

/** The matrix as the issue states it, written out in full so a change to the rules shows here. */
const EXPECTED: Record<BoardRole, BoardAction[]> = {
  owner: [...BOARD_ACTIONS],
  manager: BOARD_ACTIONS.filter((a) => a !== 'delete-board'),
  editor: ['read', 'comment', 'create-card', 'edit-card', 'move-card', 'tick-checklist', 'save-template'],
  commenter: ['read', 'comment'],
  viewer: ['read']
};

describe('the board permission function', () => {
  it.each(BOARD_ROLES.flatMap((role) => BOARD_ACTIONS.map((action) => [role, action] as const)))(
    '%s: %s',
    (role, action) => {
      expect(can(role, action)).toBe(EXPECTED[role].includes(action));
    }
  );

  it('allows nothing, not even reading, to someone who is not a member', () => {
    for (const action of BOARD_ACTIONS) expect(can(null, action)).toBe(false);
  });

  it('lets a card leave a gated stage only once approved, and only for those who move cards', () => {
    for (const role of BOARD_ROLES) {
      expect(canLeaveGate(role, false)).toBe(false);
      expect(canLeaveGate(role, true)).toBe(can(role, 'move-card'));
    }
  });

  it('lets managers manage members below owner, owners everyone, and keeps the last owner', () => {
    expect(canChangeRole('manager', 'editor', 'viewer', 1)).toBe(true);
    expect(canChangeRole('manager', 'viewer', null, 1)).toBe(true);
    expect(canChangeRole('manager', 'editor', 'owner', 1)).toBe(false);
    expect(canChangeRole('manager', 'owner', 'editor', 2)).toBe(false);
    expect(canChangeRole('editor', 'viewer', 'commenter', 1)).toBe(false);
    expect(canChangeRole('owner', 'editor', 'owner', 1)).toBe(true);
    expect(canChangeRole('owner', 'owner', 'manager', 2)).toBe(true);
    expect(canChangeRole('owner', 'owner', 'manager', 1)).toBe(false);
    expect(canChangeRole('owner', 'owner', null, 1)).toBe(false);
    expect(canChangeRole(null, 'viewer', null, 1)).toBe(false);
  });
});
