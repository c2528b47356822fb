import { json } from '@sveltejs/kit';
import { setSessionCookie } from '#server/auth/sessionCookie';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Signs in: { email, password } → { user } and the session cookie, or 401 'bad-credentials'. */
export const POST: RequestHandler = endpoint(
  { requires: 'public', json: true },
  async ({ locals, cookies, url, getClientAddress }, { body }) => {
    const { auth } = locals.services;
    const { user, token } = await auth.signIn(
      { email: body.email, password: body.password },
      { address: getClientAddress() }
    );
    setSessionCookie(cookies, url, token, auth.sessionLifetimeMs);
    return json({ user });
  }
);
