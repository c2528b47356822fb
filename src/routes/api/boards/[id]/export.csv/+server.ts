import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { attachmentDisposition } from '#server/attachments/fileName';
import { boardCsv } from '#server/transfer/boardCsv';

/** The board's cards as CSV (one row a card, UTF-8 with BOM for Chinese Excel). Members only. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) => {
    const { title, text } = await locals.services.reports.withBoard(user.id, params.id, (doc, names) =>
      boardCsv(doc, names, locals.locale)
    );
    return new Response(text, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`${title || 'board'}.csv`),
        'cache-control': 'no-store'
      }
    });
  }
);
