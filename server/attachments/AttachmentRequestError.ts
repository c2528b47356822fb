import { RequestError, isRequestError } from '../RequestError';

export type AttachmentRequestCode = 'too-large' | 'unsupported-type' | 'not-found';

/** An attachment request refused (the role checks answer with MemberRequestError). */
export class AttachmentRequestError extends RequestError<404 | 413 | 415, AttachmentRequestCode> {
  override name = 'AttachmentRequestError';
}

export function isAttachmentRequestError(e: unknown): e is AttachmentRequestError {
  return isRequestError(e, 'AttachmentRequestError');
}

/** A byte count as people read it: "20 MB", "1.5 MB", "900 KB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The 413 of a body past `maxBytes`; its message names the limit. */
export function tooLarge(maxBytes: number): AttachmentRequestError {
  return new AttachmentRequestError(
    413,
    'too-large',
    `The file is over ${formatBytes(maxBytes)}, the limit for one draft.`
  );
}

export const unsupportedType = (): AttachmentRequestError =>
  new AttachmentRequestError(
    415,
    'unsupported-type',
    'Only PNG, JPEG, GIF and WebP images and PDF files can be attached (judged by the file’s content).'
  );

export const notFound = (what: string): AttachmentRequestError =>
  new AttachmentRequestError(404, 'not-found', `No such ${what}.`);
