/**
 * The sign-in and sign-up form actions share everything but the call: start the session, set the
 * cookie, go on (to where the call says, else the page's `?next=`, else the board list); on a
 * refusal, answer with its code and the email (never the password) so the form can say what to
 * fix without the person retyping the address.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAuthRequestError } from '#server/auth/AuthRequestError';
import type { AuthService } from '#server/auth/AuthService';
import { isInviteRequestError } from '#server/auth/InviteRequestError';
import { setSessionCookie } from '#server/auth/sessionCookie';

/** Longer than any path of ours; a bound on what is echoed into a Location header. */
const MAX_NEXT_CHARS = 2048;

/**
 * `next` when it is a path on this site, else null. '//host' and '/\host' are other sites to a
 * browser, and browsers drop tabs and newlines from URLs ('/\t/host' is '//host'), so a path
 * with a control character is refused too: an open redirect would lend our name to phishing.
 */
export function safeNext(next: string | null): string | null {
  if (!next || next.length > MAX_NEXT_CHARS || !next.startsWith('/')) return null;
  if (next.startsWith('//') || next.startsWith('/\\')) return null;
  const control = [...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return control ? null : next;
}

export async function authFormAction(
  event: RequestEvent,
  start: (auth: AuthService, form: FormData, address: string) => Promise<{ token: string; to?: string }>
) {
  const form = await event.request.formData();
  const { auth } = event.locals.services;
  let to: string | undefined;
  try {
    // The socket's address, or the one ADDRESS_HEADER names behind a proxy (adapter-node).
    const started = await start(auth, form, event.getClientAddress());
    to = started.to;
    setSessionCookie(event.cookies, event.url, started.token, auth.sessionLifetimeMs);
  } catch (e) {
    const email = String(form.get('email') ?? '');
    // A sign-in that must wait: the page says how long, in words.
    if (isAuthRequestError(e))
      return fail(e.status, { code: e.code, email, retryAfter: e.retryAfterSeconds });
    if (isInviteRequestError(e)) return fail(e.status, { code: e.code, email });
    throw e;
  }
  redirect(303, to ?? safeNext(event.url.searchParams.get('next')) ?? '/');
}
