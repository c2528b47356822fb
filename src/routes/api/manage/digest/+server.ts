import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { DIGEST_PERIODS } from '#lib/analytics/period';
import { periodParam } from '#server/analytics/periodParam';

/**
 * The weekly digest (周报) across the caller's boards over ?period=last7|week|lastweek (default
 * the last seven days): what moved, finished, was spent and decided, and what is late or waits
 * for them now. Changes are announced on /api/manage/stream, as for the manager's page.
 */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals, url }, { user }) =>
  json(await locals.services.digest.forUser(user.id, periodParam(url, DIGEST_PERIODS, 'last7')))
);
