import { fail } from '@sveltejs/kit';
import { action, page } from '#server/http/route';
import type { Actions, PageServerLoad } from './$types';

// Public: the signed link in the mail is the credential. Opening it changes nothing (mail
// scanners open links); the button's POST does, as the one-click header's POST does.
export const load: PageServerLoad = page('public', async ({ locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const token = url.searchParams.get('token') ?? '';
  const found = await locals.services.mail.readToken(token);
  return { locale: locals.locale, token, kinds: found?.kinds ?? null };
});

export const actions: Actions = {
  default: action({ requires: 'public', form: true }, async ({ locals }, { form }) => {
    if (!(await locals.services.mail.unsubscribe(form.get('token'), locals.locale)))
      return fail(400, { code: 'invalid-token', message: 'Not an unsubscribe link of ours.' });
    return { done: true };
  })
};
