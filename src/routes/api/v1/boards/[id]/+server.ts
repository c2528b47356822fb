import type { RequestHandler } from './$types';
import { apiRoute } from '#server/api/apiRoute';
import { Board, BoardParams } from '#server/api/schemas';

/** One board: its stages (in order) and labels. */
export const GET: RequestHandler = apiRoute(
  { requires: 'board:read', summary: 'Get a board', params: BoardParams, response: Board },
  async ({ locals }, { board, role }, { params }) =>
    locals.services.boardApi.board(params.id, board.title, role)
);
