import { RequestError, isRequestError } from '../RequestError';

export type AuthRequestCode =
  | 'invalid-email'
  | 'weak-password'
  | 'invalid-name'
  | 'invalid-setting'
  | 'email-taken'
  | 'bad-credentials'
  | 'too-many-attempts'
  | 'signup-closed'
  | 'not-signed-in'
  | 'forbidden';

/** A sign-up, sign-in or settings request the service refuses; `status` is the HTTP status to answer. */
export class AuthRequestError extends RequestError<400 | 401 | 403 | 409 | 429, AuthRequestCode> {
  override name = 'AuthRequestError';
  constructor(
    status: 400 | 401 | 403 | 409 | 429,
    code: AuthRequestCode,
    message: string,
    /** For a 429: whole seconds until a retry can be taken (the Retry-After header's value). */
    readonly retryAfterSeconds?: number
  ) {
    super(status, code, message);
  }

  /** A sign-in that must wait says how long in HTTP's own header; the body's code says why. */
  override get headers(): Readonly<Record<string, string>> {
    const wait = this.retryAfterSeconds;
    return wait === undefined ? {} : { 'retry-after': String(wait) };
  }
}

/** True for an AuthRequestError from either copy of this module (see isRequestError). */
export function isAuthRequestError(e: unknown): e is AuthRequestError {
  return isRequestError(e, 'AuthRequestError');
}
