import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { inboxStream } from '../../../../../server/inbox/inboxStream';
import { STREAMS_PER_USER } from '../../../../../server/inbox/InboxService';
import { handleApi, jsonError } from '../../json';

/** The caller's inbox live, as Server-Sent Events (server/inbox/inboxStream.ts). */
export const GET: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const stream = await inboxStream(locals.services.inbox, user.id, { signal: request.signal });
    return stream ?? jsonError(429, 'too-many-streams', `At most ${STREAMS_PER_USER} open inbox streams.`);
  });
