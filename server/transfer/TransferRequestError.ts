import { RequestError } from '../RequestError';

export type TransferRequestCode =
  'invalid-file' | 'unsupported-version' | 'invalid-document' | 'document-too-large' | 'file-too-large';

/** An export or import the transfer service refuses; `code` is looked up in the catalogue. */
export class TransferRequestError extends RequestError<400 | 413, TransferRequestCode> {
  override name = 'TransferRequestError';
}
