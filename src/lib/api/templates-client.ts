/**
 * The browser's calls to the templates API. Errors come back as the API's own message, or a
 * network message when the server was not reached, so a component can show what to do next.
 */
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/locale';
import type { BoardTemplate } from '../templates/types';

export type ApiFailure = { ok: false; code: string; message: string };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

const CODE_MESSAGES: Record<string, MessageKey> = {
  network: 'error.network',
  'unknown-board': 'error.template.unknownBoard',
  'not-found': 'error.template.notFound',
  'builtin-template': 'error.template.builtin',
  'too-large': 'error.template.tooLarge',
  'too-many-templates': 'error.template.tooMany',
  'invalid-name': 'error.titleRequired'
};

/** A failure in the viewer's language; codes the catalogue does not know keep the server's words. */
export function failureText(failure: ApiFailure): string {
  const key = CODE_MESSAGES[failure.code];
  return key ? t(key) : failure.message;
}

async function call<T>(url: string, init: RequestInit, pick: (body: unknown) => T): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  } catch {
    return { ok: false, code: 'network', message: '' };
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: pick(body) };
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return {
    ok: false,
    code: error?.code ?? `http-${res.status}`,
    message: error?.message ?? `HTTP ${res.status}`
  };
}

/** Saves a board's current stages and rules as a team template. */
export function saveBoardAsTemplate(boardId: string, name: string): Promise<ApiResult<BoardTemplate>> {
  return call('/api/templates', { method: 'POST', body: JSON.stringify({ boardId, name }) }, (b) => {
    return (b as { template: BoardTemplate }).template;
  });
}

/** Deletes a team template; boards made from it keep their copy of its rules. */
export function deleteTemplate(id: string): Promise<ApiResult<null>> {
  return call(`/api/templates/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => null);
}
