/**
 * One inbox stream per browser, shared by its tabs. A browser keeps at most six HTTP/1.1
 * connections to a host and an EventSource holds one for as long as its page is open, so a
 * stream per tab would leave a seventh tab's requests waiting. The tab holding a Web Lock opens
 * the EventSource and relays what it hears over a BroadcastChannel; when that tab closes, the
 * lock and the stream pass to another. Where Web Locks are missing (plain http on a LAN address
 * is not a secure context), each tab opens its own.
 */
import { INBOX_EVENT_NAMES, type InboxEventName } from './types';

const STREAM_URL = '/api/inbox/stream';
const LOCK = 'stageboard-inbox-stream';
const CHANNEL = 'stageboard-inbox';
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 60_000;

export interface StreamHandlers {
  /** An event from the server, heard by this tab or relayed by the one holding the stream. */
  event(name: InboxEventName, data: string): void;
  /** The stream (re)connected: whatever was missed meanwhile should be fetched. */
  connected(): void;
  /** Whether events are flowing. */
  live(on: boolean): void;
}

type Relay =
  | { kind: 'event'; name: InboxEventName; data: string }
  | { kind: 'live'; on: boolean }
  | { kind: 'connected' }
  | { kind: 'hello' };

function isRelay(value: unknown): value is Relay {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.kind === 'event') {
    return INBOX_EVENT_NAMES.includes(r.name as InboxEventName) && typeof r.data === 'string';
  }
  return r.kind === 'connected' || r.kind === 'hello' || (r.kind === 'live' && typeof r.on === 'boolean');
}

export class SharedInboxStream {
  readonly #handlers: StreamHandlers;
  #channel: BroadcastChannel | null = null;
  #source: EventSource | null = null;
  #live = false;
  #abort: AbortController | null = null;
  #releaseLock: (() => void) | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #retryMs = RETRY_MIN_MS;

  constructor(handlers: StreamHandlers) {
    this.#handlers = handlers;
  }

  start(): void {
    if (typeof BroadcastChannel === 'undefined' || !('locks' in navigator)) return this.#open();
    const channel = new BroadcastChannel(CHANNEL);
    this.#channel = channel;
    channel.onmessage = (e: MessageEvent<unknown>) => this.#relayed(e.data);
    const abort = new AbortController();
    this.#abort = abort;
    navigator.locks
      .request(LOCK, { signal: abort.signal }, () => {
        // Held until stop() (or the tab closing) resolves it.
        return new Promise<void>((resolve) => {
          this.#releaseLock = resolve;
          this.#open();
        });
      })
      .catch(() => undefined); // aborted by stop() while waiting: another tab holds the stream
    channel.postMessage({ kind: 'hello' } satisfies Relay);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#close();
    this.#releaseLock?.();
    this.#releaseLock = null;
    this.#channel?.close();
    this.#channel = null;
    this.#setLive(false);
  }

  /** A message from the tab holding the stream (or, `hello`, from a tab asking whether it is live). */
  #relayed(message: unknown): void {
    if (!isRelay(message)) return;
    if (message.kind === 'hello') {
      if (this.#source) this.#channel?.postMessage({ kind: 'live', on: this.#live } satisfies Relay);
    } else if (message.kind === 'event') this.#handlers.event(message.name, message.data);
    else if (message.kind === 'connected') this.#handlers.connected();
    else this.#setLive(message.on);
  }

  /** Opens this tab's EventSource, relaying everything it hears to the other tabs. */
  #open(): void {
    const source = new EventSource(STREAM_URL);
    this.#source = source;
    const relay = (message: Relay) => this.#channel?.postMessage(message);
    for (const name of INBOX_EVENT_NAMES) {
      source.addEventListener(name, (e: MessageEvent<string>) => {
        this.#handlers.event(name, e.data);
        relay({ kind: 'event', name, data: e.data });
      });
    }
    source.onopen = () => {
      this.#retryMs = RETRY_MIN_MS;
      this.#setLive(true);
      relay({ kind: 'live', on: true });
      this.#handlers.connected();
      relay({ kind: 'connected' });
    };
    source.onerror = () => {
      this.#setLive(false);
      relay({ kind: 'live', on: false });
      // The browser retries a dropped stream itself; one the server refused (401, 429) it closes.
      if (source.readyState !== EventSource.CLOSED) return;
      this.#close();
      this.#retry = setTimeout(() => this.#open(), this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
    };
  }

  #close(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#source?.close();
    this.#source = null;
  }

  #setLive(on: boolean): void {
    if (on === this.#live) return;
    this.#live = on;
    this.#handlers.live(on);
  }
}
