import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/**
 * Every template a board can start from, built-in first, then the team's own; `changeable` names
 * the team templates the caller may rename, replace and delete (their own, or all for an administrator).
 */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals }, { user }) =>
  json(await locals.services.templates.listFor(user))
);

/**
 * Saves a board as a team template, owned by the caller: { boardId, name, description?, replace? }.
 * `replace` names a team template (the caller's, or any for an administrator) to overwrite in place.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'board:save-template', json: true, boardId: (body) => body.boardId },
  async ({ locals }, { user, body }) => {
    const template = await locals.services.templates.saveFromBoard({
      boardId: body.boardId,
      name: body.name,
      description: body.description,
      owner: user,
      replace: body.replace
    });
    return json({ template }, { status: 201, headers: { location: `/api/templates/${template.id}` } });
  }
);
