import { RequestError, isRequestError } from '../RequestError';

export type ClaimRequestCode = 'invalid-month' | 'invalid-person' | 'invalid-format';

/** An expense-claims query the server refuses (400), with the code the page translates. */
export class ClaimRequestError extends RequestError<400, ClaimRequestCode> {
  override name = 'ClaimRequestError';
}

/** True for a ClaimRequestError from either copy of this module (see isRequestError). */
export function isClaimRequestError(e: unknown): e is ClaimRequestError {
  return isRequestError(e, 'ClaimRequestError');
}
