/** The browser's calls to the templates API; refusals read through api-call.ts. */
import { callApi, failureText, type ApiFailure, type ApiResult } from './api-call';
import type { MessageKey } from '../i18n/locale';
import type { BoardTemplate } from '../templates/types';

const TEMPLATE_MESSAGES: Partial<Record<string, MessageKey>> = {
  'unknown-board': 'error.template.unknownBoard',
  'not-found': 'error.template.notFound',
  'builtin-template': 'error.template.builtin',
  'not-template-owner': 'error.template.notOwner',
  'too-large': 'error.template.tooLarge',
  'too-many-templates': 'error.template.tooMany',
  'invalid-name': 'error.titleRequired',
  'template-name-taken': 'error.template.nameTaken'
};

/** A template call's failure in the viewer's language. */
export const templateFailureText = (failure: ApiFailure) => failureText(failure, TEMPLATE_MESSAGES);

/**
 * Saves a board's current stages and rules as a team template; with `replace`, over that team
 * template (same id and owner). A new one under a taken name fails with 'template-name-taken'.
 */
export function saveBoardAsTemplate(
  boardId: string,
  name: string,
  replace?: string
): Promise<ApiResult<BoardTemplate>> {
  return callApi('/api/templates', { method: 'POST', json: { boardId, name, replace } }, (b) => {
    return (b as { template: BoardTemplate }).template;
  });
}

/** Every template, and the ids of the team templates the caller may replace or delete. */
export function listTemplates(): Promise<ApiResult<{ templates: BoardTemplate[]; changeable: string[] }>> {
  return callApi(
    '/api/templates',
    { method: 'GET' },
    (b) => b as { templates: BoardTemplate[]; changeable: string[] }
  );
}

/** Deletes a team template; boards made from it keep their copy of its rules. */
export function deleteTemplate(id: string): Promise<ApiResult<null>> {
  return callApi(`/api/templates/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => null);
}
