import { and, count, desc, eq, isNotNull, isNull, lt, ne, sql, type Column, type SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isInboxKind } from '#lib/inbox/types';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { inboxItems } from '../store/schema';
import type { InboxItem, InboxQuery, InboxStore, NewInboxItem } from './InboxStore';

type Row = typeof inboxItems.$inferSelect;

/** A row as an item; a kind this version does not know (a newer server wrote it) is skipped. */
function toItem(row: Row): InboxItem | null {
  return isInboxKind(row.kind) ? { ...row, kind: row.kind } : null;
}

const p = (name: string) => sql.placeholder(name);

/**
 * `column` is one of the values of a JSON array bound as one parameter: a list of any length
 * (a person's boards, the ids to mark) in one statement prepared once, with no limit on
 * variables to meet.
 */
const inJson = (column: Column, name: string): SQL =>
  sql`${column} in (select value from json_each(${p(name)}))`;

/** InboxStore on the SqliteDocStore's connection (like SqliteAuditStore): one file, one writer. */
export class SqliteInboxStore implements InboxStore {
  readonly #db: BetterSQLite3Database;
  readonly #write: WriteTransaction;
  readonly #insert;
  readonly #list;
  readonly #count;
  readonly #markSome;
  readonly #markAll;

  static over(docStore: SqliteDocStore): SqliteInboxStore {
    const { db, write } = docStore.connection();
    return new SqliteInboxStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#db = db;
    this.#write = write;
    this.#insert = db
      .insert(inboxItems)
      .values({
        userId: p('userId'),
        boardId: p('boardId'),
        cardId: p('cardId'),
        kind: p('kind'),
        actorId: p('actorId'),
        cardTitle: p('cardTitle'),
        excerpt: p('excerpt'),
        detail: p('detail'),
        commentId: p('commentId'),
        dedupeKey: p('dedupeKey'),
        createdAt: p('createdAt')
      })
      // inbox_items_dedupe_idx: a repeat is no error, just not stored (and no row comes back).
      .onConflictDoNothing()
      .returning()
      .prepare();
    const mine = eq(inboxItems.userId, p('userId'));
    this.#list = db
      .select()
      .from(inboxItems)
      .where(and(mine, lt(inboxItems.id, p('before')), inJson(inboxItems.boardId, 'boards')))
      .orderBy(desc(inboxItems.id))
      .limit(p('limit'))
      .prepare();
    const unread = and(mine, isNull(inboxItems.readAt));
    this.#count = db
      .select({ n: count() })
      .from(inboxItems)
      .where(and(unread, inJson(inboxItems.boardId, 'boards')))
      .prepare();
    const readAt = { readAt: sql`${p('at')}` };
    this.#markSome = db
      .update(inboxItems)
      .set(readAt)
      .where(and(unread, inJson(inboxItems.id, 'ids')))
      .prepare();
    this.#markAll = db.update(inboxItems).set(readAt).where(unread).prepare();
  }

  async add(items: readonly NewInboxItem[]): Promise<InboxItem[]> {
    if (items.length === 0) return [];
    return this.#write(() =>
      items.flatMap((item) => {
        const row = this.#insert.get({ ...item }) as Row | undefined;
        return row ? [{ ...item, id: row.id, readAt: null }] : [];
      })
    );
  }

  async list(userId: string, query: InboxQuery): Promise<InboxItem[]> {
    const rows = this.#list.all({
      userId,
      before: query.before ?? Number.MAX_SAFE_INTEGER,
      boards: JSON.stringify(query.boardIds),
      limit: query.limit
    });
    return rows.map(toItem).filter((item): item is InboxItem => item !== null);
  }

  async countUnread(userId: string, boardIds: readonly string[]): Promise<number> {
    return this.#count.get({ userId, boards: JSON.stringify(boardIds) })?.n ?? 0;
  }

  async markRead(userId: string, ids: readonly number[] | null, at: number): Promise<number> {
    if (ids?.length === 0) return 0;
    return this.#write(() =>
      ids === null
        ? this.#markAll.run({ userId, at }).changes
        : this.#markSome.run({ userId, at, ids: JSON.stringify(ids) }).changes
    );
  }

  async pruneRead(userId: string, before: number): Promise<number> {
    // inbox_items_unread_idx (user, read_at) finds them without a scan.
    const old = and(
      eq(inboxItems.userId, userId),
      isNotNull(inboxItems.readAt),
      lt(inboxItems.readAt, before)
    );
    return this.#write(() => this.#db.delete(inboxItems).where(old).run().changes);
  }

  async retitleCard(boardId: string, cardId: string, title: string): Promise<number> {
    // inbox_items_board_idx narrows it to the board; a board's items are few next to everyone's.
    const about = and(
      eq(inboxItems.boardId, boardId),
      eq(inboxItems.cardId, cardId),
      ne(inboxItems.cardTitle, title)
    );
    return this.#write(
      () => this.#db.update(inboxItems).set({ cardTitle: title }).where(about).run().changes
    );
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#write(
      () => this.#db.delete(inboxItems).where(eq(inboxItems.boardId, boardId)).run().changes
    );
  }
}
