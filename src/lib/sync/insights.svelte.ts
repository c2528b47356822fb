/**
 * The charts page's and the manager's page's data in the browser: fetched from the API, and for
 * the manager's page kept live by its change stream (/api/manage/stream, as the inbox keeps its
 * items live: an event, then a refetch; bursts are folded into one refetch).
 */
import type { BoardInsights } from '../analytics/insights';
import type { ManagerOverview } from '../analytics/manager';

export type LoadStatus = 'loading' | 'ready' | 'failed' | 'signed-out';

/** One board's figures, fetched once per page. */
export class BoardInsightsLoader {
  #status = $state<LoadStatus>('loading');
  #value = $state.raw<BoardInsights | null>(null);

  get status(): LoadStatus {
    return this.#status;
  }
  get value(): BoardInsights | null {
    return this.#value;
  }

  async load(boardId: string): Promise<void> {
    this.#status = 'loading';
    try {
      const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/insights`);
      if (res.status === 401) {
        this.#status = 'signed-out';
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      this.#value = (await res.json()) as BoardInsights;
      this.#status = 'ready';
    } catch {
      this.#status = 'failed';
    }
  }
}

/** How long a burst of changes is gathered before the overview is read again. */
const REFETCH_MS = 250;

/**
 * The manager's overview (or the digest: T), read again whenever one of the reader's boards
 * changes. The page says which URL (its filters' query) and starts again when it changes.
 */
export class ManagerOverviewLive<T extends ManagerOverview = ManagerOverview> {
  #status = $state<LoadStatus>('loading');
  #value = $state.raw<T | null>(null);
  #url = '/api/manage';
  #live = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight = false;
  #again = false;

  get status(): LoadStatus {
    return this.#status;
  }
  get value(): T | null {
    return this.#value;
  }
  /** Whether the change stream is open. */
  get live(): boolean {
    return this.#live;
  }

  /** Opens the stream and reads `url`; returns the function that stops both. */
  start(url: string): () => void {
    this.#url = url;
    const source = new EventSource('/api/manage/stream');
    // Each (re)connection reads again: what changed while the stream was down is not replayed.
    source.addEventListener('ready', () => {
      this.#live = true;
      this.#soon(0);
    });
    source.addEventListener('changed', () => this.#soon(REFETCH_MS));
    source.onerror = () => (this.#live = false);
    void this.#fetch();
    return () => {
      source.close();
      if (this.#timer) clearTimeout(this.#timer);
      this.#live = false;
    };
  }

  #soon(ms: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#fetch();
    }, ms);
  }

  async #fetch(): Promise<void> {
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    this.#inFlight = true;
    try {
      const url = this.#url;
      const res = await fetch(url);
      if (res.status === 401) {
        this.#status = 'signed-out';
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const value = (await res.json()) as T;
      // An answer for a query the page has since left is not shown.
      if (url === this.#url) this.#value = value;
      this.#status = 'ready';
    } catch {
      if (this.#value === null) this.#status = 'failed';
    } finally {
      this.#inFlight = false;
      if (this.#again) {
        this.#again = false;
        void this.#fetch();
      }
    }
  }
}
