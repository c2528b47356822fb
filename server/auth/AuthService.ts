import { newId } from '#lib/board';
import type { Logger } from '../log';
import { colorForUser, normaliseEmail, signUpFields } from './accountFields';
import { SignInLimits, type SignInLimitOptions } from './signInLimits';
import { AuthRequestError, isAuthRequestError } from './AuthRequestError';
import { AuthStoreError, type AuthStore, type NewUser, type UserRecord } from './AuthStore';
import { hashPassword, isAcceptablePassword, needsRehash, verifyPassword } from './passwords';
import { Sessions } from './Sessions';
import { newSessionToken } from './sessionToken';

/** A user as anyone outside server/auth sees them: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  /** Presence colour, assigned by the server. */
  color: string;
  isAdmin: boolean;
}

/** Instance settings an administrator changes. */
export interface AuthSettings {
  /** Anyone may create an account; false (the default) means invitation only. */
  openSignup: boolean;
}

export interface AuthServiceOptions {
  /** The clock, injectable so tests can expire sessions. */
  now?: () => number;
  /** How long an unused session lives; each use (at most hourly) starts the period again. */
  sessionLifetimeMs?: number;
  /** The password check, injectable so a test can see that every sign-in spends one. */
  verifyPassword?: typeof verifyPassword;
  /** Told after an account is created, before signUp returns (the first admin adopts orphan boards). */
  onSignedUp?: (user: PublicUser) => Promise<void>;
  /** Delays per (email, address), and limits per client address with open sign-ups (signInLimits.ts). */
  backoffLimits?: SignInLimitOptions['backoffLimits'];
  addressLimits?: SignInLimitOptions['addressLimits'];
  /** Told after a session is signed out, with its id (sessionIdOf), to end its live sockets. */
  onSignedOut?: (sessionId: string) => void;
}

export const DEFAULT_SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const OPEN_SIGNUP_KEY = 'openSignup';

/** The public shape of a stored user: the only form a user leaves this service in. */
export function publicUser(user: Pick<UserRecord, keyof PublicUser>): PublicUser {
  return { id: user.id, email: user.email, name: user.name, color: user.color, isAdmin: user.isAdmin };
}

const badCredentials = () =>
  new AuthRequestError(401, 'bad-credentials', 'That email and password do not match.');
const signupClosed = () =>
  new AuthRequestError(
    403,
    'signup-closed',
    'Sign-up on this Stageboard is by invitation only: ask an administrator to invite you.'
  );
/** The refusal of a sign-up whose email has an account (also InviteService's, for a sign-up by link). */
export const emailTaken = () =>
  new AuthRequestError(409, 'email-taken', 'This email already has an account; sign in instead.');

/**
 * Accounts and sessions: sign-up (the first account administers the instance), sign-in, sign-out,
 * the user behind a session cookie, and the open-sign-up setting. Passwords are scrypt-hashed
 * (passwords.ts); sessions are Sessions.ts's.
 */
export class AuthService {
  /** How long an unused session lives; the cookie's Max-Age. */
  readonly sessionLifetimeMs: number;
  readonly #store: AuthStore;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #verify: typeof verifyPassword;
  readonly #onSignedUp: AuthServiceOptions['onSignedUp'];
  readonly #limits: SignInLimits;
  readonly #sessions: Sessions;
  /** Compared against when the email is unknown; made at start so the first such sign-in costs one hash too. */
  readonly #dummyHash: Promise<string>;

