import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { BOARD_FILE_LIMITS } from '#server/transfer/boardFile';

/**
 * A new board from a `stageboard/board` file (the body, as application/json): 201 `{ id, title }`,
 * the caller its owner. Any signed-in account may import, as any may create a board; a refused
 * file answers `{ error: { code, message } }` and leaves nothing behind.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'signed-in', json: BOARD_FILE_LIMITS.bytes },
  async ({ locals }, { user, body }) => {
    const board = await locals.services.transfer.importBoard(user.id, body);
    return json(board, { status: 201, headers: { location: `/api/boards/${board.id}` } });
  }
);
