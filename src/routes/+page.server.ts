import { fail, redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, clearSessionCookie } from '../../server/auth/sessionCookie';
import { isMemberRequestError } from '../../server/auth/MemberRequestError';
import { isBoardRequestError } from '../../server/boards/BoardService';
import { requireBoard, requireUser } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';
import { summarize } from '$lib/templates/summary';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user } = locals;
  if (!user) redirect(303, (await locals.services.auth.isFreshInstall()) ? '/signup' : '/signin');
  const includeArchived = url.searchParams.get('archived') === '1';
  const [boards, templates] = await Promise.all([
    locals.services.boards.listFor(user.id, includeArchived),
    locals.services.templates.list()
  ]);
  return {
    locale: locals.locale,
    user,
    boards,
    includeArchived,
    templates: templates.map(summarize)
  };
};

/** Runs a catalogue call, turning a refused request into a form failure the page can show. */
async function attempt<T>(fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (e) {
    if (isBoardRequestError(e) || isMemberRequestError(e)) {
      return fail(e.status, { code: e.code, message: e.message });
    }
    throw e;
  }
}

export const actions: Actions = {
  signout: async ({ locals, cookies, url }) => {
    await locals.services.auth.signOut(cookies.get(SESSION_COOKIE));
    clearSessionCookie(cookies, url);
    redirect(303, '/signin');
  },
  create: async ({ request, locals }) => {
    const form = await request.formData();
    const result = await attempt(() =>
      locals.services.boards.create({
        title: form.get('title'),
        templateId: form.get('templateId'),
        creatorId: requireUser(locals).id
      })
    );
    if (result && 'id' in result) redirect(303, `/boards/${result.id}`);
    return result;
  },
  rename: async ({ request, locals }) => {
    const form = await request.formData();
    const id = String(form.get('id'));
    return attempt(async () => {
      await requireBoard(locals, id, 'edit-board');
      await locals.services.boards.rename(id, form.get('title'));
      return {};
    });
  },
  archive: async ({ request, locals }) => {
    const form = await request.formData();
    const archived = form.get('archived') !== 'false';
    const id = String(form.get('id'));
    return attempt(async () => {
      await requireBoard(locals, id, 'edit-board');
      await locals.services.boards.setArchived(id, archived);
      return {};
    });
  }
};
