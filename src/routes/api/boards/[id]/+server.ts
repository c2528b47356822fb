import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { jsonError } from '#server/http/json';

/** The board's record, the caller's role on it and who they are: { board, role, user }. */
export const GET: RequestHandler = endpoint({ requires: 'board:read' }, (_event, { board, role, user }) =>
  json({ board, role, user })
);

/** Renames and/or archives a board: { title?: string, archived?: boolean }. Managers and owners. */
export const PATCH: RequestHandler = endpoint(
  { requires: 'board:edit-board', json: true },
  async ({ locals, params }, granted) => {
    let { board } = granted;
    const { body } = granted;
    const { boards } = locals.services;
    if (body.title === undefined && body.archived === undefined) {
      return jsonError(400, 'empty-patch', 'Send "title" and/or "archived".');
    }
    if (body.archived !== undefined && typeof body.archived !== 'boolean') {
      return jsonError(400, 'invalid-archived', '"archived" must be true or false.');
    }
    if (body.title !== undefined) board = await boards.rename(params.id, body.title);
    if (typeof body.archived === 'boolean') board = await boards.setArchived(params.id, body.archived);
    return json({ board });
  }
);

/** Deletes the board for good, with its history and memberships. Owners only. */
export const DELETE: RequestHandler = endpoint(
  { requires: 'board:delete-board' },
  async ({ locals, params }) => {
    await locals.services.boards.delete(params.id);
    return new Response(null, { status: 204 });
  }
);
