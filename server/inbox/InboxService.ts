/**
 * The personal inbox: turns recorded board activity into items for the people it names, lists a
 * person's items with the names they need, marks them read, and tells that person's open
 * streams at once. Reasons and limits: README.md.
 */
import type * as Y from 'yjs';
import type { ActivityEntry } from '#lib/activity/types';
import { INBOX_PAGE_MAX, type InboxEvents, type InboxPage, type InboxView } from '#lib/inbox/types';
import type { AuthStore } from '../auth/AuthStore';
import type { MembershipService } from '../auth/MembershipService';
import type { DocStore } from '../store/DocStore';
import type { InboxItem, InboxStore, NewInboxItem } from './InboxStore';
import { cardTitleOf, directNotices, documentNotices, needsDocument, readCardNow } from './noticesFor';

/** One event for a stream, named as the browser's EventSource will see it. */
export type InboxMessage = { [N in keyof InboxEvents]: { name: N; data: InboxEvents[N] } }[keyof InboxEvents];
export type InboxListener = (message: InboxMessage) => void;

/** Open streams one person may hold (tabs share one per browser; see src/lib/inbox/shared-stream.ts). */
export const STREAMS_PER_USER = 5;

/** How long a read item stays in the inbox; unread ones stay until read or their board goes. */
export const READ_ITEMS_KEPT_MS = 90 * 24 * 3600 * 1000;
const DEFAULT_PAGE = 50;

export interface InboxServiceDeps {
  store: InboxStore;
  members: Pick<MembershipService, 'roleOf' | 'boardsOf' | 'rolesOn'>;
  users: Pick<AuthStore, 'getUser'>;
  boards: Pick<DocStore, 'getBoard'>;
  /** Reads a board's document (RoomManager.read): whom a gate or a review tells. */
  docs: { read<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<T> };
  now?: () => number;
  /** Told of every item stored, after it is stored (mail notifications queue them). */
  stored?: (items: readonly InboxItem[]) => void;
}

export class InboxService {
  readonly #listeners = new Map<string, Set<InboxListener>>();
  /** Session id → how to end each stream opened with it (signing out ends them, SessionWatch too). */
  readonly #bySession = new Map<string, Set<() => void>>();
  readonly #deps: InboxServiceDeps;
  readonly #now: () => number;

