import { json } from '@sveltejs/kit';
import { setSessionCookie } from '#server/auth/sessionCookie';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Creates an account and signs it in: { email, password, name? } → 201 { user } and the session cookie. */
export const POST: RequestHandler = endpoint(
  { requires: 'public', json: true },
  async ({ locals, cookies, url, getClientAddress }, { body }) => {
    const { auth } = locals.services;
    const { user, token } = await auth.signUp(
      { email: body.email, password: body.password, name: body.name },
      { address: getClientAddress() }
    );
    setSessionCookie(cookies, url, token, auth.sessionLifetimeMs);
    return json({ user }, { status: 201 });
  }
);
