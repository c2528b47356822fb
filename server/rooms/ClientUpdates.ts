import * as Y from 'yjs';
import { errorMessage, type Logger } from '../log';
import { CloseCode, ProtocolError, type DecodedUpdate } from '../protocol';
import type { BoardOrigin } from '#lib/board/origin';
import type { Connection, ConnectionPeer } from './Connection';
import { tellHook, type AcceptedPayload, type RoomHooks, type UpdateVerdict } from './hooks';
import type { RoomPersistence } from './RoomPersistence';

/** The room's options this part reads. */
export interface ClientUpdatesOptions {
  boardId: string;
  log: Logger;
  maxDocBytes: number;
  hooks?: RoomHooks;
}

/** Who an update comes from: the member, the origin its transaction carries, a name for logs. */
export interface UpdateSender {
  peer: Readonly<ConnectionPeer>;
  origin: BoardOrigin;
  label: string;
}

const NO_HOOKS: RoomHooks = {};
/** What a room with no `beforeUpdate` hook answers every update. */
const ACCEPTED: UpdateVerdict<unknown> = { ok: true, context: undefined };

/**
 * A client's update on its way into the room: the document size limit, the hooks' verdict, the
 * apply, and the hooks told once it is applied and once it is durable. Nothing here knows what
 * the hooks judge or record.
 */
export class ClientUpdates {
  readonly #doc: Y.Doc;
  readonly #persistence: RoomPersistence;
  readonly #options: ClientUpdatesOptions;

  constructor(doc: Y.Doc, persistence: RoomPersistence, options: ClientUpdatesOptions) {
    this.#doc = doc;
    this.#persistence = persistence;
    this.#options = options;
  }

  /** Applies `update` from `conn`, or closes `conn` when it is too large or the hooks refuse it. */
  receive(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    const outcome = this.admit({ peer: conn.peer, origin: conn.origin, label: conn.id }, update, decoded);
    if (outcome === 'too-large') return conn.close(CloseCode.DocumentTooLarge, 'document too large');
    // Not applied, so not stored or broadcast; the client drops its copy and resyncs.
    if (!outcome.ok) return conn.close(CloseCode.UpdateRefused, outcome.reason);
  }

  /**
   * A member's update on its way in, whoever carries it (a socket, or the server applying an
   * operation for an API call: Room.applyAs): the size limit, the hooks' verdict, the apply, the
   * hooks told. Refused or too large, nothing is applied, stored or broadcast.
   */
  admit(
    sender: UpdateSender,
    update: Uint8Array,
    decoded: DecodedUpdate
  ): UpdateVerdict<unknown> | 'too-large' {
    const doc = this.#doc;
    const { boardId, log, hooks = NO_HOOKS } = this.#options;
    const { peer, origin } = sender;
    if (this.#tooLarge(sender.label, update)) return 'too-large';
    const verdict = hooks.beforeUpdate?.({ boardId, doc, update, decoded, peer }) ?? ACCEPTED;
    if (!verdict.ok) {
      log.warn('update refused', {
        board: boardId,
        conn: sender.label,
        user: peer.userId,
        role: peer.role,
        reason: verdict.reason,
        detail: verdict.detail
      });
      return verdict;
    }
    const accepted: AcceptedPayload<unknown> = { boardId, doc, peer, context: verdict.context };
    // One append for the update and what `updateApplied` writes in answer (an overrun demoted,
    // server/policy/moneyPolicy.ts): no crash can store the one without the other.
    this.#persistence.batch(() => {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch (cause) {
        throw new ProtocolError('invalid-update', `Yjs refused the update: ${errorMessage(cause)}`, {
          cause
        });
      }
      if (hooks.updateApplied) tellHook(log, boardId, 'updateApplied', () => hooks.updateApplied?.(accepted));
    });
    if (hooks.updateStored) {
      // Queued behind the update's own append (made while it was applied), so it runs once durable.
      this.#persistence.enqueue(() =>
        tellHook(log, boardId, 'updateStored', () => hooks.updateStored?.(accepted))
      );
    }
    return verdict;
  }

  /** True when applying `update` could push the stored document past its limit. */
  #tooLarge(label: string, update: Uint8Array): boolean {
    // An empty update ([0, 0], every step 2 of an up-to-date client) cannot grow the doc.
    if (update.length <= 2) return false;
    const { boardId, log, maxDocBytes } = this.#options;
    const projected = this.#persistence.docBytes + pendingBytes(this.#doc) + update.length;
    if (projected <= maxDocBytes) return false;
    log.warn('document too large', { board: boardId, conn: label, bytes: projected, limit: maxDocBytes });
    return true;
  }
}

/** Bytes Yjs holds back while waiting for missing dependencies; counted so they cannot grow unbounded. */
function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}