  constructor(store: AuthStore, log: Logger, options: AuthServiceOptions = {}) {
    this.#store = store;
    this.#log = log;
    this.#now = options.now ?? Date.now;
    this.#verify = options.verifyPassword ?? verifyPassword;
    this.#onSignedUp = options.onSignedUp;
    this.#limits = new SignInLimits(options, this.#now, log);
    this.sessionLifetimeMs = options.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS;
    this.#sessions = new Sessions(store, {
      lifetimeMs: this.sessionLifetimeMs,
      now: this.#now,
      onEnded: options.onSignedOut
    });
    this.#dummyHash = hashPassword(newSessionToken());
    // Awaited by signIn; this only keeps an (unexpected) failure from being unhandled meanwhile.
    void this.#dummyHash.catch(() => undefined);
  }

  /**
   * Creates an account and signs it in. The first account of the instance is its administrator;
   * after that, sign-up needs the open-sign-up setting (an invitation's sign-up is
   * InviteService.signUpAndJoin, which writes the account with the claim). The colour is the
   * server's choice.
   */
  async signUp(
    input: { email: unknown; password: unknown; name?: unknown },
    { address }: { address?: string } = {}
  ): Promise<{ user: PublicUser; token: string }> {
    const fields = signUpFields(input);
    const firstAccount = (await this.#store.countUsers()) === 0;
    // Refused before hashing: a closed instance spends no CPU on sign-ups it will not take.
    if (!firstAccount && !(await this.#openSignup())) throw signupClosed();
    const counted = address && !firstAccount ? address : null;
    if (counted) this.#limits.beginSignUp(counted);
    try {
      const user = await this.#insert(await this.#hashed(fields), firstAccount);
      this.#log.info(user.isAdmin ? 'administrator account created' : 'account created', { user: user.id });
      await this.#onSignedUp?.(publicUser(user));
      return { user: publicUser(user), token: await this.#sessions.start(user.id) };
    } catch (error) {
      if (counted) this.#limits.signUpRefused(counted);
      throw error;
    }
  }

  /**
   * A new (non-administrator) account's fields checked and its password hashed, not stored: the
   * slow part of a sign-up, done before a store writes the account together with what grants it
   * (an invitation's claim). Hand the stored account to `accountCreated`.
   */
  async newAccount(input: { email: unknown; password: unknown; name?: unknown }): Promise<NewUser> {
    return { ...(await this.#hashed(signUpFields(input))), isAdmin: false };
  }

  /** Logs an account another service stored from `newAccount`, and signs it in. */
  async accountCreated(account: NewUser): Promise<{ user: PublicUser; token: string }> {
    this.#log.info('account created', { user: account.id });
    return { user: publicUser(account), token: await this.#sessions.start(account.id) };
  }

  /** Signs in; a wrong password and an unknown email get the same error after about the same time. */
  async signIn(
    input: { email: unknown; password: unknown },
    { address }: { address?: string } = {}
  ): Promise<{ user: PublicUser; token: string }> {
    let user: UserRecord | null = null;
    let email = '';
    try {
      email = normaliseEmail(input.email);
      user = await this.#store.getUserByEmail(email);
    } catch (error) {
      // A malformed email is answered like an unknown one, after the same work.
      if (!isAuthRequestError(error)) throw error;
    }
    // Counted (as a failure) before the password is checked, so a waiting guesser costs no scrypt
    // and concurrent guesses are all counted; unknown emails count too, or the wait would tell
    // which emails have accounts.
    this.#limits.beginSignIn(email, address);
    // No user: check against a dummy hash anyway, so timing does not tell which emails have accounts.
    const matches = await this.#verify(input.password, user?.passwordHash ?? (await this.#dummyHash));
    if (!user || !matches) {
      this.#log.info('sign-in refused');
      throw badCredentials();
    }
    this.#limits.signedIn(email, address);
    if (needsRehash(user.passwordHash) && isAcceptablePassword(input.password)) {
      // The only moment the password is known: bring the hash up to the current cost.
      const passwordHash = await hashPassword(input.password);
      await this.#store.updateUser(user.id, { passwordHash }, this.#now());
    }
    this.#log.info('signed in', { user: user.id });
    return { user: publicUser(user), token: await this.#sessions.start(user.id) };
  }

  /** Ends the session of this token; a token that is unknown or malformed changes nothing. */
  async signOut(token: unknown): Promise<void> {
    await this.#sessions.end(token);
  }

  /** The id a live connection keeps of the session it was opened with (never the token itself). */
  sessionIdOf(token: string): string {
    return this.#sessions.idOf(token);
  }

  /**
   * The user signed in with this token, or null. An expired session (or one whose user is gone) is
   * deleted; a live one has its expiry moved forward, at most once an hour.
   */
  async userForToken(token: unknown): Promise<PublicUser | null> {
    const user = await this.#sessions.userFor(token);
    return user ? publicUser(user) : null;
  }

  /**
   * Which of these sessions (ids from sessionIdOf) still hold. Open sockets are use, like requests:
   * a live session has its expiry moved forward as userForToken would; the rest are deleted.
   */
  liveSessions(sessionIds: Iterable<string>): Promise<Set<string>> {
    return this.#sessions.live(sessionIds);
  }

  /** The instance's first administrator, or null before anyone signed up. */
  async firstAdmin(): Promise<PublicUser | null> {
    const admin = await this.#store.getFirstAdmin();
    return admin ? publicUser(admin) : null;
  }

  /** The instance settings. Readable by anyone: the sign-up page needs to know whether it is open. */
  async getSettings(): Promise<AuthSettings> {
    return { openSignup: await this.#openSignup() };
  }

  /** True before the first account exists: that sign-up will create the administrator. */
  async isFreshInstall(): Promise<boolean> {
    return (await this.#store.countUsers()) === 0;
  }

  /** Opens or closes sign-up; administrators only. */
  async setOpenSignup(actor: PublicUser | null, open: unknown): Promise<AuthSettings> {
    if (!actor) throw new AuthRequestError(401, 'not-signed-in', 'Sign in first.');
    // Read again rather than trusting the caller's copy: the flag may have been revoked since.
    const current = await this.#store.getUser(actor.id);
    if (!current?.isAdmin) {
      throw new AuthRequestError(403, 'forbidden', 'Only an administrator can change this setting.');
    }
    if (typeof open !== 'boolean') {
      throw new AuthRequestError(400, 'invalid-setting', '"openSignup" must be true or false.');
    }
    await this.#store.setSetting(OPEN_SIGNUP_KEY, open);
    this.#log.info('open sign-up set', { user: actor.id, open });
    return this.getSettings();
  }

  async #openSignup(): Promise<boolean> {
    return (await this.#store.getSetting(OPEN_SIGNUP_KEY)) === true;
  }

  /** The account to store, password hashed; a taken email is refused before the hash is spent. */
  async #hashed(fields: {
    email: string;
    password: string;
    name: string;
  }): Promise<Omit<NewUser, 'isAdmin'>> {
    if (await this.#store.getUserByEmail(fields.email)) throw emailTaken();
    const id = newId();
    const { email, name } = fields;
    const passwordHash = await hashPassword(fields.password);
    return { id, email, name, color: colorForUser(id), passwordHash, createdAt: this.#now() };
  }

  /**
   * Stores the account: as administrator when it is the first. Of two first sign-ups at once, the
   * one that loses the store's count-and-insert is an ordinary sign-up, refused while sign-up is closed.
   */
  async #insert(account: Omit<NewUser, 'isAdmin'>, firstAccount: boolean): Promise<UserRecord> {
    try {
      const first = firstAccount ? await this.#store.createFirstUser(account) : null;
      if (first) return first;
      if (firstAccount && !(await this.#openSignup())) throw signupClosed();
      return await this.#store.createUser({ ...account, isAdmin: false });
    } catch (error) {
      if (error instanceof AuthStoreError && error.code === 'email-taken') throw emailTaken();
      throw error;
    }
  }
}
