/**
 * The limits on signing in and up, checked before any password hash is spent (a hash is some
 * 40 ms of a core and 16 MiB). Per email: failed sign-ins, so nobody tries passwords against one
 * account without end. Per client address: failed sign-ins across emails, which the per-email
 * limit does not see, and accounts made by open sign-up.
 */
import type { Logger } from '../log';
import { AttemptLimiter, DEFAULT_ATTEMPT_LIMITS, type AttemptLimits } from './attemptLimiter';
import { AuthRequestError } from './AuthRequestError';

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
  /** Failed sign-ins allowed per email and window. */
  attemptLimits?: AttemptLimits;
  /** Failed sign-ins, and accounts made by open sign-up, allowed per client address and window. */
  addressLimits?: { failedSignIns?: AttemptLimits; signUps?: AttemptLimits };
}

export class SignInLimits {
  readonly #byEmail: AttemptLimiter;
  readonly #failuresByAddress: AttemptLimiter;
  readonly #signUpsByAddress: AttemptLimiter;

  constructor(
    options: SignInLimitOptions,
    now: () => number,
    private readonly log: Logger
  ) {
    const byAddress = { ...DEFAULT_ADDRESS_LIMITS, ...options.addressLimits };
    this.#byEmail = new AttemptLimiter(options.attemptLimits ?? DEFAULT_ATTEMPT_LIMITS, now);
    this.#failuresByAddress = new AttemptLimiter(byAddress.failedSignIns, now);
    this.#signUpsByAddress = new AttemptLimiter(byAddress.signUps, now);
  }

  /**
   * Throws 429 while this email or address is blocked. Unknown emails are counted like known
   * ones, or a block would tell which emails have accounts.
   */
  checkSignIn(email: string, address?: string): void {
    this.#refuseBlocked(this.#byEmail, email, 'failed sign-ins for this email');
    if (address) this.#refuseBlocked(this.#failuresByAddress, address, 'failed sign-ins from this address');
  }

  signInFailed(email: string, address?: string): void {
    this.#byEmail.fail(email);
    if (address) this.#failuresByAddress.fail(address);
  }

  /** A success clears the email's count: earlier typos do not hold against the person. */
  signedIn(email: string): void {
    this.#byEmail.succeed(email);
  }

  /** Throws 429 while this address has made its share of accounts by open sign-up. */
  checkSignUp(address: string): void {
    this.#refuseBlocked(this.#signUpsByAddress, address, 'sign-ups from this address');
  }

  signedUp(address: string): void {
    this.#signUpsByAddress.fail(address);
  }

  #refuseBlocked(limiter: AttemptLimiter, key: string, what: string): void {
    const waitMs = limiter.blockedFor(key);
    if (waitMs <= 0) return;
    this.log.warn(`refused: too many ${what}`);
    throw new AuthRequestError(
      429,
      'too-many-attempts',
      `Too many ${what}. Try again in ${Math.ceil(waitMs / 60_000)} minutes.`
    );
  }
}
