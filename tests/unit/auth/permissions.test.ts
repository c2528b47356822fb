import { describe, expect, it } from 'vitest';
import {
  BOARD_ACTIONS,
  BOARD_ROLES,
  can,
  canChangeRole,
  canLeaveGate,
  canTemplate,
  type BoardAction,
  type BoardRole
} from '#lib/auth/permissions';

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

describe('the team template permission function', () => {
  const owner = { id: 'u-owner', isAdmin: false };
  const admin = { id: 'u-admin', isAdmin: true };
  const other = { id: 'u-other', isAdmin: false };

  it('lets every signed-in person use a template, and nobody signed out', () => {
    for (const actor of [owner, admin, other]) expect(canTemplate(actor, 'u-owner', 'use')).toBe(true);
    expect(canTemplate(null, 'u-owner', 'use')).toBe(false);
  });

  it('lets only its owner and administrators edit or delete a template', () => {
    for (const action of ['edit', 'delete'] as const) {
      expect(canTemplate(owner, 'u-owner', action)).toBe(true);
      expect(canTemplate(admin, 'u-owner', action)).toBe(true);
      expect(canTemplate(other, 'u-owner', action)).toBe(false);
      expect(canTemplate(null, 'u-owner', action)).toBe(false);
    }
  });

  it('leaves a template without a known owner to administrators', () => {
    expect(canTemplate(admin, null, 'edit')).toBe(true);
    expect(canTemplate(other, null, 'edit')).toBe(false);
    expect(canTemplate(other, null, 'delete')).toBe(false);
    expect(canTemplate({ id: '', isAdmin: false }, null, 'delete')).toBe(false);
  });
});
