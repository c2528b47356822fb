import type { Handle, HandleServerError } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale, negotiateLocale, parseAcceptLanguage } from '$lib/i18n/locale';
import { getServices } from '../server/services';

export const handle: Handle = async ({ event, resolve }) => {
  const cookie = event.cookies.get(LOCALE_COOKIE);
  const locale = isLocale(cookie)
    ? cookie
    : negotiateLocale(parseAcceptLanguage(event.request.headers.get('accept-language')));
  event.locals.locale = locale;
  // Read lazily: prerendering and `svelte-kit sync` run without a server process behind them.
  Object.defineProperty(event.locals, 'services', { get: getServices, enumerable: true });
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`[http] ${event.request.method} ${event.url.pathname} failed:`, error);
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
