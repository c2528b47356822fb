import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { attachmentDisposition } from '#server/attachments/fileName';

/**
 * The board as a `stageboard/board` file: its whole document, the people it names and its
 * activity log, which POST /api/boards/import-json turns back into a new board. Members only,
 * as the Excel export: whoever may read the board may take it with them.
 */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) => {
    const file = await locals.services.transfer.exportBoard(user.id, params.id);
    return new Response(JSON.stringify(file), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': attachmentDisposition(`${file.board.title || 'board'}.json`),
        'cache-control': 'no-store'
      }
    });
  }
);
