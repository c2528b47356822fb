/**
 * The board activity log: records entries (in the audit store, then to whoever listens: the
 * rooms send them to subscribed connections), and reads a board's or a card's history with the
 * names of who did what.
 */
import type { ActivityEntry } from '#lib/activity/types';
import type { AuthStore } from '../auth/AuthStore';
import type { MembershipChange } from '../auth/MembershipService';
import type { AuditEvent, AuditStore, NewAuditEvent } from './AuditStore';
import type { DerivedEvent } from './deriveActivity';
import { RenameBursts } from './renameBursts';

export type ActivityListener = (boardId: string, entries: ActivityEntry[]) => void;

export const ACTIVITY_PAGE_MAX = 200;
const NAME_CACHE_MAX = 1000;
/** How long entries wait to be written together, and how many force a write sooner. */
const BATCH_MS = 25;
const BATCH_MAX = 500;
/**
 * A description is typed key by key, each key an update: one "edited the description" entry per
 * person and card in this long is the feed a reader wants, and costs a map lookup per update.
 */
export const DESCRIBED_EVERY_MS = 5 * 60 * 1000;
/** Remembered description edits before old ones are let go (bounds the map, not the rule). */
const DESCRIBED_KEPT_MAX = 10_000;

/** A server-side event about a card or a member; derived ones come from deriveActivity. */
export type NewActivity = Omit<DerivedEvent, 'cardId'> & { cardId: string | null };

interface Pending {
  events: NewAuditEvent[];
  done: (result: { entries: AuditEvent[] } | { error: unknown }) => void;
}

export class ActivityService {
  /** Display names by user id; bounded, names change rarely and a stale one only reads oddly. */
  readonly #names = new Map<string, string>();
  /**
   * Entries recorded in the last BATCH_MS, written together in one transaction. A busy server
   * makes an entry per edit, and the commit, not the row, is what costs: with a commit per edit
   * the log took as much of the server's time as storing the edits themselves (bench scenario 3,
   * --cpu-prof). The wait is for the log only; the edit is stored and sent before it.
   */
  #pending: Pending[] = [];
  #pendingCount = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #renames: RenameBursts;
  /** `board\ncard\nuser` → when their last description entry was recorded. */
  readonly #described = new Map<string, number>();

