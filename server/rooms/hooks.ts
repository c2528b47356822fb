/**
 * What a room asks and tells the rest of the app, as one interface: Hocuspocus's `Extension`
 * (packages/server/src/types.ts) is the model, one optional method per moment, each taking one
 * payload object. The room knows the moments (before a client update is applied, right after, once
 * it is durable, after any change), never who listens: the update policy (server/policy) and the
 * activity log (server/audit) plug in from outside (server/roomHooks.ts, wired by createServices).
 */
import type * as Y from 'yjs';
import type { BoardOrigin } from '#lib/board/origin';
import { errorMessage, type Logger } from '../log';
import type { DecodedUpdate } from '../protocol';
import type { ConnectionPeer } from './Connection';

/** A client update, as the room has it before applying it. */
export interface UpdatePayload {
  boardId: string;
  /** The document before the update; a hook reads it and never writes it. */
  doc: Y.Doc;
  update: Uint8Array;
  /** The update as the protocol decoder read it (decoding is most of a check's cost: done once). */
  decoded: DecodedUpdate;
  /** Who sent it: account, session and role, fixed for the connection's life. */
  peer: Readonly<ConnectionPeer>;
}

/**
 * A hook's answer to a client update: refused (the sender is closed with UpdateRefused and
 * `reason`; `detail` is logged), or accepted with a context the room keeps without reading and
 * hands back to `updateApplied` and `updateStored`.
 */
export type UpdateVerdict<Context> =
  { ok: true; context: Context } | { ok: false; reason: string; detail: string };

/** An accepted update, with the context `beforeUpdate` gave it. */
export interface AcceptedPayload<Context> {
  boardId: string;
  /** `updateApplied`: the document just after the update, before anything else changes it. */
  doc: Y.Doc;
  peer: Readonly<ConnectionPeer>;
  context: Context;
}

/** A change of the document (a client's, the server's), durable and broadcast. */
export interface ChangePayload {
  boardId: string;
  doc: Y.Doc;
  origin: BoardOrigin;
}

/**
 * Everything a room calls out to. Every method is optional: a room without hooks applies every
 * update and tells nobody (tools and tests of the sync layer alone). `Context` is whatever the
 * hooks pass themselves from `beforeUpdate` to the later calls; the room never looks inside.
 * Methods, not function properties, so a `RoomHooks<Probe>` stands where `RoomHooks` is asked for.
 */
export interface RoomHooks<Context = unknown> {
  /**
   * Judges a client update before it is applied, because Yjs cannot roll one back. Without it,
   * the context is undefined.
   */
  beforeUpdate?(payload: UpdatePayload): UpdateVerdict<Context>;
  /**
   * Right after an accepted update is applied: the document is as that update left it. What the
   * hook writes (its own transaction, its own origin) is the server's answer to the update, such as
   * an overrun demoted to pending (server/policy/moneyPolicy.ts): it is stored in one append with
   * the update (RoomPersistence.batch) and broadcast right behind it, to the sender too.
   */
  updateApplied?(payload: AcceptedPayload<Context>): void;
  /**
   * Once an accepted update is durable: behind its append, in append order, never for an update the
   * store refused (so nothing is told of a change that was lost).
   */
  updateStored?(payload: AcceptedPayload<Context>): void;
  /** After every change, the server's too, once it is durable and broadcast. */
  changed?(payload: ChangePayload): void;
}

/** The shape `createServices`' callers give an extra change listener (app.ts, tests). */
export type DocChangeHook = (boardId: string, doc: Y.Doc, origin: BoardOrigin) => void;

/**
 * Calls a hook that is told after the fact. Its failure is logged and goes no further: the change
 * is made and durable, and a listener's bug must not close the room or its sender.
 */
export function tellHook(log: Logger, boardId: string, hook: string, call: () => void): void {
  try {
    call();
  } catch (error) {
    log.error(`${hook} hook failed`, { board: boardId, error: errorMessage(error) });
  }
}
