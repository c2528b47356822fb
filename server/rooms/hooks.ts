/** What a room tells, and asks, the rest of the app: kept apart so Room.ts is only the room. */
import type * as Y from 'yjs';
import type { BoardOrigin } from '../../src/lib/board/origin';
import type { DerivedEvent } from '../audit/deriveActivity';
import type { Touch } from '../policy/updateTouches';
import type { DecodedUpdate } from '../protocol';
import type { ConnectionPeer } from './Connection';

/** Called after a change is durable and broadcast, e.g. to mirror the board title into the board list. */
export type DocChangeHook = (boardId: string, doc: Y.Doc, origin: BoardOrigin) => void;

/**
 * Decides, before a client update is applied, whether its sender may make it
 * (server/policy/updatePolicy.ts); `decoded` is the update as the protocol decoder read it, and
 * `touches` says what an allowed update changes.
 */
export type UpdateGuard = (
  doc: Y.Doc,
  update: Uint8Array,
  peer: ConnectionPeer,
  decoded: DecodedUpdate
) => { ok: true; touches: readonly Touch[] } | { ok: false; reason: string; detail: string };

/** Told, once an allowed client update is durable, what it did (deriveActivity.ts). */
export type ActivityHook = (boardId: string, userId: string, events: DerivedEvent[]) => void;
