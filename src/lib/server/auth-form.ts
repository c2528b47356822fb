/**
 * The sign-in and sign-up form actions share everything but the call: start the session, set the
 * cookie, go to the board list; on a refusal, answer with its code and the email (never the
 * password) so the form can say what to fix without the person retyping the address.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAuthRequestError } from '../../../server/auth/AuthRequestError';
import type { AuthService } from '../../../server/auth/AuthService';
import { setSessionCookie } from '../../../server/auth/sessionCookie';

export async function authFormAction(
  event: RequestEvent,
  start: (auth: AuthService, form: FormData) => Promise<{ token: string }>
) {
  const form = await event.request.formData();
  const { auth } = event.locals.services;
  try {
    const { token } = await start(auth, form);
    setSessionCookie(event.cookies, event.url, token, auth.sessionLifetimeMs);
  } catch (e) {
    if (isAuthRequestError(e))
      return fail(e.status, { code: e.code, email: String(form.get('email') ?? '') });
    throw e;
  }
  redirect(303, '/');
}