  constructor(deps: InboxServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Makes items for what recorded entries on a board tell people (mentions, assignments, a card
   * entering a gated stage, approved or sent back: noticesFor.ts), for members of the board only
   * (a mention may name anyone's id), and pushes each to its person's streams; a renamed card's
   * items take its new title.
   */
  async fromActivity(boardId: string, entries: readonly ActivityEntry[]): Promise<void> {
    // Items name their card as it is called now: an inbox of old names sends people hunting.
    for (const entry of entries) {
      if (entry.kind !== 'card.renamed' || !entry.cardId) continue;
      await this.#deps.store.retitleCard(boardId, entry.cardId, cardTitleOf(entry));
    }
    const wanted = entries.flatMap((entry) => directNotices(boardId, entry));
    const reviewed = entries.filter(needsDocument);
    if (reviewed.length > 0) {
      // One read of the document for all of them; the members once, and only when a gate asks.
      const cards = await this.#deps.docs.read(boardId, (doc) => reviewed.map((e) => readCardNow(doc, e)));
      let members: Awaited<ReturnType<MembershipService['rolesOn']>> | null = null;
      for (const [i, entry] of reviewed.entries()) {
        const card = cards[i];
        if (!card) continue;
        if (card.gate) members ??= await this.#deps.members.rolesOn(boardId);
        wanted.push(...documentNotices(boardId, entry, card, members ?? []));
      }
    }
    await this.deliver(boardId, wanted);
  }

  /**
   * Stores the items meant for members of the board (others are dropped), skipping any its person
   * already has (dedupeKey), and pushes the new ones to their people's streams.
   */
  async deliver(boardId: string, wanted: readonly NewInboxItem[]): Promise<InboxItem[]> {
    if (wanted.length === 0) return [];
    const isMember = new Map<string, boolean>();
    const kept: NewInboxItem[] = [];
    for (const item of wanted) {
      let member = isMember.get(item.userId);
      if (member === undefined) {
        member = (await this.#deps.members.roleOf(boardId, item.userId)) !== null;
        isMember.set(item.userId, member);
      }
      if (member) kept.push(item);
    }
    const stored = await this.#deps.store.add(kept);
    if (stored.length > 0) this.#deps.stored?.(stored);
    for (const item of stored) {
      if (!this.#listeners.has(item.userId)) continue;
      const [view] = await this.#views([item]);
      const unread = await this.unreadCount(item.userId);
      this.#emit(item.userId, { name: 'item', data: { item: view as InboxView, unread } });
    }
    return stored;
  }

  /** A person's items on their boards now, newest first, older than `before`; and their unread count. */
  async list(userId: string, query: { before?: number; limit?: number } = {}): Promise<InboxPage> {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE)), INBOX_PAGE_MAX);
    const boardIds = await this.#boardsOf(userId);
    const [items, unread] = await Promise.all([
      // One more than asked: whether there is a next page, without a second query.
      this.#deps.store.list(userId, { boardIds, before: query.before, limit: limit + 1 }),
      this.#deps.store.countUnread(userId, boardIds)
    ]);
    const page = items.slice(0, limit);
    const next = items.length > limit ? (page.at(-1)?.id ?? null) : null;
    return { items: await this.#views(page), unread, next };
  }

  /** How many of the person's items on their boards are unread. */
  async unreadCount(userId: string): Promise<number> {
    return this.#deps.store.countUnread(userId, await this.#boardsOf(userId));
  }

  /** Marks the person's own items read (`ids`, or all); tells their streams; resolves with the unread count. */
  async markRead(userId: string, target: readonly number[] | 'all'): Promise<number> {
    const ids = target === 'all' ? null : [...target];
    const at = this.#now();
    await this.#deps.store.markRead(userId, ids, at);
    // Reading is when old read items can go: an indexed delete of this person's, no timer needed.
    await this.#deps.store.pruneRead(userId, at - READ_ITEMS_KEPT_MS);
    const unread = await this.unreadCount(userId);
    this.#emit(userId, { name: 'read', data: { ids, at, unread } });
    return unread;
  }

  /** A board joined or left the person's boards: their open streams get the new count. */
  async membershipChanged(userId: string): Promise<void> {
    if (!this.#listeners.has(userId)) return;
    this.#emit(userId, { name: 'unread', data: { unread: await this.unreadCount(userId) } });
  }

  /**
   * Listens to one person's new items and reads; returns the function that stops it, or null
   * when they hold STREAMS_PER_USER streams already.
   */
  subscribe(
    userId: string,
    listener: InboxListener,
    session: { sessionId?: string; end?: () => void } = {}
  ): (() => void) | null {
    let set = this.#listeners.get(userId);
    if ((set?.size ?? 0) >= STREAMS_PER_USER) return null;
    if (!set) this.#listeners.set(userId, (set = new Set()));
    set.add(listener);
    const { sessionId, end } = session;
    let ends: Set<() => void> | undefined;
    if (sessionId && end) {
      ends = this.#bySession.get(sessionId) ?? new Set();
      this.#bySession.set(sessionId, ends.add(end));
    }
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(userId) === set) this.#listeners.delete(userId);
      if (!ends || !sessionId || !end) return;
      ends.delete(end);
      if (ends.size === 0 && this.#bySession.get(sessionId) === ends) this.#bySession.delete(sessionId);
    };
  }

  /** The sessions open streams were opened with (server/auth/SessionWatch.ts checks them). */
  openSessions(): Set<string> {
    return new Set(this.#bySession.keys());
  }

  /** Ends every stream opened with one of these sessions; resolves with how many. */
  endSessions(sessionIds: ReadonlySet<string>): number {
    let ended = 0;
    for (const id of sessionIds) {
      for (const end of [...(this.#bySession.get(id) ?? [])]) {
        end();
        ended++;
      }
    }
    return ended;
  }

  /** Deletes a board's items (the board is being deleted). */
  removeBoard(boardId: string): Promise<number> {
    return this.#deps.store.removeBoard(boardId);
  }

  async #boardsOf(userId: string): Promise<string[]> {
    return (await this.#deps.members.boardsOf(userId)).map((b) => b.boardId);
  }

  #emit(userId: string, message: InboxMessage): void {
    for (const listener of this.#listeners.get(userId) ?? []) listener(message);
  }

  /** Items with their board's title and the actor's name, each looked up once per call. */
  async #views(items: readonly InboxItem[]): Promise<InboxView[]> {
    const boards = new Map<string, string>();
    const names = new Map<string, string>();
    for (const { boardId, actorId } of items) {
      if (!boards.has(boardId)) boards.set(boardId, (await this.#deps.boards.getBoard(boardId))?.title ?? '');
      if (actorId && !names.has(actorId))
        names.set(actorId, (await this.#deps.users.getUser(actorId))?.name ?? '');
    }
    return items.map((item) => ({
      id: item.id,
      kind: item.kind,
      boardId: item.boardId,
      boardTitle: boards.get(item.boardId) ?? '',
      cardId: item.cardId,
      cardTitle: item.cardTitle,
      actorId: item.actorId,
      actorName: item.actorId ? (names.get(item.actorId) ?? '') : '',
      excerpt: item.excerpt,
      detail: item.detail,
      commentId: item.commentId,
      createdAt: item.createdAt,
      readAt: item.readAt
    }));
  }
}
