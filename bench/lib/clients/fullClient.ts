import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Protocol } from '../types';

export interface FullClientOptions {
  protocol: Protocol;
  /** RunningPeer.wsUrl. */
  wsUrl: string;
  room: string;
  timeoutMs?: number;
}

/**
 * A full Yjs client, as a browser tab is one: a Y.Doc kept in sync by the server's own client
 * library — y-websocket's WebsocketProvider (ws as the WebSocket, no BroadcastChannel) for
 * Stageboard and the stock server, HocuspocusProvider (its own framing) for Hocuspocus.
 */
export class FullClient {
  readonly doc = new Y.Doc();
  #destroy: () => void = () => undefined;
  readonly #options: FullClientOptions;

  constructor(options: FullClientOptions) {
    this.#options = options;
  }

  /** Resolves once the first sync with the server completed. */
  connect(): Promise<void> {
    const { protocol, wsUrl, room } = this.#options;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${protocol} provider did not sync within ${this.#options.timeoutMs ?? 30_000} ms`)
          ),
        this.#options.timeoutMs ?? 30_000
      );
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      if (protocol === 'hocuspocus') {
        const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: room,
          document: this.doc
        });
        provider.on('synced', done);
        provider.attach();
        this.#destroy = () => {
          provider.destroy();
          socket.destroy();
        };
      } else {
        const provider = new WebsocketProvider(wsUrl, room, this.doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true
        });
        provider.on('sync', (synced: boolean) => {
          if (synced) done();
        });
        this.#destroy = () => provider.destroy();
      }
    });
  }

  destroy(): void {
    this.#destroy();
    this.doc.destroy();
  }
}
