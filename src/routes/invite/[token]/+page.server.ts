import { redirect } from '@sveltejs/kit';
import { authFormAction } from '#server/http/auth-form';
import { action, page } from '#server/http/route';
import { isInviteRequestError } from '#server/auth/InviteRequestError';
import type { Actions, PageServerLoad } from './$types';

// Public: the link is the credential, and the page offers signing in or up to whoever holds it.
export const load: PageServerLoad = page('public', async ({ locals, params, setHeaders }, { user }) => {
  // The URL is a credential: keep the page out of shared caches.
  setHeaders({ 'cache-control': 'private, no-store' });
  const shown = user ? { name: user.name, email: user.email } : null;
  const base = { locale: locals.locale, user: shown, token: params.token };
  try {
    return { ...base, invite: await locals.services.invites.preview(params.token), problem: null };
  } catch (e) {
    if (isInviteRequestError(e)) return { ...base, invite: null, problem: e.code };
    throw e;
  }
});

export const actions: Actions = {
  /** A signed-in person joins with the link, then goes to the board. */
  join: action({ requires: 'signed-in' }, async ({ locals, params }, { user }) => {
    const { boardId } = await locals.services.invites.join(params.token, user);
    redirect(303, `/boards/${boardId}`);
  }),
  /** Someone without an account signs up through the link (open sign-up or not) and joins. */
  signup: action({ requires: 'public' }, (event) =>
    authFormAction(event, async (_auth, form) => {
      const joined = await event.locals.services.invites.signUpAndJoin(event.params.token, {
        email: form.get('email'),
        password: form.get('password'),
        name: form.get('name') || undefined
      });
      return { token: joined.token, to: `/boards/${joined.boardId}` };
    })
  )
};
