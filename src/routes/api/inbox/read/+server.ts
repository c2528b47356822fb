import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { INBOX_READ_MAX } from '$lib/inbox/types';
import { requireUser } from '$lib/server/access';
import { readTarget } from '../../../../../server/inbox/requests';
import { handleApi, jsonError, readJson } from '../../json';

/**
 * Marks the caller's own items read: `{ ids: [...] }` or `{ all: true }`. Ids of anyone else's
 * items change nothing. Answers the unread count.
 */
export const POST: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const target = readTarget(await readJson(request));
    if (!target) {
      throw jsonError(
        400,
        'invalid-read',
        `Send { ids: [1 to ${INBOX_READ_MAX} item ids] } or { all: true }.`
      );
    }
    return json({ unread: await locals.services.inbox.markRead(user.id, target) });
  });
