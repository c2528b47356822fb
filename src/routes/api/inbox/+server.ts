import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { pageQuery } from '../../../../server/inbox/requests';
import { handleApi } from '../json';

/**
 * The signed-in person's inbox, newest first, with the unread count: ?before=<id> for the next
 * page (the answer's `next`), ?limit=<n> (at most 100). New items arrive on /api/inbox/stream.
 */
export const GET: RequestHandler = ({ locals, url }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    return json(await locals.services.inbox.list(user.id, pageQuery(url.searchParams)));
  });
