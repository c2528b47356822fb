/**
 * Who someone is on a board: their account's id, display name and colour. The server writes this
 * into every presence state it relays (server/rooms/awarenessIdentity.ts), so a client cannot
 * appear as someone else; a client sets its own only so it shows itself before the first echo.
 */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** What each client publishes in awareness. Peers' states are untrusted input: read them defensively. */
export interface PresenceState {
  user: PresenceUser;
  /** Card this client is dragging (mouse, touch or keyboard). */
  dragging?: string | null;
  /** Card whose title this client is editing. */
  editing?: string | null;
}

export interface Peer extends PresenceState {
  clientId: number;
}

/** Presence colours: the server gives each account one (server/auth/accountFields.ts). */
export const PRESENCE_COLORS = [
  '#e5484d',
  '#f76b15',
  '#ffc53d',
  '#46a758',
  '#12a594',
  '#0090ff',
  '#6e56cf',
  '#d6409f'
];

/** Turns one raw awareness state into a Peer, or null when it is malformed. */
export function toPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Partial<PresenceState>;
  const u = s.user;
  if (!u || typeof u !== 'object' || typeof u.name !== 'string' || typeof u.color !== 'string') return null;
  return {
    clientId,
    user: {
      id: typeof u.id === 'string' ? u.id : '',
      name: u.name.slice(0, 60),
      color: /^#[0-9a-fA-F]{6}$/.test(u.color) ? u.color : '#888888'
    },
    dragging: typeof s.dragging === 'string' ? s.dragging : null,
    editing: typeof s.editing === 'string' ? s.editing : null
  };
}
