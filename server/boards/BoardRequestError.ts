import { RequestError, isRequestError } from '../RequestError';

export type BoardRequestCode = 'invalid-title' | 'unknown-template' | 'not-found' | 'invalid-id';

/** A request the board catalogue refuses; `status` is the HTTP status an endpoint should answer. */
export class BoardRequestError extends RequestError<400 | 404, BoardRequestCode> {
  override name = 'BoardRequestError';
}

/** True for a BoardRequestError from either copy of this module (see isRequestError). */
export function isBoardRequestError(e: unknown): e is BoardRequestError {
  return isRequestError(e, 'BoardRequestError');
}
