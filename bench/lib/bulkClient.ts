/**
 * A lightweight client for a few sockets that each receive one very large message (a whole big
 * board): `ws` assembles a message from its reads once, where the many-socket RawWebSocket
 * re-copies an incomplete frame on every read, which is quadratic in the message size and made
 * the generator, not the server, the bottleneck of the join storm. Same handshake as LightClient.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  authMessage,
  EMPTY_STATE_VECTOR,
  MESSAGE_SYNC_REPLY,
  readFrame,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncMessage
} from './clients/wire';
import { upgradeHeaders } from './clients/target';
import type { Protocol } from './types';

export interface BulkOptions {
  protocol: Protocol;
  /** RunningPeer.wsUrl. */
  wsUrl: string;
  room: string;
  /** Cookie header of the upgrade (clients/target.ts's cookieFor); none for servers without accounts. */
  cookie?: string;
  timeoutMs: number;
  /** Apply everything received to this doc (the step 2 before `connect` resolves). */
  doc?: Y.Doc;
  /** Called as each message arrives, before it is decoded or applied. */
  onArrival?: () => void;
  /** Called after each later update was applied to `doc`. */
  onApplied?: () => void;
}

/** The message type a step-2 answer uses: Hocuspocus's SyncReply does not trigger another step 1. */
const REPLY_TYPE: Record<Protocol, number> = { 'y-websocket': 0, hocuspocus: MESSAGE_SYNC_REPLY };

export class BulkClient {
  readonly #options: BulkOptions;
  #ws: WebSocket | null = null;

  constructor(options: BulkOptions) {
    this.#options = options;
  }

  /** Opens the socket, sends step 1 and resolves once the server's sync step 2 arrived. */
  connect(): Promise<void> {
    const { protocol, wsUrl, room, doc } = this.#options;
    const url = protocol === 'hocuspocus' ? wsUrl : `${wsUrl}/${encodeURIComponent(room)}`;
    const ws = new WebSocket(url, {
      perMessageDeflate: false,
      maxPayload: 1 << 30,
      headers: upgradeHeaders(this.#options.cookie)
    });
    ws.binaryType = 'nodebuffer';
    this.#ws = ws;
    return new Promise<void>((resolve, reject) => {
      let synced = false;
      const timer = setTimeout(
        () => fail(new Error(`no sync within ${this.#options.timeoutMs} ms`)),
        this.#options.timeoutMs
      );
      const fail = (error: Error): void => {
        clearTimeout(timer);
        if (!synced) reject(error);
      };
      ws.on('error', fail);
      ws.on('close', (code) => fail(new Error(`closed with ${code} before the sync (${url})`)));
      ws.on('open', () => {
        if (protocol === 'hocuspocus') ws.send(authMessage(room));
        ws.send(syncMessage(protocol, room, SYNC_STEP1, EMPTY_STATE_VECTOR));
      });
      ws.on('message', (data: Buffer) => {
        this.#options.onArrival?.();
        const frame = readFrame(protocol, data);
        if (frame.step === SYNC_STEP2 && !synced) {
          if (doc) Y.applyUpdate(doc, frame.payload, 'remote');
          synced = true;
          clearTimeout(timer);
          resolve();
        } else if (frame.step === SYNC_UPDATE || frame.step === SYNC_STEP2) {
          if (!doc) return;
          Y.applyUpdate(doc, frame.payload, 'remote');
          this.#options.onApplied?.();
        } else if (frame.step === SYNC_STEP1) {
          const diff = doc ? Y.encodeStateAsUpdate(doc, frame.payload) : new Uint8Array([0, 0]);
          ws.send(syncMessage(protocol, room, SYNC_STEP2, diff, REPLY_TYPE[protocol]));
        }
      });
    });
  }

  close(): void {
    this.#ws?.removeAllListeners();
    this.#ws?.on('error', () => undefined);
    this.#ws?.terminate();
  }
}
