import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { INBOX_READ_MAX } from '$lib/inbox/types';
import { endpoint } from '#server/http/route';
import { readTarget } from '#server/inbox/requests';
import { jsonError } from '#server/http/json';

/**
 * Marks the caller's own items read: `{ ids: [...] }` or `{ all: true }`. Ids of anyone else's
 * items change nothing. Answers the unread count.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'signed-in', json: true },
  async ({ locals }, { user, body }) => {
    const target = readTarget(body);
    if (!target) {
      return jsonError(
        400,
        'invalid-read',
        `Send { ids: [1 to ${INBOX_READ_MAX} item ids] } or { all: true }.`
      );
    }
    return json({ unread: await locals.services.inbox.markRead(user.id, target) });
  }
);
