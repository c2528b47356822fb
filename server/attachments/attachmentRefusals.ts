/** The refusals AttachmentService and receiveUpload throw, worded once. */
import { AttachmentRequestError } from './AttachmentRequestError';

/** A byte count as people read it in a log: "20 MB", "1.5 MB", "900 KB". */
function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The 413 of a body past `maxBytes`; it carries the limit for the page and names it for logs. */
export function tooLarge(maxBytes: number): AttachmentRequestError {
  return new AttachmentRequestError(
    413,
    'too-large',
    `The file is over ${formatBytes(maxBytes)}, the limit for one draft.`,
    maxBytes
  );
}

export const unsupportedType = (): AttachmentRequestError =>
  new AttachmentRequestError(
    415,
    'unsupported-type',
    'Only images, PDFs, videos (MP4, WebM, MOV), Office files, PSD/AI files and ZIPs can be attached (judged by the file’s content).'
  );

export const notFound = (what: string): AttachmentRequestError =>
  new AttachmentRequestError(404, 'not-found', `No such ${what}.`);
