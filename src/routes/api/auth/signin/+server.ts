import { json } from '@sveltejs/kit';
import { setSessionCookie } from '../../../../../server/auth/sessionCookie';
import type { RequestHandler } from './$types';
import { handleApi, readJson } from '../../json';

/** Signs in: { email, password } → { user } and the session cookie, or 401 'bad-credentials'. */
export const POST: RequestHandler = ({ locals, request, cookies, url, getClientAddress }) =>
  handleApi(async () => {
    const body = await readJson(request);
    const { auth } = locals.services;
    const { user, token } = await auth.signIn(
      { email: body.email, password: body.password },
      { address: getClientAddress() }
    );
    setSessionCookie(cookies, url, token, auth.sessionLifetimeMs);
    return json({ user });
  });
