import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';

// A page of its own rather than a panel of the board: it has its own address to share, needs no
// Yjs session, and its chart library stays out of the board's bundle. The figures are fetched by
// the page (/api/boards/[id]/insights, which checks the membership); strangers go to sign in.
export const load: PageServerLoad = page('signed-in', ({ locals }) => ({ locale: locals.locale }));
