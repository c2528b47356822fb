import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, clearSessionCookie } from '#server/auth/sessionCookie';
import { action, page } from '#server/http/route';
import type { Actions, PageServerLoad } from './$types';
import { summarize } from '$lib/templates/summary';

/** Avatars shown per board; the rest read "+N". */
const MEMBERS_SHOWN = 4;

export const load: PageServerLoad = page('signed-in', async ({ locals, url }, { user }) => {
  const includeArchived = url.searchParams.get('archived') === '1';
  const [boards, { templates, changeable }, invites] = await Promise.all([
    locals.services.boards.listFor(user.id, includeArchived),
    locals.services.templates.listFor(user),
    // Invitations by email wait here for their addressee to accept or decline.
    locals.services.invites.receivedBy(user)
  ]);
  // The list reads rows only: progress comes from each row's stored summary, never a document.
  const members = await locals.services.members.glance(
    boards.map((b) => b.id),
    MEMBERS_SHOWN
  );
  return {
    locale: locals.locale,
    user,
    boards: boards.map((b) => ({ ...b, members: members.get(b.id) ?? { count: 0, first: [] } })),
    invites,
    includeArchived,
    templates: templates.map(summarize),
    // The team templates this person may delete: the picker offers delete only for these.
    changeable
  };
});

// The board of rename and archive is the form's `id`: the declaration reads it from there.
const formBoard = (body: Record<string, unknown>) => body.id;

export const actions: Actions = {
  signout: action({ requires: 'public' }, async ({ locals, cookies, url }) => {
    await locals.services.auth.signOut(cookies.get(SESSION_COOKIE));
    clearSessionCookie(cookies, url);
    redirect(303, '/signin');
  }),
  create: action({ requires: 'signed-in', form: true }, async ({ locals }, { user, form }) => {
    const board = await locals.services.boards.create({
      title: form.get('title'),
      templateId: form.get('templateId'),
      creatorId: user.id
    });
    redirect(303, `/boards/${board.id}`);
  }),
  rename: action(
    { requires: 'board:edit-board', form: true, boardId: formBoard },
    async ({ locals }, { board, form }) => {
      await locals.services.boards.rename(board.id, form.get('title'));
      return {};
    }
  ),
  archive: action(
    { requires: 'board:edit-board', form: true, boardId: formBoard },
    async ({ locals }, { board, form }) => {
      await locals.services.boards.setArchived(board.id, form.get('archived') !== 'false');
      return {};
    }
  )
};
