import { RequestError } from '../RequestError';
import type { ImportProblemCode, ImportProblemDetail } from '#lib/transfer/import-problem';

/**
 * A file or an import request the server refuses; nothing was created. The code is the
 * readers' (src/lib/transfer/import-problem.ts), so the page says the same words whether the
 * browser's preview or the server found it, and `detail` (which card, which limit) rides along.
 */
export class ImportRequestError extends RequestError<400 | 413, ImportProblemCode> {
  override name = 'ImportRequestError';

  constructor(
    status: 400 | 413,
    code: ImportProblemCode,
    message: string,
    readonly detail: ImportProblemDetail = {}
  ) {
    super(status, code, message);
  }

  override get details(): Readonly<Record<string, unknown>> {
    return { detail: this.detail };
  }
}
