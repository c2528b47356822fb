import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { reportPdf } from '#server/analytics/reportPdf';
import { attachmentDisposition } from '#server/attachments/fileName';

/** The card's summary report (001 七) as a PDF in the reader's language. Members only. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) => {
    const report = await locals.services.reports.forCard(user.id, params.id, params.cardId);
    const pdf = await reportPdf(report, locals.locale);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': attachmentDisposition(`${report.title}-总结报告.pdf`),
        'cache-control': 'no-store'
      }
    });
  }
);
