/**
 * A board's activity, live: the recent entries from the API, then each new one as the server
 * sends it over the board's own socket (MessageType.Activity, server/protocol/messages.ts). On
 * every reconnect it subscribes again and refetches, so entries made while away are not missed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { isActivityKind, mergeEntries, type ActivityEntry } from '../activity/types';

/** y-websocket's first varUint; Stageboard's extension type (kept in step with the server's). */
export const ACTIVITY_MESSAGE = 100;
const KEEP = 100;

function isEntry(value: unknown): value is ActivityEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<ActivityEntry>;
  return typeof e.id === 'number' && typeof e.at === 'number' && isActivityKind(e.kind);
}

export class ActivityFeed {
  #entries = $state<ActivityEntry[]>([]);
  readonly #boardId: string;
  readonly #provider: WebsocketProvider;
  readonly #onStatus: (event: { status: string }) => void;

  constructor(boardId: string, provider: WebsocketProvider) {
    this.#boardId = boardId;
    this.#provider = provider;
    provider.messageHandlers[ACTIVITY_MESSAGE] = (_encoder, decoder) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoding.readVarString(decoder));
      } catch {
        return;
      }
      if (Array.isArray(parsed)) this.#add(parsed.filter(isEntry));
    };
    this.#onStatus = ({ status }) => {
      if (status !== 'connected') return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, ACTIVITY_MESSAGE);
      provider.ws?.send(encoding.toUint8Array(encoder));
      void this.refresh();
    };
    provider.on('status', this.#onStatus);
    if (provider.wsconnected) this.#onStatus({ status: 'connected' });
  }

  /** Newest first. */
  get entries(): readonly ActivityEntry[] {
    return this.#entries;
  }

  /** One card's entries among those loaded (the live ones included), newest first. */
  forCard(cardId: string): ActivityEntry[] {
    return this.#entries.filter((e) => e.cardId === cardId);
  }

  /** One card's whole history from the server, newest first (the card panel merges live ones). */
  async history(cardId: string): Promise<ActivityEntry[]> {
    const query = `card=${encodeURIComponent(cardId)}&limit=200`;
    const res = await fetch(`/api/boards/${encodeURIComponent(this.#boardId)}/activity?${query}`);
    if (!res.ok) throw new Error(`activity: HTTP ${res.status}`);
    const body = (await res.json()) as { entries?: unknown[] };
    return (body.entries ?? []).filter(isEntry);
  }

  /** Loads the latest entries from the server (after a reconnect, or on demand). */
  async refresh(): Promise<void> {
    try {
      const res = await fetch(`/api/boards/${encodeURIComponent(this.#boardId)}/activity?limit=${KEEP}`);
      if (!res.ok) return;
      const body = (await res.json()) as { entries?: unknown[] };
      this.#add((body.entries ?? []).filter(isEntry));
    } catch {
      // Offline: what is loaded stays; the next reconnect refetches.
    }
  }

  destroy(): void {
    this.#provider.off('status', this.#onStatus);
    this.#provider.messageHandlers[ACTIVITY_MESSAGE] = () => {};
  }

  #add(entries: ActivityEntry[]): void {
    if (entries.length > 0) this.#entries = mergeEntries(this.#entries, entries, KEEP);
  }
}
