import { redirect } from '@sveltejs/kit';
import { authFormAction } from '#server/http/auth-form';
import { action, page } from '#server/http/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = page('public', async ({ locals }, { user }) => {
  if (user) redirect(303, '/');
  const { auth } = locals.services;
  const [firstAccount, settings] = await Promise.all([auth.isFreshInstall(), auth.getSettings()]);
  // Said before anyone types: a closed sign-up used to show up only as the refusal of a filled form.
  return { locale: locals.locale, firstAccount, open: firstAccount || settings.openSignup };
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
