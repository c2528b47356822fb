import type * as Y from 'yjs';

/**
 * The y-websocket wire format as typed values. A frame is `varUint messageType` followed by a
 * type-specific body; see y-protocols/sync and y-protocols/awareness for the bodies.
 */

/**
 * Version of the wire protocol this server speaks. y-websocket frames carry no version, so
 * this only names the contract: 1 = y-websocket 1.x-3.x framing with y-protocols 1.0 bodies.
 */
export const PROTOCOL_VERSION = 1;

/** First varUint of every frame. 2 (auth) is server-to-client only and refused when received. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /**
   * Stageboard's extension: a client sends an empty Activity frame to subscribe, then receives
   * the board's activity entries as `varString JSON` bodies (src/lib/sync/activity-feed.ts).
   * Opt-in, so stock y-websocket clients (which log unknown types) never see one.
   */
  Activity: 100
} as const;

/** Second varUint of a sync frame (same values as y-protocols/sync's messageYjs* constants). */
export const SyncType = {
  Step1: 0,
  Step2: 1,
  Update: 2
} as const;

/** "Here is my state vector; send me what I lack." */
export interface SyncStep1Message {
  type: 'syncStep1';
  stateVector: Uint8Array;
}

/**
 * A Yjs update's structs and delete set, as the decoder read them to validate the update. Kept
 * so the role check (server/policy/updateTouches.ts) reads them instead of decoding a second time.
 */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The answer to step 1: everything the asker lacked, as one Yjs update. */
export interface SyncStep2Message {
  type: 'syncStep2';
  update: Uint8Array;
  decoded: DecodedUpdate;
}

/** An incremental Yjs update made after the initial sync. */
export interface SyncUpdateMessage {
  type: 'syncUpdate';
  update: Uint8Array;
  decoded: DecodedUpdate;
}

/** Presence (cursors, who is viewing): an encoded y-protocols awareness update. */
export interface AwarenessMessage {
  type: 'awareness';
  update: Uint8Array;
}

/** "Send me every awareness state you know." No body. */
export interface QueryAwarenessMessage {
  type: 'queryAwareness';
}

/** "Send me this board's activity entries as they happen." No body. */
export interface SubscribeActivityMessage {
  type: 'subscribeActivity';
}

/** Everything a client may send, after validation. */
export type ClientMessage =
  | SyncStep1Message
  | SyncStep2Message
  | SyncUpdateMessage
  | AwarenessMessage
  | QueryAwarenessMessage
  | SubscribeActivityMessage;
