import type { InboxItem, InboxQuery, InboxStore, NewInboxItem } from './InboxStore';

/** InboxStore in memory, for tests and for a MemoryDocStore process. */
export class MemoryInboxStore implements InboxStore {
  /** Oldest first; ids increase with position. */
  #items: InboxItem[] = [];
  #nextId = 1;

  async add(items: readonly NewInboxItem[]): Promise<InboxItem[]> {
    const stored: InboxItem[] = [];
    // As the SQLite unique index: a key is taken while an item of that person's holds it.
    const taken = (item: NewInboxItem) =>
      item.dedupeKey !== null &&
      [...this.#items, ...stored].some((i) => i.userId === item.userId && i.dedupeKey === item.dedupeKey);
    for (const item of items) {
      if (!taken(item)) stored.push({ ...item, id: this.#nextId++, readAt: null });
    }
    this.#items.push(...stored);
    return stored.map((item) => ({ ...item }));
  }

  async list(userId: string, query: InboxQuery): Promise<InboxItem[]> {
    const boards = new Set(query.boardIds);
    const out: InboxItem[] = [];
    for (let i = this.#items.length - 1; i >= 0 && out.length < query.limit; i--) {
      const item = this.#items[i] as InboxItem;
      if (item.userId !== userId || !boards.has(item.boardId)) continue;
      if (query.before !== undefined && item.id >= query.before) continue;
      out.push({ ...item });
    }
    return out;
  }

  async countUnread(userId: string, boardIds: readonly string[]): Promise<number> {
    const boards = new Set(boardIds);
    return this.#items.filter((i) => i.userId === userId && i.readAt === null && boards.has(i.boardId))
      .length;
  }

  async markRead(userId: string, ids: readonly number[] | null, at: number): Promise<number> {
    const wanted = ids === null ? null : new Set(ids);
    let changed = 0;
    for (const item of this.#items) {
      if (item.userId !== userId || item.readAt !== null) continue;
      if (wanted && !wanted.has(item.id)) continue;
      item.readAt = at;
      changed++;
    }
    return changed;
  }

  async pruneRead(userId: string, before: number): Promise<number> {
    const kept = this.#items.filter((i) => i.userId !== userId || i.readAt === null || i.readAt >= before);
    const pruned = this.#items.length - kept.length;
    this.#items = kept;
    return pruned;
  }

  async retitleCard(boardId: string, cardId: string, title: string): Promise<number> {
    let changed = 0;
    for (const item of this.#items) {
      if (item.boardId !== boardId || item.cardId !== cardId || item.cardTitle === title) continue;
      item.cardTitle = title;
      changed++;
    }
    return changed;
  }

  async removeBoard(boardId: string): Promise<number> {
    const before = this.#items.length;
    this.#items = this.#items.filter((item) => item.boardId !== boardId);
    return before - this.#items.length;
  }
}
