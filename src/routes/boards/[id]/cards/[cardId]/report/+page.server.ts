import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';
import { isRequestError } from '#server/RequestError';

// Read on the server, as the PDF is, from the same model (server/analytics/ReportService.ts): a
// printable page needs no live session, and it is current whenever it is opened or printed.
// Signed-out people go to sign in; anyone else who may not read the board gets the page's 404
// (as GitHub answers for a private repository: the page does not say the board exists).
export const load: PageServerLoad = page('signed-in', async ({ locals, params }, { user }) => {
  try {
    const report = await locals.services.reports.forCard(user.id, params.id, params.cardId);
    return { locale: locals.locale, report };
  } catch (e) {
    if (isRequestError(e)) error(e.status === 403 ? 404 : e.status, e.code);
    throw e;
  }
});
