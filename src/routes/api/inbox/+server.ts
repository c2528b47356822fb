import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { pageQuery } from '#server/inbox/requests';

/**
 * The signed-in person's inbox, newest first, with the unread count: ?before=<id> for the next
 * page (the answer's `next`), ?limit=<n> (at most 100). New items arrive on /api/inbox/stream.
 */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals, url }, { user }) =>
  json(await locals.services.inbox.list(user.id, pageQuery(url.searchParams)))
);
