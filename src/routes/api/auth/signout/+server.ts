import { SESSION_COOKIE, clearSessionCookie } from '#server/auth/sessionCookie';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Ends this browser's session and clears its cookie; 204 whether or not one was signed in. */
export const POST: RequestHandler = endpoint({ requires: 'public' }, async ({ locals, cookies, url }) => {
  await locals.services.auth.signOut(cookies.get(SESSION_COOKIE));
  clearSessionCookie(cookies, url);
  return new Response(null, { status: 204 });
});