  constructor(
    private readonly store: AuditStore,
    private readonly users: Pick<AuthStore, 'getUser'>,
    private readonly onRecorded: ActivityListener = () => {},
    private readonly now: () => number = Date.now,
    renameTiming: { quietMs?: number; maxMs?: number } = {}
  ) {
    this.#renames = new RenameBursts(
      ({ boardId, userId, event }) => {
        this.#recordNow(boardId, userId, [event]).catch(() => {
          // Written in a batch whose failure the batch's other callers report; a lost rename line
          // costs the history one entry and the card nothing.
        });
      },
      now,
      renameTiming.quietMs,
      renameTiming.maxMs
    );
  }

  /**
   * Appends what `userId` (null: the server) did on the board, then tells the listener, and
   * resolves with the entries written. Renames wait until their author stops typing
   * (renameBursts.ts) and are written then, so they are not among the entries resolved with.
   */
  record(boardId: string, userId: string | null, events: readonly NewActivity[]): Promise<ActivityEntry[]> {
    return this.#recordNow(
      boardId,
      userId,
      this.#renames.take(boardId, userId, this.#throttled(boardId, userId, events))
    );
  }

  /** `events` without description edits recorded for the same person and card in the last few minutes. */
  #throttled(boardId: string, userId: string | null, events: readonly NewActivity[]): readonly NewActivity[] {
    if (!events.some((e) => e.kind === 'card.described')) return events;
    const now = this.now();
    return events.filter((e) => {
      if (e.kind !== 'card.described') return true;
      const key = `${boardId}\n${e.cardId ?? ''}\n${userId ?? ''}`;
      const last = this.#described.get(key);
      if (last !== undefined && now - last < DESCRIBED_EVERY_MS) return false;
      if (this.#described.size >= DESCRIBED_KEPT_MAX) {
        for (const [k, at] of this.#described) if (now - at >= DESCRIBED_EVERY_MS) this.#described.delete(k);
        if (this.#described.size >= DESCRIBED_KEPT_MAX) this.#described.clear();
      }
      this.#described.set(key, now);
      return true;
    });
  }

  async #recordNow(
    boardId: string,
    userId: string | null,
    events: readonly NewActivity[]
  ): Promise<ActivityEntry[]> {
    if (events.length === 0) return [];
    const at = this.now();
    const stored = await this.#append(
      events.map(({ kind, cardId, data }) => ({ kind, cardId, data, boardId, userId, at }))
    );
    const entries = await this.#named(stored);
    this.onRecorded(boardId, entries);
    return entries;
  }

  /**
   * Records someone's membership change (added, removed, role changed) in the board's log. A
   * change the system made (a board's deletion, orphan adoption) is no one's act: nothing is written.
   */
  async recordMembership(change: MembershipChange): Promise<void> {
    if (change.actorId === null) return;
    const member = await this.users.getUser(change.userId);
    const kind =
      change.from === null ? 'member.added' : change.to === null ? 'member.removed' : 'member.role-changed';
    const data = { memberId: change.userId, memberName: member?.name ?? '' };
    await this.record(change.boardId, change.actorId, [
      {
        kind,
        cardId: null,
        data: { ...data, role: change.to ?? undefined, previousRole: change.from ?? undefined }
      }
    ]);
  }

  /** Writes what waits now, renames being typed included (at shutdown, before the store closes). */
  flush(): Promise<void> {
    this.#renames.releaseAll();
    return this.#flush();
  }

  /** Queues `events` for the next batch and resolves with them once stored, in order. */
  #append(events: NewAuditEvent[]): Promise<AuditEvent[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({
        events,
        done: (result) => ('error' in result ? reject(result.error) : resolve(result.entries))
      });
      this.#pendingCount += events.length;
      if (this.#pendingCount >= BATCH_MAX) void this.#flush();
      else this.#timer ??= setTimeout(() => void this.#flush(), BATCH_MS);
    });
  }

  async #flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = [];
    this.#pendingCount = 0;
    if (batch.length === 0) return;
    try {
      const stored = await this.store.append(batch.flatMap((p) => p.events));
      let at = 0;
      for (const p of batch) {
        p.done({ entries: stored.slice(at, at + p.events.length) });
        at += p.events.length;
      }
    } catch (error) {
      for (const p of batch) p.done({ error });
    }
  }

  /** The board's (or one card's) entries, newest first, `limit` at most, older than `before`. */
  async list(boardId: string, query: { cardId?: string; before?: number; limit?: number } = {}) {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 50)), ACTIVITY_PAGE_MAX);
    return this.#named(await this.store.list(boardId, { ...query, limit }));
  }

  /**
   * Who created the card, from its `card.created` entry (what waits in the batch is written
   * first, so a card made a moment ago is found), or null when the log does not say.
   */
  async creatorOf(boardId: string, cardId: string): Promise<string | null> {
    await this.#flush();
    const [created] = await this.store.list(boardId, { cardId, kind: 'card.created', limit: 1 });
    return created?.userId ?? null;
  }

  removeBoard(boardId: string): Promise<number> {
    return this.store.removeBoard(boardId);
  }

  async #named(events: AuditEvent[]): Promise<ActivityEntry[]> {
    const out: ActivityEntry[] = [];
    for (const e of events) {
      const userName = e.userId ? await this.#name(e.userId) : '';
      // Assignments are derived in the room, which knows ids only: their names are read here.
      const { memberId, memberName } = e.data;
      const data =
        memberId && memberName === undefined ? { ...e.data, memberName: await this.#name(memberId) } : e.data;
      out.push({ ...e, userName, data });
    }
    return out;
  }

  async #name(userId: string): Promise<string> {
    const cached = this.#names.get(userId);
    if (cached !== undefined) return cached;
    const name = (await this.users.getUser(userId))?.name ?? '';
    if (this.#names.size >= NAME_CACHE_MAX) this.#names.clear();
    this.#names.set(userId, name);
    return name;
  }
}
