/** How invites leave InviteService: never with the token, nor all of its hash. */
import type { BoardRole } from '../../src/lib/auth/permissions';

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
