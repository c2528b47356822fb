import { PRESENCE_COLORS } from '../wire/presence-colors';

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

/** The key a person is known by: the account id the server stamped, else the tab's own id. */
function personKey(peer: Peer): string {
  return peer.user.id || `client:${peer.clientId}`;
}

/**
 * A colour for each person present, distinct while there are colours enough: everyone keeps
 * their account's colour unless someone with a lower id has it, and then takes the next free one
 * in the palette. It reads only who is present, so every viewer computes the same colours, and a
 * person's colour changes only when a newcomer shares it and comes first.
 */
export function distinctColors(people: readonly { key: string; color: string }[]): Map<string, string> {
  const colorOf = new Map(people.map((p) => [p.key, p.color.toLowerCase()]));
  const keys = [...colorOf.keys()].sort();
  const out = new Map<string, string>();
  const taken = new Set<string>();
  // First everyone who comes first with their own colour keeps it, so nobody's moves for a
  // person who only borrowed a free one.
  for (const key of keys) {
    const own = colorOf.get(key)!;
    if (taken.has(own)) continue;
    taken.add(own);
    out.set(key, own);
  }
  for (const key of keys) {
    if (out.has(key)) continue;
    const own = colorOf.get(key)!;
    const start = Math.max(0, PRESENCE_COLORS.indexOf(own));
    const free = PRESENCE_COLORS.map((_, i) => PRESENCE_COLORS[(start + i) % PRESENCE_COLORS.length]!).find(
      (c) => !taken.has(c)
    );
    // Past eight people colours repeat; the initial still tells them apart.
    const chosen = free ?? own;
    taken.add(chosen);
    out.set(key, chosen);
  }
  return out;
}

/** Someone on the board, however many tabs they have open. */
export interface Person {
  key: string;
  user: PresenceUser;
  /** Their tabs' client ids, lowest first. */
  clientIds: number[];
  /** Cards they are dragging or editing, in any tab. */
  dragging: string[];
  editing: string[];
}

/** Peers grouped into people (one per account), in the order of their first tab. */
export function groupPeople(peers: readonly Peer[]): Person[] {
  const byKey = new Map<string, Person>();
  for (const peer of peers) {
    const key = personKey(peer);
    let person = byKey.get(key);
    if (!person)
      byKey.set(key, (person = { key, user: peer.user, clientIds: [], dragging: [], editing: [] }));
    person.clientIds.push(peer.clientId);
    if (peer.dragging && !person.dragging.includes(peer.dragging)) person.dragging.push(peer.dragging);
    if (peer.editing && !person.editing.includes(peer.editing)) person.editing.push(peer.editing);
  }
  for (const person of byKey.values()) person.clientIds.sort((a, b) => a - b);
  return [...byKey.values()];
}

/**
 * This tab and everyone else, from the raw awareness states: colours made distinct among all
 * present, and the reader's own other tabs left out of the others (they are the reader).
 */
export function presenceOf(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number
): { self: Peer | null; peers: Peer[] } {
  const all: Peer[] = [];
  states.forEach((state, clientId) => {
    const peer = toPeer(clientId, state);
    if (peer) all.push(peer);
  });
  const colors = distinctColors(all.map((p) => ({ key: personKey(p), color: p.user.color })));
  const recolor = (p: Peer): Peer => ({
    ...p,
    user: { ...p.user, color: colors.get(personKey(p)) ?? p.user.color }
  });
  const own = all.find((p) => p.clientId === selfClientId);
  const self = own ? recolor(own) : null;
  const peers = all
    .filter((p) => p.clientId !== selfClientId && !(self && self.user.id && p.user.id === self.user.id))
    .map(recolor)
    .sort((a, b) => a.clientId - b.clientId);
  return { self, peers };
}
