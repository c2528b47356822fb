/**
 * Board invitations behind one interface (like MemberStore): links that put whoever opens them
 * on a board in a role. Only the sha256 of a link's token is kept, as for sessions. Who may make
 * or use an invite is InviteService's business; a store keeps rows and makes "use" happen once.
 */
import type { NewUser } from './AuthStore';
import type { NewMember } from './MemberStore';
import type { BoardRole } from '#lib/auth/permissions';

export interface InviteRecord {
  /** sha256 hex of the link's token; the token itself is never stored. */
  tokenHash: string;
  boardId: string;
  role: BoardRole;
  /** The (normalised) address it was made for, or null for a link anyone may use once. */
  email: string | null;
  createdBy: string;
  /** Milliseconds since the epoch, from the caller's clock. */
  createdAt: number;
  /** The link stops working once the clock reaches this. */
  expiresAt: number;
  usedBy: string | null;
  usedAt: number | null;
}

export type NewInvite = Omit<InviteRecord, 'usedBy' | 'usedAt'>;

/** Everything using an invite grants, written together with the claim (InviteStore.redeem). */
export interface InviteRedemption {
  tokenHash: string;
  /** The clock at the claim: an invite expired by then is not used. */
  now: number;
  /** The account made through the link (a sign-up), or null when an existing account joins. */
  newUser: NewUser | null;
  /** The membership the link grants; its userId is who used the link. */
  member: NewMember;
}

/** An invite write the store refuses: its creator does not exist (or was deleted meanwhile). */
export class InviteStoreError extends Error {
  override name = 'InviteStoreError';
  readonly code = 'unknown-user';
}

export interface InviteStore {
  /** Stores a new, unused invite; rejects with InviteStoreError when its creator does not exist. */
  createInvite(invite: NewInvite): Promise<InviteRecord>;
  /** The invite with this token hash, used or expired too (the caller says which), or null. */
  getInvite(tokenHash: string): Promise<InviteRecord | null>;
  /** The board's invites that still work at `now` (unused, unexpired), newest first. */
  listPending(boardId: string, now: number): Promise<InviteRecord[]>;
  /** The working invites (unused, unexpired at `now`) bound to this normalised email, newest first. */
  listForEmail(email: string, now: number): Promise<InviteRecord[]>;
  /**
   * Marks the invite used by `userId`, only when it is unused and unexpired at `now`, in one step:
   * of two people opening one link at once exactly one gets true.
   */
  markUsed(tokenHash: string, userId: string, now: number): Promise<boolean>;
  /**
   * Uses the invite, creates `newUser` if any, and puts `member`, in one transaction: all or
   * nothing. False, with nothing written, when the invite is used, expired or gone by now (of
   * eight sign-ups through one link at once, one account is made, not eight); rejects with
   * AuthStoreError 'email-taken', nothing written, when the new account's email has one.
   */
  redeem(redemption: InviteRedemption): Promise<boolean>;
  /** Deletes one invite (revoking it); true when there was one. */
  deleteInvite(tokenHash: string): Promise<boolean>;
  /** Deletes every invite of a board (the board is being deleted); returns how many. */
  removeBoard(boardId: string): Promise<number>;
}

/** Invites in the order listPending promises: newest first, the hash breaking ties. */
export function newestFirst(a: InviteRecord, b: InviteRecord): number {
  return b.createdAt - a.createdAt || (a.tokenHash < b.tokenHash ? -1 : 1);
}
