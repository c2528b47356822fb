import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireBoard, requireUser } from '$lib/server/access';
import { handleApi, readJson } from '../json';

/** Every template a board can start from: built-in first, then the team's own. */
export const GET: RequestHandler = ({ locals }) =>
  handleApi(async () => {
    requireUser(locals);
    return json({ templates: await locals.services.templates.list() });
  });

/** Saves a board as a team template: { boardId, name, description? }. */
export const POST: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const body = await readJson(request);
    // A board id that is not a string fails the membership lookup as 403, like an unknown one.
    await requireBoard(locals, String(body.boardId), 'save-template');
    const template = await locals.services.templates.saveFromBoard({
      boardId: body.boardId,
      name: body.name,
      description: body.description
    });
    return json({ template }, { status: 201, headers: { location: `/api/templates/${template.id}` } });
  });
