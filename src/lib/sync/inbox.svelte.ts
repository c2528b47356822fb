/**
 * The signed-in person's inbox in the browser: items and the unread count as runes state, read
 * from GET /api/inbox and then kept live by the stream all tabs share
 * (src/lib/inbox/shared-stream.ts). One instance per page, `inbox`, retained by whatever shows
 * it: the inbox page loads the items, an unread badge needs only the count.
 */
import { SharedInboxStream } from '../inbox/shared-stream';
import { isInboxView, parseInboxEvent, type InboxEventName, type InboxView } from '../inbox/types';

/** Items asked for per page, and kept loaded at most (older ones are a "show older" away). */
const PAGE = 50;
const KEEP = 500;

export type InboxStatus = 'idle' | 'loading' | 'ready' | 'failed' | 'signed-out';
/** The live stream: not yet open, open, or lost after being open (the browser is retrying). */
export type InboxConnection = 'connecting' | 'live' | 'down';

interface Page {
  items: InboxView[];
  unread: number;
  next: number | null;
}

function toPage(value: unknown): Page | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.items) || !Number.isInteger(v.unread)) return null;
  const next = Number.isInteger(v.next) ? (v.next as number) : null;
  return { items: v.items.filter(isInboxView), unread: v.unread as number, next };
}

/** Newest first, each id once, at most KEEP. */
function merged(a: readonly InboxView[], b: readonly InboxView[]): InboxView[] {
  // A throwaway index, never read reactively.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const byId = new Map<number, InboxView>();
  for (const item of [...a, ...b]) byId.set(item.id, item);
  return [...byId.values()].sort((x, y) => y.id - x.id).slice(0, KEEP);
}

export class Inbox {
  #items = $state<InboxView[]>([]);
  #unread = $state(0);
  #next = $state<number | null>(null);
  #status = $state<InboxStatus>('idle');
  #connection = $state<InboxConnection>('connecting');
  #users = 0;
  #listUsers = 0;
  readonly #stream = new SharedInboxStream({
    event: (name, data) => this.#apply(name, data),
    // Items made while the stream was down are fetched; the count comes with the stream itself.
    connected: () => {
      if (this.#listUsers > 0) void this.refresh();
    },
    live: (on) => (this.#connection = on ? 'live' : 'down')
  });

  /** Loaded items, newest first. */
  get items(): readonly InboxView[] {
    return this.#items;
  }

  get unread(): number {
    return this.#unread;
  }

  /** True when older items than those loaded exist. */
  get hasMore(): boolean {
    return this.#next !== null;
  }

  get status(): InboxStatus {
    return this.#status;
  }

  /** Whether new items arrive live right now. */
  get connection(): InboxConnection {
    return this.#connection;
  }

  /**
   * Keeps the inbox live while something shows it (`withItems`: a list, else only the count);
   * returns the function that lets go. The stream stops when the last holder lets go.
   */
  retain(withItems = false): () => void {
    if (this.#users++ === 0) {
      this.#connection = 'connecting';
      this.#stream.start();
    }
    if (withItems) this.#listUsers++;
    void (withItems ? this.refresh() : this.#load(1));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (withItems) this.#listUsers--;
      if (--this.#users === 0) this.#stream.stop();
    };
  }

  /** Loads the newest page again, keeping older items already loaded. */
  async refresh(): Promise<void> {
    if (this.#status !== 'ready') this.#status = 'loading';
    const page = await this.#load(PAGE);
    if (!page) return;
    const oldest = page.items.at(-1)?.id;
    const older = page.next === null || oldest === undefined ? [] : this.#items.filter((i) => i.id < oldest);
    this.#items = merged(page.items, older);
    if (older.length === 0) this.#next = page.next;
    this.#status = 'ready';
  }

  /** Loads the page after the oldest loaded item. */
  async loadMore(): Promise<void> {
    if (this.#next === null) return;
    const page = await this.#load(PAGE, this.#next);
    if (!page) return;
    this.#items = merged(this.#items, page.items);
    this.#next = this.#items.length >= KEEP ? null : page.next;
  }

  /** Marks items read (`ids`, or all); shown at once, undone by a reload if the server refuses. */
  async markRead(target: number[] | 'all'): Promise<boolean> {
    this.#markLocal(target === 'all' ? null : target, Date.now());
    try {
      const res = await fetch('/api/inbox/read', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(target === 'all' ? { all: true } : { ids: target })
      });
      if (!res.ok) throw new Error(`inbox: HTTP ${res.status}`);
      const body = (await res.json()) as { unread?: unknown };
      if (Number.isInteger(body.unread)) this.#unread = body.unread as number;
      return true;
    } catch {
      void this.refresh();
      return false;
    }
  }

  /** One page from the API (its unread count adopted), or null when it could not be had. */
  async #load(limit: number, before?: number): Promise<Page | null> {
    const query = before === undefined ? `limit=${limit}` : `limit=${limit}&before=${before}`;
    try {
      const res = await fetch(`/api/inbox?${query}`);
      if (res.status === 401) {
        this.#status = 'signed-out';
        return null;
      }
      const page = res.ok ? toPage(await res.json()) : null;
      if (!page) throw new Error(`inbox: HTTP ${res.status}`);
      this.#unread = page.unread;
      return page;
    } catch {
      // Offline or refused: what is shown stays; the stream's next connection reloads.
      if (this.#status !== 'ready') this.#status = 'failed';
      return null;
    }
  }

  #apply(name: InboxEventName, data: string): void {
    if (name === 'item') {
      const event = parseInboxEvent('item', data);
      if (!event) return;
      // Without a loaded list (a badge only), the count is all that is kept.
      if (this.#listUsers > 0) this.#items = merged([event.item], this.#items);
      this.#unread = event.unread;
    } else if (name === 'read') {
      const event = parseInboxEvent('read', data);
      if (!event) return;
      this.#markLocal(event.ids, event.at);
      this.#unread = event.unread;
    } else {
      const event = parseInboxEvent('unread', data);
      if (event) this.#unread = event.unread;
    }
  }

  /** Shows items read (ids null: all) before the server confirms. */
  #markLocal(ids: readonly number[] | null, at: number): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway lookup
    const wanted = ids === null ? null : new Set(ids);
    let changed = 0;
    this.#items = this.#items.map((item) => {
      if (item.readAt !== null || (wanted && !wanted.has(item.id))) return item;
      changed++;
      return { ...item, readAt: at };
    });
    this.#unread = wanted ? Math.max(0, this.#unread - changed) : 0;
  }
}

/** The page's one inbox. */
export const inbox = new Inbox();
