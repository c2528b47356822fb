import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { invites } from '../store/schema';
import { constraintCode } from '../store/sqliteErrors';
import {
  InviteStoreError,
  newestFirst,
  type InviteRecord,
  type InviteRedemption,
  type InviteStore,
  type NewInvite
} from './InviteStore';
import { SqliteAuthStore } from './SqliteAuthStore';
import { SqliteMemberStore } from './SqliteMemberStore';
import { isBoardRole } from '#lib/auth/permissions';

type Row = typeof invites.$inferSelect;

/** A stored row as a record; a role this version does not know grants nothing, so the row is dropped. */
function toRecord(row: Row): InviteRecord | null {
  if (!isBoardRole(row.role)) return null;
  return { ...row, role: row.role };
}

/** Rows as records in listPending's order (newest first); few per board or address, so sorted here. */
const records = (rows: Row[]) =>
  rows
    .map(toRecord)
    .filter((r): r is InviteRecord => r !== null)
    .sort(newestFirst);

/** InviteStore on the SqliteDocStore's connection (like SqliteMemberStore): one file, one writer. */
export class SqliteInviteStore implements InviteStore {
  readonly #write: WriteTransaction;
  readonly #insert;
  readonly #select;
  readonly #selectPending;
  readonly #selectForEmail;
  readonly #markUsed;
  readonly #delete;
  readonly #deleteBoard;
  /** The account and membership writes a redemption makes in its own transaction. */
  readonly #users: SqliteAuthStore;
  readonly #members: SqliteMemberStore;

  static over(docStore: SqliteDocStore): SqliteInviteStore {
    const { db, write } = docStore.connection();
    return new SqliteInviteStore(db, write, SqliteAuthStore.over(docStore), SqliteMemberStore.over(docStore));
  }

  private constructor(
    db: BetterSQLite3Database,
    write: WriteTransaction,
    users: SqliteAuthStore,
    members: SqliteMemberStore
  ) {
    this.#write = write;
    this.#users = users;
    this.#members = members;
    const p = (name: string) => sql.placeholder(name);
    this.#insert = db
      .insert(invites)
      .values({
        tokenHash: p('tokenHash'),
        boardId: p('boardId'),
        role: p('role'),
        email: p('email'),
        createdBy: p('createdBy'),
        createdAt: p('createdAt'),
        expiresAt: p('expiresAt')
      })
      .prepare();
    this.#select = db
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, p('tokenHash')))
      .prepare();
    const pending = and(isNull(invites.usedBy), gt(invites.expiresAt, p('now')));
    this.#selectPending = db
      .select()
      .from(invites)
      .where(and(eq(invites.boardId, p('boardId')), pending))
      .prepare();
    this.#selectForEmail = db
      .select()
      .from(invites)
      .where(and(eq(invites.email, p('email')), pending))
      .prepare();
    // The conditions are the guard: a second use (or one after expiry) changes no row.
    this.#markUsed = db
      .update(invites)
      .set({ usedBy: sql`${p('userId')}`, usedAt: sql`${p('now')}` })
      .where(and(eq(invites.tokenHash, p('tokenHash')), pending))
      .prepare();
    this.#delete = db
      .delete(invites)
      .where(eq(invites.tokenHash, p('tokenHash')))
      .prepare();
    this.#deleteBoard = db
      .delete(invites)
      .where(eq(invites.boardId, p('boardId')))
      .prepare();
  }

  async createInvite(invite: NewInvite): Promise<InviteRecord> {
    try {
      this.#write(() => this.#insert.run({ ...invite }));
    } catch (error) {
      if (constraintCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new InviteStoreError(`No user ${invite.createdBy}.`);
      }
      throw error;
    }
    return { ...invite, usedBy: null, usedAt: null };
  }

  async getInvite(tokenHash: string): Promise<InviteRecord | null> {
    const row = this.#select.get({ tokenHash });
    return row ? toRecord(row) : null;
  }

  async listPending(boardId: string, now: number): Promise<InviteRecord[]> {
    return records(this.#selectPending.all({ boardId, now }));
  }

  async listForEmail(email: string, now: number): Promise<InviteRecord[]> {
    return records(this.#selectForEmail.all({ email, now }));
  }

  async markUsed(tokenHash: string, userId: string, now: number): Promise<boolean> {
    return this.#write(() => this.#markUsed.run({ tokenHash, userId, now }).changes === 1);
  }

  async redeem({ tokenHash, now, newUser, member }: InviteRedemption): Promise<boolean> {
    // The claim first: when it changes no row, nothing else is written. A refused account (a
    // taken email) throws, and the transaction takes the claim back with it.
    return this.#write(() => {
      if (this.#markUsed.run({ tokenHash, userId: member.userId, now }).changes !== 1) return false;
      if (newUser) this.#users.insertUserNow(newUser);
      this.#members.putMemberNow(member);
      return true;
    });
  }

  async deleteInvite(tokenHash: string): Promise<boolean> {
    return this.#write(() => this.#delete.run({ tokenHash }).changes > 0);
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#write(() => this.#deleteBoard.run({ boardId }).changes);
  }
}
