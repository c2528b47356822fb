import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { workbookData, writeWorkbook } from '#server/analytics/boardWorkbook';
import { attachmentDisposition } from '#server/attachments/fileName';

/** The board's cards, budget lines, expenses and targets as an Excel workbook. Members only. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) => {
    const data = await locals.services.reports.withBoard(user.id, params.id, (doc, names) =>
      workbookData(doc, names, locals.locale)
    );
    const bytes = await writeWorkbook(data, locals.locale);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachmentDisposition(`${data.title || 'board'}.xlsx`),
        'cache-control': 'no-store'
      }
    });
  }
);
