import { RequestError, isRequestError } from '../RequestError';

export type ReviewRequestCode =
  | 'not-found'
  | 'no-gate'
  | 'already-approved'
  | 'no-send-back'
  | 'invalid-note'
  | 'needs-owner'
  | 'not-approver';

/** A review request the document refuses (the role checks answer with MemberRequestError). */
export class ReviewRequestError extends RequestError<400 | 403 | 404 | 409, ReviewRequestCode> {
  override name = 'ReviewRequestError';
}

/** True for a ReviewRequestError from either copy of this module (see isRequestError). */
export function isReviewRequestError(e: unknown): e is ReviewRequestError {
  return isRequestError(e, 'ReviewRequestError');
}
