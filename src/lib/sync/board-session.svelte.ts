/**
 * The one place where a board's Yjs document meets Svelte: it owns the doc, its offline cache
 * (IndexedDB) and its WebSocket provider, and exposes read-through reactive getters. Components
 * read from here and write only through the operations in $lib/board.
 */
import { createSubscriber } from 'svelte/reactivity';
import { mayApproveOverrun, maySetBudget } from '../board/budget';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type {
  BoardMetaView,
  CardFieldView,
  CardSearchText,
  CardView,
  LabelView,
  RecurringRuleView,
  StageView
} from '../board';
import { exitAllowed, type Mover, type RoleView } from '../board/roles';
import { ActivityFeed } from './activity-feed.svelte';
import { BoardProjection } from './board-projection';
import { can, type BoardAction } from '../auth/permissions';
import { CloseCode } from '../wire/close-codes';
import { OfflineEdits } from './offline-edits';
import { CardWatch } from './card-watch';
import { ClaimsWatch } from './claims-watch';
import { presenceOf, type Peer } from './presence';
import type { BoardAccess, ConnectionStatus, SessionEnd, SessionHooks } from './session-types';

export class BoardSession {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  readonly projection: BoardProjection;
  readonly provider: WebsocketProvider;
  /** The board's recent activity, live. */
  readonly activity: ActivityFeed;
  readonly #cache: IndexeddbPersistence;
  #status = $state<ConnectionStatus>('connecting');
  #synced = $state(false);
  #cached = $state(false);
  #access = $state<BoardAccess | null>(null);
  #ended = $state<SessionEnd | null>(null);
  #stopped = false;
  #subscribeDoc: () => void;
  #subscribePeers: () => void;
  #subscribeSearchText: () => void;
  #cleanup: (() => void)[] = [];

