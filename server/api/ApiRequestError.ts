import { RequestError } from '../RequestError';

/** One problem with a request's input, as zod found it: where, and what. */
export interface InputIssue {
  path: string;
  message: string;
}

/**
 * A REST API call refused: its input does not fit the route's schema (400 `invalid-request`, with
 * the issues), a card or item it names is not on the board (404), or the board's own rules said
 * no (the update policy's or a board operation's reason as the code: 403, 409 or 422).
 */
export class ApiRequestError extends RequestError<400 | 403 | 404 | 409 | 413 | 422, string> {
  override name = 'ApiRequestError';

  constructor(
    status: 400 | 403 | 404 | 409 | 413 | 422,
    code: string,
    message: string,
    readonly issues: readonly InputIssue[] = []
  ) {
    super(status, code, message);
  }

  override get details(): Readonly<Record<string, unknown>> {
    return this.issues.length > 0 ? { issues: this.issues } : {};
  }
}
