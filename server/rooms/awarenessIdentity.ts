/**
 * Presence carries who someone is, so the server writes that part: every awareness state a
 * connection sends has its `user` replaced by the connection's account (id, name, colour), and a
 * state for a client id another connection announced is dropped, so nobody can wear someone
 * else's name or clear their presence. The rest of the state (which card they drag or edit) is
 * the client's own business and passes through; peers read it defensively (presence.ts).
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

export function presenceIdentity(peer: ConnectionPeer): PresenceIdentity {
  return { id: peer.userId, name: peer.name, color: peer.color };
}

/**
 * Re-encodes an awareness update (already validated by the protocol decoder) with `identity` as
 * every state's `user`, leaving out entries whose client id `isForeign` says belongs to another
 * connection. Returns null when nothing is left.
 */
export function stampAwareness(
  update: Uint8Array,
  identity: PresenceIdentity,
  isForeign: (clientId: number) => boolean
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (isForeign(clientId)) continue;
    const state: unknown = JSON.parse(raw);
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
