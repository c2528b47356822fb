import { redirect } from '@sveltejs/kit';
import { authFormAction, safeNext } from '#server/http/auth-form';
import { action, page } from '#server/http/route';
import type { Actions, PageServerLoad } from './$types';

// `?next=` (a path on this site) is where sign-in goes on to, e.g. back to an invite link.
export const load: PageServerLoad = page('public', ({ locals, url }, { user }) => {
  if (user) redirect(303, safeNext(url.searchParams.get('next')) ?? '/');
  return { locale: locals.locale };
});

export const actions: Actions = {
  default: action({ requires: 'public' }, (event) =>
    authFormAction(event, (auth, form, address) =>
      auth.signIn({ email: form.get('email'), password: form.get('password') }, { address })
    )
  )
};
