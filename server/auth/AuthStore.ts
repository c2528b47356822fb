/**
 * Accounts, sessions and instance settings behind one interface, so AuthService never knows
 * which database holds them. Async for the same reason as DocStore: a network store fits too.
 * Callers (AuthService) validate and normalise input; stores keep the rules below.
 */

/** A user as stored, hash included: never leaves server/auth (see PublicUser in AuthService). */
export interface UserRecord {
  id: string;
  /** Trimmed and lowercased by the caller; unique. */
  email: string;
  name: string;
  color: string;
  passwordHash: string;
  isAdmin: boolean;
  /** Milliseconds since the epoch, from the caller's clock. */
  createdAt: number;
  updatedAt: number;
}

/** A user to create: updatedAt starts equal to createdAt. */
export type NewUser = Omit<UserRecord, 'updatedAt'>;

export interface UserPatch {
  name?: string;
  color?: string;
  passwordHash?: string;
  isAdmin?: boolean;
}

export interface SessionRecord {
  /** sha256 hex of the cookie's token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: number;
  /** The session is over once the clock reaches this. */
  expiresAt: number;
  lastSeenAt: number;
}

export type AuthStoreErrorCode = 'email-taken' | 'unknown-user';

/** A write the store refuses by its own rules (a unique email, a session's user). */
export class AuthStoreError extends Error {
  override name = 'AuthStoreError';
  constructor(
    readonly code: AuthStoreErrorCode,
    message: string
  ) {
    super(message);
  }
}

export interface AuthStore {
  /** Stores a user; rejects with AuthStoreError 'email-taken' when the email has an account. */
  createUser(user: NewUser): Promise<UserRecord>;
  /**
   * Counts users and, only when there are none, stores this one as administrator, in one
   * transaction: of two sign-ups on a fresh install exactly one gets it. Null when a user exists.
   */
  createFirstUser(user: Omit<NewUser, 'isAdmin'>): Promise<UserRecord | null>;
  /** The user with this id, or null. */
  getUser(id: string): Promise<UserRecord | null>;
  /** The user with this (normalised) email, or null. */
  getUserByEmail(email: string): Promise<UserRecord | null>;
  countUsers(): Promise<number>;
  /** The earliest-created administrator (the instance's first account), or null. */
  getFirstAdmin(): Promise<UserRecord | null>;
  /** Applies the patch and sets updatedAt to `now`; null when there is no such user. */
  updateUser(id: string, patch: UserPatch, now: number): Promise<UserRecord | null>;

  /** Stores a session; rejects with AuthStoreError 'unknown-user' when its user does not exist. */
  createSession(session: SessionRecord): Promise<void>;
  /** The session with this token hash, or null. Expired sessions are returned too: the caller decides. */
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  /** Moves lastSeenAt and expiresAt; false when there is no such session. */
  touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<boolean>;
  /** Deletes one session; true when there was one. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /** Deletes every session of a user (password change, removal); returns how many. */
  deleteSessionsOfUser(userId: string): Promise<number>;
  /** Deletes sessions whose expiresAt <= now; returns how many. */
  deleteExpiredSessions(now: number): Promise<number>;

  /** The setting's value (a copy), or undefined when it was never set or cannot be read. */
  getSetting(key: string): Promise<unknown>;
  /** Stores a JSON-serialisable value under `key`, replacing any earlier one. */
  setSetting(key: string, value: unknown): Promise<void>;
}
