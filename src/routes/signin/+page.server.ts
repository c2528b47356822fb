import { redirect } from '@sveltejs/kit';
import { authFormAction } from '$lib/server/auth-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/');
  return { locale: locals.locale };
};

export const actions: Actions = {
  default: (event) =>
    authFormAction(event, (auth, form) =>
      auth.signIn({ email: form.get('email'), password: form.get('password') })
    )
};
