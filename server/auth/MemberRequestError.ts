import { RequestError, isRequestError } from '../RequestError';

export type MemberRequestCode =
  | 'sign-in-required'
  | 'forbidden'
  | 'not-member'
  | 'unknown-user'
  | 'invalid-role'
  | 'last-owner'
  | 'members-changed';

/** A membership request the service refuses; `status` is the HTTP status to answer. */
export class MemberRequestError extends RequestError<400 | 401 | 403 | 404 | 409, MemberRequestCode> {
  override name = 'MemberRequestError';
}

/** True for a MemberRequestError from either copy of this module (see isRequestError). */
export function isMemberRequestError(e: unknown): e is MemberRequestError {
  return isRequestError(e, 'MemberRequestError');
}
