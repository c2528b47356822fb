import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';

/** The boards the archive will hold and how many bytes of files come with them, before anyone waits. */
export const load: PageServerLoad = page('signed-in', async ({ locals }, { user }) => {
  const plan = await locals.services.accountArchive.plan(user.id);
  return {
    locale: locals.locale,
    boards: plan.boards.map((b) => ({ id: b.id, title: b.title, files: b.attachments.length })),
    attachmentBytes: plan.attachmentBytes
  };
});
