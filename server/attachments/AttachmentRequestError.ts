import { RequestError, isRequestError } from '../RequestError';

export type AttachmentRequestCode = 'too-large' | 'unsupported-type' | 'not-found';

/** An attachment request refused (the role checks answer with MemberRequestError). */
export class AttachmentRequestError extends RequestError<404 | 413 | 415, AttachmentRequestCode> {
  override name = 'AttachmentRequestError';

  constructor(
    status: 404 | 413 | 415,
    code: AttachmentRequestCode,
    message: string,
    /** For a 413: the largest file accepted, in bytes, so the page can say it in the reader's language. */
    readonly limit?: number
  ) {
    super(status, code, message);
  }

  override get details(): Readonly<Record<string, unknown>> {
    return this.limit === undefined ? {} : { limit: this.limit };
  }
}

/** True for an AttachmentRequestError from either copy of this module (see isRequestError). */
export function isAttachmentRequestError(e: unknown): e is AttachmentRequestError {
  return isRequestError(e, 'AttachmentRequestError');
}
