import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isAttachmentType } from '#lib/board/attachment-ops';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { attachmentVersions } from '../store/schema';
import { constraintCode } from '../store/sqliteErrors';
import {
  AttachmentStoreError,
  type AttachmentOrphanState,
  type AttachmentStore,
  type AttachmentVersionRecord
} from './AttachmentStore';

type Row = typeof attachmentVersions.$inferSelect;

/**
 * A row as a record (without the sweep's mark); a type this version does not serve (a newer
 * server wrote it) is dropped.
 */
function toRecord({ orphanedAt: _, ...row }: Row): AttachmentVersionRecord | null {
  return isAttachmentType(row.type) ? { ...row, type: row.type } : null;
}

const present = (r: AttachmentVersionRecord | null): r is AttachmentVersionRecord => r !== null;

/** AttachmentStore on the SqliteDocStore's connection (like SqliteInviteStore): one file, one writer. */
export class SqliteAttachmentStore implements AttachmentStore {
  readonly #write: WriteTransaction;
  readonly #insert;
  readonly #select;
  readonly #list;
  readonly #deleteVersion;
  readonly #deleteAttachment;
  readonly #deleteBoard;
  readonly #boards;
  readonly #attachments;
  readonly #mark;
  readonly #clear;

  static over(docStore: SqliteDocStore): SqliteAttachmentStore {
    const { db, write } = docStore.connection();
    return new SqliteAttachmentStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#write = write;
    const p = (name: string) => sql.placeholder(name);
    const t = attachmentVersions;
    const ofAttachment = and(eq(t.boardId, p('boardId')), eq(t.attachmentId, p('attachmentId')));
    this.#insert = db
      .insert(t)
      .values({
        boardId: p('boardId'),
        attachmentId: p('attachmentId'),
        v: p('v'),
        cardId: p('cardId'),
        name: p('name'),
        type: p('type'),
        size: p('size'),
        sha256: p('sha256'),
        uploadedBy: p('uploadedBy'),
        createdAt: p('createdAt')
      })
      .prepare();
    this.#select = db
      .select()
      .from(t)
      .where(and(ofAttachment, eq(t.v, p('v'))))
      .prepare();
    this.#list = db.select().from(t).where(ofAttachment).orderBy(asc(t.v)).prepare();
    this.#deleteVersion = db
      .delete(t)
      .where(and(ofAttachment, eq(t.v, p('v'))))
      .prepare();
    this.#deleteAttachment = db.delete(t).where(ofAttachment).prepare();
    this.#deleteBoard = db
      .delete(t)
      .where(eq(t.boardId, p('boardId')))
      .prepare();
    this.#boards = db.selectDistinct({ boardId: t.boardId }).from(t).orderBy(asc(t.boardId)).prepare();
    // Null while any version is unmarked, else the latest mark (AttachmentOrphanState).
    const mark = sql<
      number | null
    >`case when count(${t.orphanedAt}) = count(*) then max(${t.orphanedAt}) end`;
    this.#attachments = db
      .select({ attachmentId: t.attachmentId, cardId: t.cardId, orphanedAt: mark })
      .from(t)
      .where(eq(t.boardId, p('boardId')))
      .groupBy(t.attachmentId, t.cardId)
      .orderBy(asc(t.attachmentId))
      .prepare();
    this.#mark = db
      .update(t)
      .set({ orphanedAt: sql`${p('at')}` })
      .where(and(ofAttachment, isNull(t.orphanedAt)))
      .prepare();
    this.#clear = db
      .update(t)
      .set({ orphanedAt: null })
      .where(and(ofAttachment, isNotNull(t.orphanedAt)))
      .prepare();
  }

  async addVersion(record: AttachmentVersionRecord): Promise<void> {
    try {
      this.#write(() => this.#insert.run({ ...record }));
    } catch (error) {
      if (constraintCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AttachmentStoreError(`Version ${record.v} exists already.`);
      }
      throw error;
    }
  }

  async getVersion(boardId: string, attachmentId: string, v: number) {
    const row = this.#select.get({ boardId, attachmentId, v });
    return row ? toRecord(row) : null;
  }

  async listVersions(boardId: string, attachmentId: string) {
    return this.#list.all({ boardId, attachmentId }).map(toRecord).filter(present);
  }

  async removeVersion(boardId: string, attachmentId: string, v: number): Promise<boolean> {
    return this.#write(() => this.#deleteVersion.run({ boardId, attachmentId, v }).changes > 0);
  }

  async removeAttachment(boardId: string, attachmentId: string): Promise<number> {
    return this.#write(() => this.#deleteAttachment.run({ boardId, attachmentId }).changes);
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#write(() => this.#deleteBoard.run({ boardId }).changes);
  }

  async listBoards(): Promise<string[]> {
    return this.#boards.all().map((r) => r.boardId);
  }

  async listAttachments(boardId: string): Promise<AttachmentOrphanState[]> {
    return this.#attachments.all({ boardId });
  }

  async markOrphaned(boardId: string, attachmentId: string, at: number): Promise<number> {
    return this.#write(() => this.#mark.run({ boardId, attachmentId, at }).changes);
  }

  async clearOrphaned(boardId: string, attachmentId: string): Promise<number> {
    return this.#write(() => this.#clear.run({ boardId, attachmentId }).changes);
  }
}
