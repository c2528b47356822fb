import { INBOX_KINDS } from '#lib/inbox/types';
import type { InboxItem } from '../inbox/InboxStore';
import type { MailSettings, MailStore } from './MailStore';

/** MailStore in memory, for tests and the memory family; passes the same contract as SQLite's. */
export class MemoryMailStore implements MailStore {
  readonly #queue = new Map<number, { item: InboxItem; at: number }>();
  readonly #settings = new Map<string, MailSettings>();

  async enqueue(items: readonly InboxItem[], at: number): Promise<void> {
    for (const item of items)
      if (!this.#queue.has(item.id)) this.#queue.set(item.id, { item: { ...item }, at });
  }

  async dueUsers(sentBefore: number): Promise<string[]> {
    const users = new Set([...this.#queue.values()].map((q) => q.item.userId));
    return [...users].filter((u) => {
      const last = this.#settings.get(u)?.lastSentAt ?? null;
      return last === null || last <= sentBefore;
    });
  }

  async queued(userId: string): Promise<InboxItem[]> {
    return [...this.#queue.values()]
      .filter((q) => q.item.userId === userId)
      .sort((a, b) => a.at - b.at || a.item.id - b.item.id)
      .map((q) => ({ ...q.item }));
  }

  async markSent(userId: string, itemIds: readonly number[], at: number, sent: boolean): Promise<void> {
    for (const id of itemIds) if (this.#queue.get(id)?.item.userId === userId) this.#queue.delete(id);
    if (!sent) return;
    const current = this.#settings.get(userId);
    this.#settings.set(userId, {
      language: current?.language ?? 'zh-CN',
      muted: current?.muted ?? [],
      lastSentAt: at
    });
  }

  async settings(userId: string): Promise<MailSettings | null> {
    const found = this.#settings.get(userId);
    return found ? { ...found, muted: [...found.muted] } : null;
  }

  async saveSettings(userId: string, settings: Pick<MailSettings, 'language' | 'muted'>): Promise<void> {
    const lastSentAt = this.#settings.get(userId)?.lastSentAt ?? null;
    // In the kinds' own order, as SQLite's store reads them back.
    const muted = INBOX_KINDS.filter((k) => settings.muted.includes(k));
    this.#settings.set(userId, { language: settings.language, muted, lastSentAt });
  }

  async removeBoard(boardId: string): Promise<void> {
    for (const [id, q] of this.#queue) if (q.item.boardId === boardId) this.#queue.delete(id);
  }
}
