import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** The boards the signed-in user is a member of, each with their `role`. */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals, url }, { user }) => {
  const archived = url.searchParams.get('archived') === '1';
  return json({ boards: await locals.services.boards.listFor(user.id, archived) });
});

/** Creates a board { title, templateId? }; its creator becomes its owner. */
export const POST: RequestHandler = endpoint(
  { requires: 'signed-in', json: true },
  async ({ locals }, { user, body }) => {
    const board = await locals.services.boards.create({
      title: body.title,
      templateId: body.templateId,
      creatorId: user.id
    });
    return json(
      { board: { ...board, role: 'owner' } },
      { status: 201, headers: { location: `/api/boards/${board.id}` } }
    );
  }
);
