import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  type onCloseParameters
} from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { now } from '../stats';
import type { Protocol } from '../types';
import { upgradeHeaders } from './target';

export interface FullClientOptions {
  protocol: Protocol;
  /** RunningPeer.wsUrl. */
  wsUrl: string;
  room: string;
  /** Cookie header of the upgrade (target.ts's cookieFor); none for servers without accounts. */
  cookie?: string;
  timeoutMs?: number;
}

/**
 * The WebSocket class handed to the providers: `ws` itself, or, with a cookie, a subclass that
 * sends it with the upgrade (providers construct their socket from a URL alone; the browser's
 * WebSocket they are typed against sends cookies without being asked).
 */
function webSocketClass(cookie: string | undefined): typeof globalThis.WebSocket {
  if (!cookie) return WebSocket as unknown as typeof globalThis.WebSocket;
  const headers = upgradeHeaders(cookie);
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * A full Yjs client, as a browser tab is one: a Y.Doc kept in sync by the server's own client
 * library — y-websocket's WebsocketProvider (ws as the WebSocket, no BroadcastChannel) for
 * Stageboard and the stock server, HocuspocusProvider (its own framing) for Hocuspocus.
 */
export class FullClient {
  readonly doc = new Y.Doc();
  /** Connections the server closed, with when (stats.ts `now`); the provider reconnects after each. */
  readonly closes: { code: number; at: number }[] = [];
  #destroy: () => void = () => undefined;
  readonly #options: FullClientOptions;

  constructor(options: FullClientOptions) {
    this.#options = options;
  }

  /** Resolves once the first sync with the server completed. */
  connect(): Promise<void> {
    const { protocol, wsUrl, room, cookie } = this.#options;
    const WebSocketPolyfill = webSocketClass(cookie);
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
        const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill });
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: room,
          document: this.doc
        });
        provider.on('synced', done);
        provider.on(
          'close',
          ({ event }: onCloseParameters) => void this.closes.push({ code: event.code, at: now() })
        );
        provider.attach();
        this.#destroy = () => {
          provider.destroy();
          socket.destroy();
        };
      } else {
        const provider = new WebsocketProvider(wsUrl, room, this.doc, {
          WebSocketPolyfill,
          disableBc: true
        });
        provider.on('sync', (synced: boolean) => {
          if (synced) done();
        });
        provider.on('connection-close', (event) => {
          if (event) this.closes.push({ code: event.code, at: now() });
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
