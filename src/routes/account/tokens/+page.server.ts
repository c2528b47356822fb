import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';

/** The account's tokens for the first paint (never the tokens themselves: only their names and dates). */
export const load: PageServerLoad = page('signed-in', async ({ locals }, { user }) => ({
  locale: locals.locale,
  tokens: await locals.services.tokens.list(user),
  now: Date.now()
}));
