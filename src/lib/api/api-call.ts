/**
 * The browser's JSON calls to the API, and their refusals in the reader's language. The server
 * refuses with `{ error: { code, message } }`: the code picks a sentence from the message
 * catalogue, and the server's own (English) words are shown only for a code the caller's
 * catalogue does not know, so a Chinese page does not suddenly speak English.
 */
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/locale';

export type ApiFailure = { ok: false; status: number; code: string; message: string };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

/** Sentences for the codes every endpoint may answer with. */
const COMMON: Partial<Record<string, MessageKey>> = {
  network: 'error.network',
  'sign-in-required': 'error.signIn',
  forbidden: 'error.forbidden'
};

/**
 * Calls `url`; a `json` body is sent as JSON, else `body` as it is (a file). A success is read by `pick` (a 204 gives it null);
 * a refusal, an unreadable answer or no answer at all is an ApiFailure, never a throw.
 */
export async function callApi<T>(
  url: string,
  init: RequestInit & { json?: unknown },
  pick: (body: unknown) => T
): Promise<ApiResult<T>> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: json === undefined ? rest.headers : { 'content-type': 'application/json', ...rest.headers },
      body: json === undefined ? rest.body : JSON.stringify(json)
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: '' };
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: pick(body) };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: typeof error?.code === 'string' ? error.code : `http-${res.status}`,
    message: typeof error?.message === 'string' ? error.message : ''
  };
}

/** What to tell the reader about a failure: `messages` (the caller's codes) first, then COMMON. */
export function failureText(failure: ApiFailure, messages: Partial<Record<string, MessageKey>> = {}): string {
  const key = messages[failure.code] ?? COMMON[failure.code];
  if (key) return t(key);
  return failure.message || t('error.generic', { message: `HTTP ${failure.status}` });
}
