/** The browser's calls to the board file import; refusals read through api-call.ts. */
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/locale';
import { callApi, failureText, type ApiFailure, type ApiResult } from './api-call';

const TRANSFER_MESSAGES: Partial<Record<string, MessageKey>> = {
  'invalid-file': 'transfer.error.invalidFile',
  'unsupported-version': 'transfer.error.version',
  'document-too-large': 'transfer.error.tooLarge',
  'file-too-large': 'transfer.error.tooLarge'
};

/**
 * An import's failure in the reader's language. A damaged document names where it is damaged
 * (the server's words, a path into the file), which helps whoever edited the file.
 */
export function transferFailureText(failure: ApiFailure): string {
  if (failure.code === 'invalid-document')
    return t('transfer.error.invalidDocument', { message: failure.message });
  return failureText(failure, TRANSFER_MESSAGES);
}

/** Creates a new board from a file made by "Export JSON"; the caller becomes its owner. */
export function importBoardFile(file: Blob): Promise<ApiResult<{ id: string; title: string }>> {
  return callApi(
    '/api/boards/import-json',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: file },
    (b) => b as { id: string; title: string }
  );
}
