import { RequestError } from '../RequestError';
import type { UrlRefusal } from './addressGuard';

export type OutboundRequestCode =
  UrlRefusal | 'invalid-events' | 'invalid-integration' | 'too-many' | 'not-found';

/** A request the integrations service refuses; the dialog shows `outbound.error.<code>`. */
export class OutboundRequestError extends RequestError<400 | 404 | 409, OutboundRequestCode> {
  override name = 'OutboundRequestError';
}
