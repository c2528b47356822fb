import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';
import { isRequestError } from '#server/RequestError';

// Read on the server, as the PDF is, from the same model (server/analytics/ReportService.ts): a
// printable page needs no live session, and it is current whenever it is opened or printed.
// Strangers and non-members get the same 403/404 as the API; signed-out people go to sign in.
export const load: PageServerLoad = page('signed-in', async ({ locals, params }, { user }) => {
  try {
    const report = await locals.services.reports.forCard(user.id, params.id, params.cardId);
    return { locale: locals.locale, report };
  } catch (e) {
    if (isRequestError(e)) error(e.status, e.code);
    throw e;
  }
});
