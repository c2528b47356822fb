import { redirect } from '@sveltejs/kit';
import { authFormAction } from '$lib/server/auth-form';
import { action, page } from '$lib/server/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = page('public', async ({ locals }, { user }) => {
  if (user) redirect(303, '/');
  return { locale: locals.locale, firstAccount: await locals.services.auth.isFreshInstall() };
});

export const actions: Actions = {
  default: action({ requires: 'public' }, (event) =>
    authFormAction(event, (auth, form, address) =>
      auth.signUp(
        { email: form.get('email'), password: form.get('password'), name: form.get('name') || undefined },
        { address }
      )
    )
  )
};
