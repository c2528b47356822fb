import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireBoard } from '$lib/server/access';
import { handleApi, jsonError, readJson } from '../../json';

/** The board's record, the caller's role on it and who they are: { board, role, user }. */
export const GET: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const { board, role, user } = await requireBoard(locals, params.id, 'read');
    return json({ board, role, user });
  });

/** Renames and/or archives a board: { title?: string, archived?: boolean }. Managers and owners. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    let { board } = await requireBoard(locals, params.id, 'edit-board');
    const body = await readJson(request);
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
  });

/** Deletes the board for good, with its history and memberships. Owners only. */
export const DELETE: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    await requireBoard(locals, params.id, 'delete-board');
    await locals.services.boards.delete(params.id);
    return new Response(null, { status: 204 });
  });
