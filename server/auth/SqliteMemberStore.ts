import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { boardMembers } from '../store/schema';
import { constraintCode } from '../store/sqliteErrors';
import {
  MemberStoreError,
  byRoleThenJoined,
  judgeChange,
  type MemberChange,
  type MemberChangeOutcome,
  type MemberRecord,
  type MemberStore,
  type NewMember
} from './MemberStore';
import { BOARD_ROLES, isBoardRole } from '#lib/auth/permissions';

type Row = typeof boardMembers.$inferSelect;

/** A stored row as a record; a role this version does not know grants nothing, so the row is dropped. */
function toRecord(row: Row): MemberRecord | null {
  if (!isBoardRole(row.role)) return null;
  return { ...row, role: row.role };
}

const records = (rows: Row[]) => rows.map(toRecord).filter((r): r is MemberRecord => r !== null);

/** MemberStore on the SqliteDocStore's connection (like SqliteAuthStore): one file, one writer. */
export class SqliteMemberStore implements MemberStore {
  readonly #write: WriteTransaction;
  readonly #upsert;
  readonly #select;
  readonly #selectBoard;
  readonly #selectUser;
  readonly #delete;
  readonly #countOwners;
  readonly #deleteBoard;

  static over(docStore: SqliteDocStore): SqliteMemberStore {
    const { db, write } = docStore.connection();
    return new SqliteMemberStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#write = write;
    const p = (name: string) => sql.placeholder(name);
    this.#upsert = db
      .insert(boardMembers)
      .values({
        boardId: p('boardId'),
        userId: p('userId'),
        role: p('role'),
        addedBy: p('addedBy'),
        createdAt: p('createdAt'),
        updatedAt: p('createdAt')
      })
      // A second put changes the role only: who added them and when stay as they were.
      .onConflictDoUpdate({
        target: [boardMembers.boardId, boardMembers.userId],
        set: { role: sql`excluded.role`, updatedAt: sql`excluded.updated_at` }
      })
      .returning()
      .prepare();
    const both = and(eq(boardMembers.boardId, p('boardId')), eq(boardMembers.userId, p('userId')));
    this.#select = db.select().from(boardMembers).where(both).prepare();
    this.#selectBoard = db
      .select()
      .from(boardMembers)
      .where(eq(boardMembers.boardId, p('boardId')))
      .prepare();
    this.#selectUser = db
      .select()
      .from(boardMembers)
      .where(eq(boardMembers.userId, p('userId')))
      .orderBy(desc(boardMembers.createdAt), boardMembers.boardId)
      .prepare();
    this.#delete = db.delete(boardMembers).where(both).prepare();
    this.#countOwners = db
      .select({ n: count() })
      .from(boardMembers)
      .where(and(eq(boardMembers.boardId, p('boardId')), eq(boardMembers.role, 'owner')))
      .prepare();
    this.#deleteBoard = db
      .delete(boardMembers)
      .where(eq(boardMembers.boardId, p('boardId')))
      .prepare();
  }

  async putMember(member: NewMember): Promise<MemberRecord> {
    return this.#write(() => this.putMemberNow(member));
  }

  /** putMember inside the caller's transaction (synchronous: another store's write can include it). */
  putMemberNow(member: NewMember): MemberRecord {
    try {
      const [row] = this.#upsert.all(member);
      const record = row ? toRecord(row) : null;
      if (!record) throw new Error('board_members upsert returned no row');
      return record;
    } catch (error) {
      if (constraintCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        throw new MemberStoreError(`No user ${member.userId}.`);
      throw error;
    }
  }

  async getMember(boardId: string, userId: string): Promise<MemberRecord | null> {
    const [row] = this.#select.all({ boardId, userId });
    return row ? toRecord(row) : null;
  }

  async listMembers(boardId: string): Promise<MemberRecord[]> {
    // Few members a board: sorting here keeps the role order in one place (MemberStore.ts).
    return records(this.#selectBoard.all({ boardId })).sort(byRoleThenJoined(BOARD_ROLES));
  }

  async listBoardsOf(userId: string): Promise<MemberRecord[]> {
    return records(this.#selectUser.all({ userId }));
  }

  async changeMember(change: MemberChange): Promise<MemberChangeOutcome> {
    const { boardId, userId, put } = change;
    const roleOf = (id: string) => {
      const [row] = this.#select.all({ boardId, userId: id });
      return (row && toRecord(row)?.role) ?? null;
    };
    // Read and written in one transaction: no other write of this file comes in between.
    return this.#write(() => {
      const outcome = judgeChange(change, {
        actorRole: roleOf(change.judged.actorId),
        memberRole: roleOf(userId),
        owners: this.#countOwners.get({ boardId })?.n ?? 0
      });
      if (outcome !== 'ok') return outcome;
      if (put) this.putMemberNow(put);
      else this.#delete.run({ boardId, userId });
      return outcome;
    });
  }

  async removeMember(boardId: string, userId: string): Promise<boolean> {
    return this.#write(() => this.#delete.run({ boardId, userId })).changes > 0;
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#write(() => this.#deleteBoard.run({ boardId })).changes;
  }
}