  constructor(boardId: string, url: string, hooks: SessionHooks = {}) {
    this.boardId = boardId;
    this.projection = new BoardProjection(this.doc);
    this.#subscribeDoc = createSubscriber((update) => this.projection.onChange(update));
    this.#subscribeSearchText = createSubscriber((update) => this.projection.onSearchTextChange(update));

    this.#cache = new IndexeddbPersistence(`stageboard-board-${boardId}`, this.doc);
    void this.#cache.whenSynced.then(() => (this.#cached = true));

    this.provider = new WebsocketProvider(url, boardId, this.doc, {
      // Tabs of one browser profile share edits through the server like everyone else; the
      // broadcast channel would hide a broken server connection in tests.
      disableBc: true,
      maxBackoffTime: 5000
    });
    this.activity = new ActivityFeed(boardId, this.provider);
    const awareness = this.provider.awareness;
    this.#subscribePeers = createSubscriber((update) => {
      awareness.on('change', update);
      return () => awareness.off('change', update);
    });

    const offlineEdits = new OfflineEdits(this.doc, hooks.onOfflineMerged ?? (() => {}));
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') this.#status = 'connected';
      else this.#status = navigator.onLine ? 'connecting' : 'offline';
    };
    const onSync = (synced: boolean) => {
      this.#synced = synced;
      if (synced) offlineEdits.synced();
      else offlineEdits.lost();
    };
    // y-websocket stops for good on 4400-4499 and emits 'closed'; these three are ours to handle.
    const onClosed = ({ code }: { code: number }) => {
      if (code === CloseCode.UpdateRefused) this.#ended = 'refused';
      else if (code === CloseCode.AccessRemoved) this.#ended = 'removed';
      else if (code === CloseCode.SessionEnded) this.#ended = 'signed-out';
    };
    const onClose = (event: CloseEvent | null) => {
      offlineEdits.lost();
      if (event?.code === CloseCode.RoleChanged) hooks.onRoleChanged?.();
    };
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    this.provider.on('closed', onClosed);
    this.provider.on('connection-close', onClose);
    // The browser knows before the socket does: go offline at once, reconnect as soon as the
    // network is back instead of waiting out the provider's back-off.
    const offline = () => {
      this.#status = 'offline';
      this.provider.disconnect();
    };
    const online = () => {
      if (this.#stopped) return;
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
      () => this.provider.off('sync', onSync),
      () => this.provider.off('closed', onClosed),
      () => this.provider.off('connection-close', onClose),
      () => offlineEdits.destroy()
    );
  }

  /** The person's role and identity, once known (from the server, or remembered for offline use). */
  get access(): BoardAccess | null {
    return this.#access;
  }

  set access(access: BoardAccess | null) {
    this.#access = access;
    if (!access) return;
    // The server stamps the same identity on what it relays; this shows it here before the echo.
    const state = this.provider.awareness.getLocalState() ?? { dragging: null, editing: null };
    this.provider.awareness.setLocalState({ ...state, user: access.user });
  }

  /**
   * True when the person may do `action` here. Until their role is known nothing is editable:
   * the server would refuse an edit it does not allow, and the page would have to drop it.
   */
  may(action: BoardAction): boolean {
    return can(this.#access?.role ?? null, action);
  }

  /**
   * What the person may do with money here (src/lib/board/budget.ts): set budgets (managers) and
   * approve overruns (managers, or the board's overrun role). Reads roles and meta reactively.
   */
  get moneyRights(): { setBudget: boolean; approve: boolean } {
    const actor = this.mover;
    // Read for their reactivity: who holds the overrun role, and which role it is.
    const subscribed = this.roles.length >= 0 && this.meta.overrunRole !== undefined;
    if (!actor || !subscribed) return { setBudget: false, approve: false };
    return { setBudget: maySetBudget(actor), approve: mayApproveOverrun(this.doc, actor) };
  }

  /** Why the server ended the session, or null while it runs. */
  get ended(): SessionEnd | null {
    return this.#ended;
  }

  /**
   * Stops connecting for good: the server refused this person the board (not a member, no such
   * board). The socket is refused at the upgrade, which y-websocket cannot tell from a network
   * failure and would retry forever; the page learns why from the HTTP API and calls this.
   */
  stop(): void {
    this.#stopped = true;
    this.provider.disconnect();
  }

  /**
   * Forgets this browser's copy of the board (after a refused update: it holds changes the server
   * will never take, which a reconnect would only send again). The page then opens a new session.
   */
  async discardLocalCopy(): Promise<void> {
    this.provider.disconnect();
    await this.#cache.clearData();
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

  get labels(): readonly LabelView[] {
    this.#subscribeDoc();
    return this.projection.labels;
  }

  get roles(): readonly RoleView[] {
    this.#subscribeDoc();
    return this.projection.roles;
  }

  /** Who is moving cards here (the board's ops check stage exit rules against it), once known. */
  get mover(): Mover | undefined {
    const access = this.#access;
    return access ? { userId: access.user.id, role: access.role } : undefined;
  }

  /** True when this person may move cards out of `stageId` (its exit rule, roles.ts), live. */
  mayMoveOut(stageId: string): boolean {
    const owner = this.stages.find((s) => s.id === stageId)?.owner ?? null;
    const people = owner ? (this.roles.find((r) => r.key === owner.role)?.people ?? []) : [];
    return this.mover !== undefined && exitAllowed(owner, people, this.mover);
  }

  get recurring(): readonly RecurringRuleView[] {
    this.#subscribeDoc();
    return this.projection.recurring;
  }

  /** The card fields the board defines (预算, 重大项目 …). */
  get fields(): readonly CardFieldView[] {
    this.#subscribeDoc();
    return this.projection.fields;
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

  /** A card's folded search text (description, comments, checklist), live while a search reads it. */
  searchText(id: string): CardSearchText | undefined {
    this.#subscribeSearchText();
    return this.projection.searchText(id);
  }

  /**
   * One card with its checklist and revision log, kept live while something reads it (the card
   * panel). Watches only that card, so an open panel costs nothing when other cards change.
   */
  watchCard(cardId: string): CardWatch {
    return new CardWatch(this.doc, cardId);
  }

  /** The board's expense claims by month and person, kept live while something reads them. */
  watchClaims(): ClaimsWatch {
    return new ClaimsWatch(this.doc);
  }

  /**
   * Everyone else on the board right now, one entry per tab (a card shows who drags it from
   * where), in colours distinct among the people present; this person's other tabs are not others.
   */
  get peers(): Peer[] {
    this.#subscribePeers();
    return presenceOf(this.provider.awareness.getStates(), this.provider.awareness.clientID).peers;
  }

  get self(): Peer | null {
    this.#subscribePeers();
    return presenceOf(this.provider.awareness.getStates(), this.provider.awareness.clientID).self;
  }

  /** Tells others which card this client is dragging or editing (null to clear). */
  setActivity(field: 'dragging' | 'editing', cardId: string | null): void {
    // Nothing to say before the identity is known: a state without a user is not a presence.
    if (this.provider.awareness.getLocalState()) this.provider.awareness.setLocalStateField(field, cardId);
  }

  destroy(): void {
    for (const fn of this.#cleanup) fn();
    this.activity.destroy();
    this.provider.destroy();
    void this.#cache.destroy();
    this.projection.destroy();
    this.doc.destroy();
  }
}
