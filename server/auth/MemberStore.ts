/**
 * Board memberships behind one interface (like AuthStore and DocStore): which role each person
 * has on each board. The rules about who may change whose role live in permissions.ts and the
 * service; a store only keeps rows, refusing a member whose user does not exist.
 */
import type { BoardRole } from '../../src/lib/auth/permissions';

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
  /** Removes one member; true when they were on the board. */
  removeMember(boardId: string, userId: string): Promise<boolean>;
  /** Removes every membership of a board (the board is being deleted); returns how many. */
  removeBoard(boardId: string): Promise<number>;
}

/** Members in the order listMembers promises: by role (owners first), then by joining time. */
export function byRoleThenJoined(order: readonly BoardRole[]) {
  return (a: MemberRecord, b: MemberRecord): number =>
    order.indexOf(a.role) - order.indexOf(b.role) ||
    a.createdAt - b.createdAt ||
    (a.userId < b.userId ? -1 : 1);
}
