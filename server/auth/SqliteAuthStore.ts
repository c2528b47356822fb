import { asc, count, eq, lte, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDocStore } from '../store/SqliteDocStore';
import type { WriteTransaction } from '../store/SqliteTemplates';
import { sessions, settings, users } from '../store/schema';
import {
  AuthStoreError,
  type AuthStore,
  type NewUser,
  type SessionRecord,
  type UserPatch,
  type UserRecord
} from './AuthStore';
import { decodeSetting, encodeSetting } from './settingJson';
import { constraintCode } from '../store/sqliteErrors';

/**
 * AuthStore on the SqliteDocStore's own connection and file: one writer per process, one file to
 * back up, and the tables come from the same migrations. Statements are prepared once; sessions
 * are read on every signed-in request.
 */
export class SqliteAuthStore implements AuthStore {
  readonly #write: WriteTransaction;
  readonly #insertUser;
  readonly #selectUser;
  readonly #selectUserByEmail;
  readonly #countUsers;
  readonly #selectFirstAdmin;
  readonly #updateUser;
  readonly #insertSession;
  readonly #selectSession;
  readonly #touchSession;
  readonly #deleteSession;
  readonly #deleteSessionsOfUser;
  readonly #deleteExpired;
  readonly #selectSetting;
  readonly #upsertSetting;

  /** The auth tables of an open SqliteDocStore's database (they exist once it has migrated). */
  static over(docStore: SqliteDocStore): SqliteAuthStore {
    const { db, write } = docStore.connection();
    return new SqliteAuthStore(db, write);
  }

  private constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#write = write;
    const p = (name: string) => sql.placeholder(name);
    this.#insertUser = db
      .insert(users)
      .values({
        id: p('id'),
        email: p('email'),
        name: p('name'),
        color: p('color'),
        passwordHash: p('passwordHash'),
        isAdmin: p('isAdmin'),
        createdAt: p('createdAt'),
        updatedAt: p('createdAt')
      })
      .prepare();
    this.#selectUser = db
      .select()
      .from(users)
      .where(eq(users.id, p('id')))
      .prepare();
    this.#selectUserByEmail = db
      .select()
      .from(users)
      .where(eq(users.email, p('email')))
      .prepare();
    this.#countUsers = db.select({ n: count() }).from(users).prepare();
    this.#selectFirstAdmin = db
      .select()
      .from(users)
      .where(eq(users.isAdmin, true))
      .orderBy(asc(users.createdAt), asc(users.id))
      .limit(1)
      .prepare();
    // A null parameter keeps the column, so one statement serves every patch (raw SQL: pass 0/1).
    this.#updateUser = db
      .update(users)
      .set({
        name: sql`coalesce(${p('name')}, ${users.name})`,
        color: sql`coalesce(${p('color')}, ${users.color})`,
        passwordHash: sql`coalesce(${p('passwordHash')}, ${users.passwordHash})`,
        isAdmin: sql`coalesce(${p('isAdmin')}, ${users.isAdmin})`,
        updatedAt: sql`${p('now')}`
      })
      .where(eq(users.id, p('id')))
      .returning()
      .prepare();

    this.#insertSession = db
      .insert(sessions)
      .values({
        tokenHash: p('tokenHash'),
        userId: p('userId'),
        createdAt: p('createdAt'),
        expiresAt: p('expiresAt'),
        lastSeenAt: p('lastSeenAt')
      })
      .prepare();
    this.#selectSession = db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, p('tokenHash')))
      .prepare();
    this.#touchSession = db
      .update(sessions)
      .set({ lastSeenAt: sql`${p('lastSeenAt')}`, expiresAt: sql`${p('expiresAt')}` })
      .where(eq(sessions.tokenHash, p('tokenHash')))
      .prepare();
    this.#deleteSession = db
      .delete(sessions)
      .where(eq(sessions.tokenHash, p('tokenHash')))
      .prepare();
    this.#deleteSessionsOfUser = db
      .delete(sessions)
      .where(eq(sessions.userId, p('userId')))
      .prepare();
    this.#deleteExpired = db
      .delete(sessions)
      .where(lte(sessions.expiresAt, p('now')))
      .prepare();

