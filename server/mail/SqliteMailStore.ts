import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { INBOX_KINDS, type InboxKind } from '#lib/inbox/types';
import { isLocale } from '#lib/i18n/locale';
import type { InboxItem } from '../inbox/InboxStore';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { mailQueue, mailSettings } from '../store/schema';
import type { MailSettings, MailStore } from './MailStore';

function mutedKinds(json: string): InboxKind[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? INBOX_KINDS.filter((k) => value.includes(k)) : [];
  } catch {
    return [];
  }
}

/** MailStore on the SqliteDocStore's connection: one writer, and a batch leaves the queue in the write that records it sent. */
export class SqliteMailStore implements MailStore {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;

  static over(docStore: SqliteDocStore): SqliteMailStore {
    const { db, write } = docStore.connection();
    return new SqliteMailStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
  }

  async enqueue(items: readonly InboxItem[], at: number): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item) => ({
      itemId: item.id,
      userId: item.userId,
      boardId: item.boardId,
      kind: item.kind,
      item: JSON.stringify(item),
      queuedAt: at
    }));
    this.#write(() => this.#db.insert(mailQueue).values(rows).onConflictDoNothing().run());
  }

  async dueUsers(sentBefore: number): Promise<string[]> {
    const rows = this.#db
      .selectDistinct({ userId: mailQueue.userId })
      .from(mailQueue)
      .leftJoin(mailSettings, eq(mailSettings.userId, mailQueue.userId))
      .where(or(isNull(mailSettings.lastSentAt), lte(mailSettings.lastSentAt, sentBefore)))
      .all();
    return rows.map((r) => r.userId);
  }

  async queued(userId: string): Promise<InboxItem[]> {
    return this.#db
      .select({ item: mailQueue.item })
      .from(mailQueue)
      .where(eq(mailQueue.userId, userId))
      .orderBy(asc(mailQueue.queuedAt), asc(mailQueue.itemId))
      .all()
      .map((r) => JSON.parse(r.item) as InboxItem);
  }

  async markSent(userId: string, itemIds: readonly number[], at: number, sent: boolean): Promise<void> {
    this.#write(() => {
      if (itemIds.length > 0)
        this.#db
          .delete(mailQueue)
          .where(and(eq(mailQueue.userId, userId), inArray(mailQueue.itemId, [...itemIds])))
          .run();
      if (sent)
        this.#db
          .insert(mailSettings)
          .values({ userId, language: 'zh-CN', lastSentAt: at })
          .onConflictDoUpdate({ target: mailSettings.userId, set: { lastSentAt: at } })
          .run();
    });
  }

  async settings(userId: string): Promise<MailSettings | null> {
    const row = this.#db.select().from(mailSettings).where(eq(mailSettings.userId, userId)).get();
    if (!row) return null;
    return {
      language: isLocale(row.language) ? row.language : 'zh-CN',
      muted: mutedKinds(row.muted),
      lastSentAt: row.lastSentAt
    };
  }

  async saveSettings(userId: string, settings: Pick<MailSettings, 'language' | 'muted'>): Promise<void> {
    const values = { language: settings.language, muted: JSON.stringify(settings.muted) };
    this.#write(() =>
      this.#db
        .insert(mailSettings)
        .values({ userId, ...values })
        .onConflictDoUpdate({ target: mailSettings.userId, set: values })
        .run()
    );
  }

  async removeBoard(boardId: string): Promise<void> {
    this.#write(() => this.#db.delete(mailQueue).where(eq(mailQueue.boardId, boardId)).run());
  }
}
