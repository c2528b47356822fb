import type { Handle, HandleServerError } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale, negotiateLocale, parseAcceptLanguage } from '$lib/i18n/locale';
import { SESSION_COOKIE, clearSessionCookie } from '#server/auth/sessionCookie';
import { bearerIdentity, tokenMayAuthenticate } from '#server/http/bearer';
import { handleApi } from '#server/http/json';
import { getServices } from '#server/services';

export const handle: Handle = async ({ event, resolve }) => {
  const cookie = event.cookies.get(LOCALE_COOKIE);
  const locale = isLocale(cookie)
    ? cookie
    : negotiateLocale(parseAcceptLanguage(event.request.headers.get('accept-language')));
  event.locals.locale = locale;
  // Read lazily: prerendering and `svelte-kit sync` run without a server process behind them.
  Object.defineProperty(event.locals, 'services', { get: getServices, enumerable: true });
  event.locals.token = null;
  // An API call with a bearer token is that token's, whatever cookie rides along: its scope is
  // then the ceiling (route.ts), and it needs no CSRF Origin check, since a page on another site
  // cannot make a browser attach a header the page does not have (server/http/bearer.ts).
  const authorization = event.request.headers.get('authorization');
  if (authorization !== null && tokenMayAuthenticate(event.url.pathname)) {
    try {
      const identity = await bearerIdentity(authorization, getServices().tokens);
      event.locals.user = identity.user;
      event.locals.token = identity.token;
    } catch (error) {
      return handleApi(() => Promise.reject(error));
    }
    return resolve(event);
  }
  // Only a request carrying a session cookie touches the services (and the database).
  const token = event.cookies.get(SESSION_COOKIE);
  event.locals.user = token ? await getServices().auth.userForToken(token) : null;
  // Expired or signed out elsewhere: drop the cookie so the browser stops sending it.
  if (token && !event.locals.user) clearSessionCookie(event.cookies, event.url);
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  // A client's own mistake (404, a 413 body past BODY_SIZE_LIMIT, a 415 form) is no fault of ours.
  if (status >= 500) console.error(`[http] ${event.request.method} ${event.url.pathname} failed:`, error);
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
