import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';

// The items themselves are fetched by the page (src/lib/sync/inbox.svelte.ts), which then keeps
// them live; the server only sends strangers to sign in and tells the layout the language.
export const load: PageServerLoad = page('signed-in', ({ locals }) => ({ locale: locals.locale }));
