/** How invites leave InviteService: never with the token, nor all of its hash. */
import type { BoardRole } from '#lib/auth/permissions';
import { inviteId } from './inviteIds';
import type { InviteRecord } from './InviteStore';

/** A pending invite as owners and managers see it: never the token, nor all of its hash. */
export interface InviteView {
  id: string;
  role: BoardRole;
  email: string | null;
  /** The display name of whoever made it. */
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
}

/** A working invite bound to someone's address, as they see it on their board list. */
export interface ReceivedInvite {
  id: string;
  boardId: string;
  boardTitle: string;
  role: BoardRole;
  invitedBy: string;
  expiresAt: number;
}

/** What the invite page shows whoever opens a working link. */
export interface InvitePreview {
  boardId: string;
  boardTitle: string;
  role: BoardRole;
  email: string | null;
  invitedBy: string;
  expiresAt: number;
}

/** A pending invite for the managers' list; `invitedBy` is its maker's display name. */
export function inviteView(row: InviteRecord, invitedBy: string): InviteView {
  const { role, email, createdAt, expiresAt } = row;
  return { id: inviteId(row), role, email, createdAt, expiresAt, invitedBy };
}

/** A working invite for its addressee's board list. */
export function receivedInvite(row: InviteRecord, boardTitle: string, invitedBy: string): ReceivedInvite {
  const { boardId, role, expiresAt } = row;
  return { id: inviteId(row), boardId, boardTitle, role, expiresAt, invitedBy };
}

/** A working link, for the invite page. */
export function invitePreview(row: InviteRecord, boardTitle: string, invitedBy: string): InvitePreview {
  const { boardId, role, email, expiresAt } = row;
  return { boardId, boardTitle, role, email, expiresAt, invitedBy };
}
