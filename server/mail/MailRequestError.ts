import { RequestError } from '../RequestError';

export type MailRequestCode = 'invalid-language' | 'invalid-kinds' | 'invalid-token';

/** A mail settings change or unsubscribe the mail service refuses; `code` is for the catalogue. */
export class MailRequestError extends RequestError<400, MailRequestCode> {
  override name = 'MailRequestError';
}