    this.#selectSetting = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, p('key')))
      .prepare();
    this.#upsertSetting = db
      .insert(settings)
      .values({ key: p('key'), value: p('value') })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
      .prepare();
  }

  /** Stores a user; rejects with 'email-taken' when the email has an account. */
  async createUser(user: NewUser): Promise<UserRecord> {
    return this.#write(() => this.insertUserNow(user));
  }

  /** Counts users and inserts this one as administrator only when there are none, in one transaction. */
  async createFirstUser(user: Omit<NewUser, 'isAdmin'>): Promise<UserRecord | null> {
    // The transaction matters across processes on one file: a second writer cannot insert between
    // the count and the insert (its commit would make ours fail with SQLITE_BUSY, never pass).
    return this.#write(() =>
      (this.#countUsers.get()?.n ?? 0) === 0 ? this.insertUserNow({ ...user, isAdmin: true }) : null
    );
  }

  /** The user with this id, or null. */
  async getUser(id: string): Promise<UserRecord | null> {
    return this.#selectUser.get({ id }) ?? null;
  }

  /** The user with this (normalised) email, or null. */
  async getUserByEmail(email: string): Promise<UserRecord | null> {
    return this.#selectUserByEmail.get({ email }) ?? null;
  }

  async countUsers(): Promise<number> {
    return this.#countUsers.get()?.n ?? 0;
  }

  async getFirstAdmin(): Promise<UserRecord | null> {
    return this.#selectFirstAdmin.get() ?? null;
  }

  /** Applies the patch and sets updatedAt; null when there is no such user. */
  async updateUser(id: string, patch: UserPatch, now: number): Promise<UserRecord | null> {
    const isAdmin = patch.isAdmin === undefined ? null : Number(patch.isAdmin);
    const row = this.#write(() =>
      this.#updateUser.get({
        id,
        name: patch.name ?? null,
        color: patch.color ?? null,
        passwordHash: patch.passwordHash ?? null,
        isAdmin,
        now
      })
    );
    return row ?? null;
  }

  /** Stores a session; rejects with 'unknown-user' when its user does not exist. */
  async createSession(session: SessionRecord): Promise<void> {
    try {
      this.#write(() => this.#insertSession.run({ ...session }));
    } catch (error) {
      if (constraintCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AuthStoreError('unknown-user', `No user "${session.userId}" to open a session for.`);
      }
      throw error;
    }
  }

  /** The session with this token hash, expired or not, or null. */
  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.#selectSession.get({ tokenHash }) ?? null;
  }

  /** Moves lastSeenAt and expiresAt; false when there is no such session. */
  async touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<boolean> {
    return this.#write(() => this.#touchSession.run({ tokenHash, lastSeenAt, expiresAt }).changes > 0);
  }

  /** Deletes one session; true when there was one. */
  async deleteSession(tokenHash: string): Promise<boolean> {
    return this.#write(() => this.#deleteSession.run({ tokenHash }).changes > 0);
  }

  /** Deletes every session of a user; returns how many. */
  async deleteSessionsOfUser(userId: string): Promise<number> {
    return this.#write(() => this.#deleteSessionsOfUser.run({ userId }).changes);
  }

  /** Deletes sessions whose expiresAt <= now; returns how many. */
  async deleteExpiredSessions(now: number): Promise<number> {
    return this.#write(() => this.#deleteExpired.run({ now }).changes);
  }

  /** The setting's value (a copy), or undefined when unset or unreadable. */
  async getSetting(key: string): Promise<unknown> {
    return decodeSetting(this.#selectSetting.get({ key })?.value);
  }

  /** Stores a JSON-serialisable value under `key`. */
  async setSetting(key: string, value: unknown): Promise<void> {
    const json = encodeSetting(key, value);
    this.#write(() => this.#upsertSetting.run({ key, value: json }));
  }

  /**
   * Inserts inside the caller's transaction (synchronous, so another store of this file can make
   * an account part of its own write); a taken email becomes the store's typed error.
   */
  insertUserNow(user: NewUser): UserRecord {
    try {
      this.#insertUser.run(user);
    } catch (error) {
      if (constraintCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AuthStoreError('email-taken', `An account with email "${user.email}" already exists.`);
      }
      throw error;
    }
    return { ...user, updatedAt: user.createdAt };
  }
}
