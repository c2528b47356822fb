import { redirect } from '@sveltejs/kit';
import { authFormAction } from '$lib/server/auth-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.user) redirect(303, '/');
  return { locale: locals.locale, firstAccount: await locals.services.auth.isFreshInstall() };
};

export const actions: Actions = {
  default: (event) =>
    authFormAction(event, (auth, form, address) =>
      auth.signUp(
        { email: form.get('email'), password: form.get('password'), name: form.get('name') || undefined },
        { address }
      )
    )
};
