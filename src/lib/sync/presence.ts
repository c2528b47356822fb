/** Who this browser is on a board until accounts exist (issue 5): a remembered guest number and colour. */
export interface PresenceUser {
  /** Display name, when the server or the user set one. */
  name?: string;
  /** Guest number, rendered as "访客 12" / "Guest 12" in each viewer's language. */
  guest: number;
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

/** Presence colours: guests pick one at random, the server assigns one to each account. */
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
const STORAGE_KEY = 'stageboard-guest';

/** This browser's guest identity, created once and kept in localStorage. */
export function localUser(): PresenceUser {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as PresenceUser | null;
    if (saved && Number.isInteger(saved.guest) && typeof saved.color === 'string') return saved;
  } catch {
    // Unreadable storage: fall through to a fresh identity.
  }
  const guest = 1 + Math.floor(Math.random() * 999);
  const user: PresenceUser = { guest, color: PRESENCE_COLORS[guest % PRESENCE_COLORS.length] as string };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  } catch {
    // Private mode: the identity lasts for this page only.
  }
  return user;
}

/** Turns one raw awareness state into a Peer, or null when it is malformed. */
export function toPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Partial<PresenceState>;
  const u = s.user;
  if (!u || typeof u !== 'object' || !Number.isInteger(u.guest) || typeof u.color !== 'string') return null;
  const color = /^#[0-9a-fA-F]{6}$/.test(u.color) ? u.color : '#888888';
  const name = typeof u.name === 'string' ? u.name.slice(0, 60) : undefined;
  return {
    clientId,
    user: { guest: u.guest, color, ...(name ? { name } : {}) },
    dragging: typeof s.dragging === 'string' ? s.dragging : null,
    editing: typeof s.editing === 'string' ? s.editing : null
  };
}
