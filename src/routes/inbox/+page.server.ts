import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The items themselves are fetched by the page (src/lib/sync/inbox.svelte.ts), which then keeps
// them live; the server only sends strangers to sign in and tells the layout the language.
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/signin');
  return { locale: locals.locale };
};
