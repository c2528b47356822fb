import { SESSION_COOKIE, clearSessionCookie } from '../../../../../server/auth/sessionCookie';
import type { RequestHandler } from './$types';
import { handleApi } from '../../json';

/** Ends this browser's session and clears its cookie; 204 whether or not one was signed in. */
export const POST: RequestHandler = ({ locals, cookies, url }) =>
  handleApi(async () => {
    await locals.services.auth.signOut(cookies.get(SESSION_COOKIE));
    clearSessionCookie(cookies, url);
    return new Response(null, { status: 204 });
  });
