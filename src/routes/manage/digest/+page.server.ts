import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';

// The digest is fetched by the page and kept live (src/lib/sync/insights.svelte.ts); the server
// only sends strangers to sign in and tells the layout the language.
export const load: PageServerLoad = page('signed-in', ({ locals }) => ({ locale: locals.locale }));
