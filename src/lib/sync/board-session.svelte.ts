/**
 * The one place where a board's Yjs document meets Svelte: it owns the doc, its offline cache
 * (IndexedDB) and its WebSocket provider, and exposes read-through reactive getters. Components
 * read from here and write only through the operations in $lib/board.
 */
import { createSubscriber } from 'svelte/reactivity';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  readCardDetail,
  type BoardMetaView,
  type CardDetailView,
  type CardView,
  type StageView
} from '../board';
import { roots } from '../board/schema';
import { BoardProjection } from './board-projection';
import { localUser, toPeer, type Peer, type PresenceState } from './presence';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

/** Where the sync endpoint lives for the page's own origin. */
export function syncUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}

export class BoardSession {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  readonly projection: BoardProjection;
  readonly provider: WebsocketProvider;
  readonly #cache: IndexeddbPersistence;
  #status = $state<ConnectionStatus>('connecting');
  #synced = $state(false);
  #cached = $state(false);
  #subscribeDoc: () => void;
  #subscribePeers: () => void;
  #cleanup: (() => void)[] = [];

  constructor(boardId: string, url: string) {
    this.boardId = boardId;
    this.projection = new BoardProjection(this.doc);
    this.#subscribeDoc = createSubscriber((update) => this.projection.onChange(update));

    this.#cache = new IndexeddbPersistence(`stageboard-board-${boardId}`, this.doc);
    void this.#cache.whenSynced.then(() => (this.#cached = true));

    this.provider = new WebsocketProvider(url, boardId, this.doc, {
      // Tabs of one browser profile share edits through the server like everyone else; the
      // broadcast channel would hide a broken server connection in tests.
      disableBc: true,
      maxBackoffTime: 5000
    });
    const awareness = this.provider.awareness;
    awareness.setLocalState({ user: localUser(), dragging: null, editing: null } satisfies PresenceState);
    this.#subscribePeers = createSubscriber((update) => {
      awareness.on('change', update);
      return () => awareness.off('change', update);
    });

    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') this.#status = 'connected';
      else this.#status = navigator.onLine ? 'connecting' : 'offline';
    };
    const onSync = (synced: boolean) => (this.#synced = synced);
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    // The browser knows before the socket does: go offline at once, reconnect as soon as the
    // network is back instead of waiting out the provider's back-off.
    const offline = () => {
      this.#status = 'offline';
      this.provider.disconnect();
    };
    const online = () => {
      this.#status = 'connecting';
      this.provider.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (!navigator.onLine) offline();
    this.#cleanup.push(
      () => window.removeEventListener('offline', offline),
      () => window.removeEventListener('online', online),
      () => this.provider.off('status', onStatus),
      () => this.provider.off('sync', onSync)
    );
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** True once the server has sent its state at least once on this connection. */
  get synced(): boolean {
    return this.#synced;
  }

  /** True when the board has content to show (from the cache or the server). */
  get ready(): boolean {
    this.#subscribeDoc();
    return this.#synced || (this.#cached && this.projection.stages.length > 0);
  }

  get meta(): BoardMetaView {
    this.#subscribeDoc();
    return this.projection.meta;
  }

  get stages(): readonly StageView[] {
    this.#subscribeDoc();
    return this.projection.stages;
  }

  column(stageId: string): readonly CardView[] {
    this.#subscribeDoc();
    return this.projection.column(stageId);
  }

  get archived(): readonly CardView[] {
    this.#subscribeDoc();
    return this.projection.archived;
  }

  card(id: string): CardView | undefined {
    this.#subscribeDoc();
    return this.projection.card(id);
  }

  /**
   * One card with its checklist and revision log, kept live while something reads it (the card
   * panel). Watches only that card, so an open panel costs nothing when other cards change.
   */
  watchCard(cardId: string): CardWatch {
    return new CardWatch(this.doc, cardId);
  }

  /** Everyone else on the board right now. */
  get peers(): Peer[] {
    this.#subscribePeers();
    const self = this.provider.awareness.clientID;
    const out: Peer[] = [];
    this.provider.awareness.getStates().forEach((state, clientId) => {
      if (clientId === self) return;
      const peer = toPeer(clientId, state);
      if (peer) out.push(peer);
    });
    return out.sort((a, b) => a.clientId - b.clientId);
  }

  get self(): Peer | null {
    this.#subscribePeers();
    const id = this.provider.awareness.clientID;
    return toPeer(id, this.provider.awareness.getLocalState());
  }

  /** Tells others which card this client is dragging or editing (null to clear). */
  setActivity(field: 'dragging' | 'editing', cardId: string | null): void {
    this.provider.awareness.setLocalStateField(field, cardId);
  }

  destroy(): void {
    for (const fn of this.#cleanup) fn();
    this.provider.destroy();
    void this.#cache.destroy();
    this.projection.destroy();
    this.doc.destroy();
  }
}

/** A reactive read of one card's details; `detail` is null while the card does not exist. */
export class CardWatch {
  readonly #doc: Y.Doc;
  readonly #cardId: string;
  readonly #subscribe: () => void;
  #cached: CardDetailView | null | undefined;
  #live = false;

  constructor(doc: Y.Doc, cardId: string) {
    this.#doc = doc;
    this.#cardId = cardId;
    this.#subscribe = createSubscriber((update) => {
      const { cards } = roots(doc);
      const changed = () => {
        this.#cached = undefined;
        update();
      };
      // The card map can be replaced or deleted (cards observer) or edited inside (deep observer).
      let watched: Y.Map<unknown> | undefined;
      const rewatch = () => {
        watched?.unobserveDeep(changed);
        watched = cards.get(cardId);
        watched?.observeDeep(changed);
      };
      const onCards = (event: Y.YMapEvent<Y.Map<unknown>>) => {
        if (!event.keysChanged.has(cardId)) return;
        rewatch();
        changed();
      };
      rewatch();
      cards.observe(onCards);
      this.#live = true;
      return () => {
        cards.unobserve(onCards);
        watched?.unobserveDeep(changed);
        // Nothing invalidates the cache while unwatched, so it must not be trusted then.
        this.#live = false;
        this.#cached = undefined;
      };
    });
  }

  get detail(): CardDetailView | null {
    this.#subscribe();
    if (this.#cached === undefined || !this.#live) {
      const map = roots(this.#doc).cards.get(this.#cardId);
      this.#cached = map ? readCardDetail(this.#cardId, map) : null;
    }
    return this.#cached;
  }
}
