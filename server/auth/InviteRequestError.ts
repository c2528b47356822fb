import { RequestError, isRequestError } from '../RequestError';

export type InviteRequestCode =
  | 'forbidden'
  | 'invalid-role'
  | 'too-many-invites'
  | 'not-found'
  | 'invite-unknown'
  | 'invite-expired'
  | 'invite-used'
  | 'invite-void'
  | 'invite-wrong-email';

/** An invitation request the service refuses; `status` is the HTTP status to answer. */
export class InviteRequestError extends RequestError<400 | 403 | 404 | 409 | 410, InviteRequestCode> {
  override name = 'InviteRequestError';
}

/** True for an InviteRequestError from either copy of this module (see isRequestError). */
export function isInviteRequestError(e: unknown): e is InviteRequestError {
  return isRequestError(e, 'InviteRequestError');
}
