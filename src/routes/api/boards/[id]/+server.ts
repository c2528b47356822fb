import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, jsonError, readJson } from '../../json';

export const GET: RequestHandler = ({ locals, params }) =>
  handleApi(async () => json({ board: await locals.services.boards.get(params.id) }));

/** Renames and/or archives a board: { title?: string, archived?: boolean }. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    const body = await readJson(request);
    const { boards } = locals.services;
    if (body.title === undefined && body.archived === undefined) {
      return jsonError(400, 'empty-patch', 'Send "title" and/or "archived".');
    }
    if (body.archived !== undefined && typeof body.archived !== 'boolean') {
      return jsonError(400, 'invalid-archived', '"archived" must be true or false.');
    }
    let board = await boards.get(params.id);
    if (body.title !== undefined) board = await boards.rename(params.id, body.title);
    if (typeof body.archived === 'boolean') board = await boards.setArchived(params.id, body.archived);
    return json({ board });
  });
