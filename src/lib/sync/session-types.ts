/** What a board session (board-session.svelte.ts) says about itself, and what the page tells it. */
import type { BoardRole } from '../auth/permissions';
import type { PresenceUser } from './presence';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

/**
 * Why the server ended this session for good: it refused an update (the page drops the local
 * copy and opens a fresh session), the person was removed from the board, or signed out.
 */
export type SessionEnd = 'refused' | 'removed' | 'signed-out';

/** What the server says the person may do here, and who they are (GET /api/boards/:id). */
export interface BoardAccess {
  role: BoardRole;
  user: PresenceUser;
}

/** What the page hears from a session besides its reactive state. */
export interface SessionHooks {
  /**
   * The server closed the socket because this person's role changed; the page asks for the new
   * role (the provider reconnects by itself).
   */
  onRoleChanged?: () => void;
  /** Edits made while out of sync (offline, reconnecting) reached the server: `count` of them. */
  onOfflineMerged?: (count: number) => void;
}

/** Where the sync endpoint lives for the page's own origin. */
export function syncUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}
