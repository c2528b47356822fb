import * as Y from 'yjs';
import type { Protocol } from '../types';
import {
  authMessage,
  EMPTY_STATE_VECTOR,
  MESSAGE_SYNC_REPLY,
  readFrame,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncMessage
} from './wire';
import { RawWebSocket } from './rawSocket';
import { upgradeHeaders } from './target';

export interface LightOptions {
  protocol: Protocol;
  /** RunningPeer.wsUrl. */
  wsUrl: string;
  room: string;
  /** Cookie header of the upgrade (target.ts's cookieFor); none for servers without accounts. */
  cookie?: string;
  /** Called with every update the server sends after the handshake (bytes valid during the call only). */
  onUpdate?: (update: Uint8Array) => void;
  /**
   * Keep a Y.Doc of the initial state (and of later updates until `keepDoc` returns false), so
   * this socket can also write valid edits without paying for every incoming update.
   */
  keepDoc?: (doc: Y.Doc) => boolean;
  timeoutMs?: number;
}

/**
 * A lightweight client: a raw WebSocket (rawSocket.ts, not `ws`: it must stay cheap per message)
 * that completes the sync handshake (step 1 with an empty state vector, waits for the server's
 * step 2, answers the server's step 1) and then only counts updates, handing their bytes to
 * `onUpdate`. For Hocuspocus it sends the auth message first.
 */
export class LightClient {
  readonly doc: Y.Doc | null;
  updates = 0;
  #ws: RawWebSocket | null = null;
  readonly #options: LightOptions;
  #keeping: boolean;

  constructor(options: LightOptions) {
    this.#options = options;
    this.doc = options.keepDoc ? new Y.Doc() : null;
    this.#keeping = Boolean(options.keepDoc);
  }

  /** Resolves once the server's sync step 2 arrived. */
  async connect(): Promise<void> {
    const { protocol, wsUrl, room } = this.#options;
    const url = protocol === 'hocuspocus' ? wsUrl : `${wsUrl}/${encodeURIComponent(room)}`;
    const timeoutMs = this.#options.timeoutMs ?? 30_000;
    const started = performance.now();
    const ws = await RawWebSocket.connect(url, timeoutMs, upgradeHeaders(this.#options.cookie));
    this.#ws = ws;
    return new Promise<void>((resolve, reject) => {
      let synced = false;
      const timer = setTimeout(
        () => fail(new Error(`handshake timed out (${url})`)),
        Math.max(0, timeoutMs - (performance.now() - started))
      );
      const fail = (error: Error): void => {
        clearTimeout(timer);
        if (!synced) reject(error);
      };
      ws.onclose = (reason) => fail(new Error(`${reason} before the handshake (${url})`));
      ws.onmessage = (data) => {
        const frame = readFrame(protocol, data);
        if (frame.step === SYNC_UPDATE || (synced && frame.step === SYNC_STEP2)) {
          this.updates++;
          this.#apply(frame.payload);
          this.#options.onUpdate?.(frame.payload);
        } else if (frame.step === SYNC_STEP2 && !synced) {
          this.#apply(frame.payload);
          synced = true;
          clearTimeout(timer);
          resolve();
        } else if (frame.step === SYNC_STEP1) {
          // Answer as a provider would: with what we have that the server lacks.
          const diff = this.doc ? Y.encodeStateAsUpdate(this.doc, frame.payload) : new Uint8Array([0, 0]);
          ws.send(syncMessage(protocol, room, SYNC_STEP2, diff, MESSAGE_SYNC_REPLY_FOR[protocol]));
        }
      };
      if (protocol === 'hocuspocus') ws.send(authMessage(room));
      ws.send(syncMessage(protocol, room, SYNC_STEP1, EMPTY_STATE_VECTOR));
    });
  }

  #apply(update: Uint8Array): void {
    if (!this.doc || !this.#keeping) return;
    // A copy: the bytes live in the socket's reused read buffer, and Yjs may keep views into them.
    Y.applyUpdate(this.doc, Uint8Array.from(update), 'remote');
    this.#keeping = this.#options.keepDoc?.(this.doc) ?? false;
  }

  /** Sends an update as a y-websocket / Hocuspocus sync update message. */
  sendUpdate(update: Uint8Array): void {
    const { protocol, room } = this.#options;
    this.#ws?.send(syncMessage(protocol, room, SYNC_UPDATE, update));
  }

  get open(): boolean {
    return this.#ws?.isOpen ?? false;
  }

  close(): void {
    this.#ws?.close();
    this.doc?.destroy();
  }
}

/** The message type a step-2 answer uses: Hocuspocus's SyncReply does not trigger another step 1. */
const MESSAGE_SYNC_REPLY_FOR: Record<Protocol, number> = { 'y-websocket': 0, hocuspocus: MESSAGE_SYNC_REPLY };
