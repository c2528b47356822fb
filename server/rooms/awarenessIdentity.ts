/**
 * Presence carries who someone is, so the server writes that part: every awareness state a
 * connection sends has its `user` replaced by the connection's account (id, name, colour), and a
 * state for a client id another connection announced is dropped, so nobody can wear someone
 * else's name or clear their presence. The rest of the state (which card they drag or edit) is
 * the client's own business and passes through; peers read it defensively (presence.ts).
 *
 * It is bounded, as everything from the network is: one awareness frame could carry thousands of
 * invented client ids (issue 14), each relayed to everyone and kept in the room's awareness. A
 * browser tab announces one id per connection; a connection may announce PRESENCE_IDS_MAX in its
 * life, and states past PRESENCE_STATE_MAX_CHARS are dropped. Dropping, not closing: a stock
 * client never comes near either, and the rest of a frame is still relayed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ConnectionPeer } from './Connection';

/** The identity written into presence: never the role or email, which peers do not need. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
}

/** Awareness client ids one connection may announce in its life (a tab has one; reloads get new sockets). */
export const PRESENCE_IDS_MAX = 4;
/** Longest presence state relayed, as JSON: a user, a card being dragged or edited, a caret. */
export const PRESENCE_STATE_MAX_CHARS = 4096;

export function presenceIdentity(peer: ConnectionPeer): PresenceIdentity {
  return { id: peer.userId, name: peer.name, color: peer.color };
}

/** What one connection's presence is checked against. */
export interface PresenceRules {
  identity: PresenceIdentity;
  /** True when another connection announced this client id. */
  isForeign(clientId: number): boolean;
  /** Ids this connection has announced; ids it is allowed to announce are added. */
  announced: Set<number>;
}

/**
 * Re-encodes an awareness update (already validated by the protocol decoder) with `identity` as
 * every state's `user`, leaving out entries for another connection's ids, for ids past the
 * connection's PRESENCE_IDS_MAX, a removal of an id it never announced, and states past
 * PRESENCE_STATE_MAX_CHARS. Returns null when nothing is left.
 */
export function stampAwareness(
  update: Uint8Array,
  { identity, isForeign, announced }: PresenceRules
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (isForeign(clientId) || raw.length > PRESENCE_STATE_MAX_CHARS) continue;
    const state: unknown = JSON.parse(raw);
    if (!announced.has(clientId)) {
      // Removing an id it never announced changes nothing but the room's bookkeeping.
      if (state === null || announced.size >= PRESENCE_IDS_MAX) continue;
      announced.add(clientId);
    }
    // null is "this client left"; anything else that is not an object is not a presence state.
    const stamped =
      state === null
        ? null
        : { ...(typeof state === 'object' && !Array.isArray(state) ? state : {}), user: identity };
    entries.push({ clientId, clock, state: JSON.stringify(stamped) });
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
