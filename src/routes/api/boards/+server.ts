import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi, readJson } from '../json';

/** The boards the signed-in user is a member of, each with their `role`. */
export const GET: RequestHandler = ({ locals, url }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const archived = url.searchParams.get('archived') === '1';
    return json({ boards: await locals.services.boards.listFor(user.id, archived) });
  });

/** Creates a board { title, templateId? }; its creator becomes its owner. */
export const POST: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const body = await readJson(request);
    const board = await locals.services.boards.create({
      title: body.title,
      templateId: body.templateId,
      creatorId: user.id
    });
    return json(
      { board: { ...board, role: 'owner' } },
      { status: 201, headers: { location: `/api/boards/${board.id}` } }
    );
  });
