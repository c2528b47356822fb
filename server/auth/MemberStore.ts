/**
 * Board memberships behind one interface (like AuthStore and DocStore): which role each person
 * has on each board. The rules about who may change whose role live in permissions.ts and the
 * service; a store only keeps rows, refusing a member whose user does not exist.
 */
import type { BoardRole } from '#lib/auth/permissions';

export interface MemberRecord {
  boardId: string;
  userId: string;
  role: BoardRole;
  /** Who added them; null for the board's creator. */
  addedBy: string | null;
  /** Milliseconds since the epoch, from the caller's clock. */
  createdAt: number;
  updatedAt: number;
}

export type NewMember = Omit<MemberRecord, 'updatedAt'>;

/**
 * A role change or removal judged on roles read earlier (MembershipService), written only if
 * those roles still hold: between the read and the write, another request may have changed them.
 */
export interface MemberChange {
  boardId: string;
  userId: string;
  /** The new membership, or null to remove the member. */
  put: NewMember | null;
  /** The roles the change was judged on: the actor's and the member's own (null: not on the board). */
  judged: { actorId: string; actorRole: BoardRole | null; memberRole: BoardRole | null };
}

/**
 * 'ok': written. 'stale': a judged role changed meanwhile, nothing written (judge again).
 * 'last-owner': it would leave a board that has owners without one, nothing written.
 */
export type MemberChangeOutcome = 'ok' | 'stale' | 'last-owner';

/** A membership write the store refuses: its user does not exist (or was deleted meanwhile). */
export class MemberStoreError extends Error {
  override name = 'MemberStoreError';
  readonly code = 'unknown-user';
}

export interface MemberStore {
  /** Adds a member, or replaces the role of an existing one (keeping createdAt and addedBy). */
  putMember(member: NewMember): Promise<MemberRecord>;
  /** The membership, or null when the user is not on the board. */
  getMember(boardId: string, userId: string): Promise<MemberRecord | null>;
  /** The board's members, owners first, then by when they joined. */
  listMembers(boardId: string): Promise<MemberRecord[]>;
  /** The boards a user is on, with their role there, most recently joined first. */
  listBoardsOf(userId: string): Promise<MemberRecord[]>;
  /**
   * Applies a judged change in one step (one transaction): only while the roles it was judged on
   * still hold, and never leaving a board that has an owner without one. Of two owners stepping
   * each other down at the same moment, one is refused.
   */
  changeMember(change: MemberChange): Promise<MemberChangeOutcome>;
  /** Removes one member; true when they were on the board. */
  removeMember(boardId: string, userId: string): Promise<boolean>;
  /** Removes every membership of a board (the board is being deleted); returns how many. */
  removeBoard(boardId: string): Promise<number>;
}

/**
 * What a judged change comes to, given the roles now (the actor's, the member's) and the board's
 * owner count: both stores decide with this, inside their one step.
 */
export function judgeChange(
  change: MemberChange,
  now: { actorRole: BoardRole | null; memberRole: BoardRole | null; owners: number }
): MemberChangeOutcome {
  const { judged } = change;
  if (now.actorRole !== judged.actorRole || now.memberRole !== judged.memberRole) return 'stale';
  const after = now.owners - (now.memberRole === 'owner' ? 1 : 0) + (change.put?.role === 'owner' ? 1 : 0);
  return now.owners > 0 && after === 0 ? 'last-owner' : 'ok';
}

/** Members in the order listMembers promises: by role (owners first), then by joining time. */
export function byRoleThenJoined(order: readonly BoardRole[]) {
  return (a: MemberRecord, b: MemberRecord): number =>
    order.indexOf(a.role) - order.indexOf(b.role) ||
    a.createdAt - b.createdAt ||
    (a.userId < b.userId ? -1 : 1);
}
