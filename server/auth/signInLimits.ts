/**
 * The limits on signing in and up, checked before any password hash is spent (a hash is some
 * 40 ms of a core and 16 MiB). Per (email, client address): growing delays after a few failed
 * sign-ins, so nobody tries passwords against one account without end, yet a guesser elsewhere
 * only slows themselves down and never locks the owner out. Per client address: failed sign-ins
 * across emails, which the per-(email, address) delays do not see, and accounts made by open
 * sign-up. Every attempt is counted before it runs and taken back if it did not count (exact
 * under concurrent requests).
 */
import type { Logger } from '../log';
import { AttemptLimiter, type AttemptLimits } from './attemptLimiter';
import { AuthRequestError } from './AuthRequestError';
import { BackoffLimiter, DEFAULT_BACKOFF_LIMITS, type BackoffLimits } from './backoffLimiter';

/**
 * Per client address, failures only: an office behind one address signing in at nine is many
 * successes; someone trying passwords across many emails is many failures. Sign-ups by open
 * registration count whole (each is a hash and an account); sign-ups by invitation do not, the
 * link already vouches for them.
 */
export const DEFAULT_ADDRESS_LIMITS = {
  failedSignIns: { maxFailures: 50, windowMs: 10 * 60_000, maxKeys: 10_000 },
  signUps: { maxFailures: 20, windowMs: 60 * 60_000, maxKeys: 10_000 }
} satisfies Record<string, AttemptLimits>;

export interface SignInLimitOptions {
  /** Failed sign-ins per (email, address) before the delays start, and how they grow. */
  backoffLimits?: BackoffLimits;
  /** Failed sign-ins, and accounts made by open sign-up, allowed per client address and window. */
  addressLimits?: { failedSignIns?: AttemptLimits; signUps?: AttemptLimits };
}

export class SignInLimits {
  readonly #byEmailAndAddress: BackoffLimiter;
  readonly #failuresByAddress: AttemptLimiter;
  readonly #signUpsByAddress: AttemptLimiter;

  constructor(
    options: SignInLimitOptions,
    now: () => number,
    private readonly log: Logger
  ) {
    const byAddress = { ...DEFAULT_ADDRESS_LIMITS, ...options.addressLimits };
    this.#byEmailAndAddress = new BackoffLimiter(options.backoffLimits ?? DEFAULT_BACKOFF_LIMITS, now);
    this.#failuresByAddress = new AttemptLimiter(byAddress.failedSignIns, now);
    this.#signUpsByAddress = new AttemptLimiter(byAddress.signUps, now);
  }

  /**
   * Counts a sign-in as failed before its password is checked, or throws 429 while this email
   * from this address, or this address, must wait. Unknown emails are counted like known ones,
   * or a wait would tell which emails have accounts. `signedIn` takes the count back.
   */
  beginSignIn(email: string, address = ''): void {
    if (address) this.#refuse(this.#failuresByAddress.reserve(address), 'failed sign-ins from this address');
    const wait = this.#byEmailAndAddress.reserve(keyOf(email, address));
    if (wait > 0 && address) this.#failuresByAddress.release(address);
    this.#refuse(wait, 'failed sign-ins for this email');
  }

  /** A success: earlier typos do not hold against the person, nor against their address. */
  signedIn(email: string, address = ''): void {
    this.#byEmailAndAddress.succeed(keyOf(email, address));
    if (address) this.#failuresByAddress.release(address);
  }

  /** Counts an open sign-up from this address before it runs, or throws 429 when it made its share. */
  beginSignUp(address: string): void {
    this.#refuse(this.#signUpsByAddress.reserve(address), 'sign-ups from this address');
  }

  /** A sign-up that made no account (refused after it was counted) does not count. */
  signUpRefused(address: string): void {
    this.#signUpsByAddress.release(address);
  }

  #refuse(waitMs: number, what: string): void {
    if (waitMs <= 0) return;
    this.log.warn(`refused: too many ${what}`);
    const seconds = Math.ceil(waitMs / 1000);
    throw new AuthRequestError(
      429,
      'too-many-attempts',
      `Too many ${what}. Try again in ${seconds} seconds.`,
      seconds
    );
  }
}

/** One key per (email, address): NUL cannot occur in a normalised email. */
const keyOf = (email: string, address: string) => `${email}\u0000${address}`;
