import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJson } from '../json';

/** Every template a board can start from: built-in first, then the team's own. */
export const GET: RequestHandler = ({ locals }) =>
  handleApi(async () => json({ templates: await locals.services.templates.list() }));

/** Saves a board as a team template: { boardId, name, description? }. */
export const POST: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const body = await readJson(request);
    const template = await locals.services.templates.saveFromBoard({
      boardId: body.boardId,
      name: body.name,
      description: body.description
    });
    return json({ template }, { status: 201, headers: { location: `/api/templates/${template.id}` } });
  });
