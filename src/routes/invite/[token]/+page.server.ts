import { fail, redirect } from '@sveltejs/kit';
import { authFormAction } from '$lib/server/auth-form';
import { isInviteRequestError } from '../../../../server/auth/InviteRequestError';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  // The URL is a credential: keep the page out of shared caches.
  setHeaders({ 'cache-control': 'private, no-store' });
  const user = locals.user ? { name: locals.user.name, email: locals.user.email } : null;
  const base = { locale: locals.locale, user, token: params.token };
  try {
    return { ...base, invite: await locals.services.invites.preview(params.token), problem: null };
  } catch (e) {
    if (isInviteRequestError(e)) return { ...base, invite: null, problem: e.code };
    throw e;
  }
};

export const actions: Actions = {
  /** A signed-in person joins with the link, then goes to the board. */
  join: async ({ locals, params }) => {
    if (!locals.user) return fail(401, { code: 'sign-in-required', email: '' });
    let boardId: string;
    try {
      ({ boardId } = await locals.services.invites.join(params.token, locals.user));
    } catch (e) {
      if (isInviteRequestError(e)) return fail(e.status, { code: e.code, email: '' });
      throw e;
    }
    redirect(303, `/boards/${boardId}`);
  },
  /** Someone without an account signs up through the link (open sign-up or not) and joins. */
  signup: (event) =>
    authFormAction(event, async (_auth, form) => {
      const joined = await event.locals.services.invites.signUpAndJoin(event.params.token, {
        email: form.get('email'),
        password: form.get('password'),
        name: form.get('name') || undefined
      });
      return { token: joined.token, to: `/boards/${joined.boardId}` };
    })
};
