import { fail, redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, clearSessionCookie } from '../../server/auth/sessionCookie';
import { isBoardRequestError } from '../../server/boards/BoardService';
import type { Actions, PageServerLoad } from './$types';
import { summarize } from '$lib/templates/summary';

export const load: PageServerLoad = async ({ locals, url }) => {
  const includeArchived = url.searchParams.get('archived') === '1';
  const [boards, templates] = await Promise.all([
    locals.services.boards.list(includeArchived),
    locals.services.templates.list()
  ]);
  return {
    locale: locals.locale,
    user: locals.user,
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
    if (isBoardRequestError(e)) return fail(e.status, { code: e.code, message: e.message });
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
        creatorId: locals.user?.id ?? null
      })
    );
    if (result && 'id' in result) redirect(303, `/boards/${result.id}`);
    return result;
  },
  rename: async ({ request, locals }) => {
    const form = await request.formData();
    return attempt(() =>
      locals.services.boards.rename(String(form.get('id')), form.get('title')).then(() => ({}))
    );
  },
  archive: async ({ request, locals }) => {
    const form = await request.formData();
    const archived = form.get('archived') !== 'false';
    return attempt(() =>
      locals.services.boards.setArchived(String(form.get('id')), archived).then(() => ({}))
    );
  }
};
