import {
  AuthStoreError,
  type AuthStore,
  type NewUser,
  type SessionRecord,
  type UserPatch,
  type UserRecord
} from './AuthStore';
import { decodeSetting, encodeSetting } from './settingJson';

const emailTaken = (email: string) =>
  new AuthStoreError('email-taken', `An account with email "${email}" already exists.`);

/**
 * AuthStore in process memory, with the SQLite store's rules (unique email, sessions only for
 * existing users, records copied in and out). For tests and servers on a MemoryDocStore: nothing
 * survives the process.
 */
export class MemoryAuthStore implements AuthStore {
  readonly #users = new Map<string, UserRecord>();
  /** email → id: the unique index. */
  readonly #emails = new Map<string, string>();
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #settings = new Map<string, string>();

  /** Stores a user; rejects with 'email-taken' when the email has an account. */
  async createUser(user: NewUser): Promise<UserRecord> {
    return this.insertUserNow(user);
  }

  /** Stores the user as administrator only when there are no users; null otherwise. */
  async createFirstUser(user: Omit<NewUser, 'isAdmin'>): Promise<UserRecord | null> {
    // One synchronous step: nothing can run between the count and the insert.
    return this.#users.size === 0 ? this.insertUserNow({ ...user, isAdmin: true }) : null;
  }

  /** The user with this id, or null. */
  async getUser(id: string): Promise<UserRecord | null> {
    const user = this.#users.get(id);
    return user ? { ...user } : null;
  }

  /** The user with this (normalised) email, or null. */
  async getUserByEmail(email: string): Promise<UserRecord | null> {
    const id = this.#emails.get(email);
    return id === undefined ? null : this.getUser(id);
  }

  async countUsers(): Promise<number> {
    return this.#users.size;
  }

  async getFirstAdmin(): Promise<UserRecord | null> {
    let first: UserRecord | null = null;
    for (const user of this.#users.values()) {
      if (user.isAdmin && (!first || user.createdAt < first.createdAt)) first = user;
    }
    return first ? { ...first } : null;
  }

  /** Applies the patch and sets updatedAt; null when there is no such user. */
  async updateUser(id: string, patch: UserPatch, now: number): Promise<UserRecord | null> {
    const user = this.#users.get(id);
    if (!user) return null;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const updated = { ...user, ...defined, updatedAt: now };
    this.#users.set(id, updated);
    return { ...updated };
  }

  /** Stores a session; rejects with 'unknown-user' when its user does not exist. */
  async createSession(session: SessionRecord): Promise<void> {
    if (!this.#users.has(session.userId)) {
      throw new AuthStoreError('unknown-user', `No user "${session.userId}" to open a session for.`);
    }
    this.#sessions.set(session.tokenHash, { ...session });
  }

  /** The session with this token hash, expired or not, or null. */
  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const session = this.#sessions.get(tokenHash);
    return session ? { ...session } : null;
  }

  /** Moves lastSeenAt and expiresAt; false when there is no such session. */
  async touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<boolean> {
    const session = this.#sessions.get(tokenHash);
    if (!session) return false;
    this.#sessions.set(tokenHash, { ...session, lastSeenAt, expiresAt });
    return true;
  }

  /** Deletes one session; true when there was one. */
  async deleteSession(tokenHash: string): Promise<boolean> {
    return this.#sessions.delete(tokenHash);
  }

  /** Deletes every session of a user; returns how many. */
  async deleteSessionsOfUser(userId: string): Promise<number> {
    return this.#deleteWhere((session) => session.userId === userId);
  }

  /** Deletes sessions whose expiresAt <= now; returns how many. */
  async deleteExpiredSessions(now: number): Promise<number> {
    return this.#deleteWhere((session) => session.expiresAt <= now);
  }

  /** The setting's value (a copy), or undefined. */
  async getSetting(key: string): Promise<unknown> {
    return decodeSetting(this.#settings.get(key));
  }

  /** Stores a JSON-serialisable value under `key`. */
  async setSetting(key: string, value: unknown): Promise<void> {
    this.#settings.set(key, encodeSetting(key, value));
  }

  /** True when the user exists; synchronous, for another memory store's all-or-nothing write. */
  hasUser(id: string): boolean {
    return this.#users.has(id);
  }

  /** createUser in one synchronous step, so another memory store can make it part of its own. */
  insertUserNow(user: NewUser): UserRecord {
    if (this.#emails.has(user.email)) throw emailTaken(user.email);
    if (this.#users.has(user.id)) throw new Error(`A user with id "${user.id}" already exists.`);
    const record: UserRecord = { ...user, updatedAt: user.createdAt };
    this.#users.set(user.id, record);
    this.#emails.set(user.email, user.id);
    return { ...record };
  }

  #deleteWhere(match: (session: SessionRecord) => boolean): number {
    let deleted = 0;
    for (const [hash, session] of this.#sessions) {
      if (match(session) && this.#sessions.delete(hash)) deleted++;
    }
    return deleted;
  }
}
