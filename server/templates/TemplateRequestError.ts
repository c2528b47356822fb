import { RequestError, isRequestError } from '../RequestError';

export type TemplateRequestCode =
  | 'invalid-name'
  | 'invalid-description'
  | 'invalid-template'
  | 'empty-patch'
  | 'builtin-template'
  | 'not-template-owner'
  | 'not-found'
  | 'unknown-board'
  | 'too-large'
  | 'too-many-templates'
  | 'template-name-taken';

/** A template request the service refuses; `status` is the HTTP status an endpoint should answer. */
export class TemplateRequestError extends RequestError<400 | 403 | 404 | 409 | 413, TemplateRequestCode> {
  override name = 'TemplateRequestError';
}

/** True for a TemplateRequestError from either copy of this module (see isRequestError). */
export function isTemplateRequestError(e: unknown): e is TemplateRequestError {
  return isRequestError(e, 'TemplateRequestError');
}
