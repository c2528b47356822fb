import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { SESSION_COOKIE } from '#server/auth/sessionCookie';
import { inboxStream } from '#server/inbox/inboxStream';
import { STREAMS_PER_USER } from '#server/inbox/InboxService';
import { jsonError } from '#server/http/json';

/** The caller's inbox live, as Server-Sent Events (server/inbox/inboxStream.ts). */
export const GET: RequestHandler = endpoint(
  { requires: 'signed-in' },
  async ({ locals, request, cookies }, { user }) => {
    const { auth, inbox } = locals.services;
    // Signed in, so the cookie holds a live session token; its id lets signing out end the stream.
    const sessionId = auth.sessionIdOf(cookies.get(SESSION_COOKIE) ?? '');
    const stream = await inboxStream(inbox, user.id, { signal: request.signal, sessionId });
    return stream ?? jsonError(429, 'too-many-streams', `At most ${STREAMS_PER_USER} open inbox streams.`);
  }
);
