import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { page } from '#server/http/route';

/** The account's first section; signed out, `page` sends the visitor to sign in first. */
export const load: PageServerLoad = page('signed-in', () => redirect(307, '/account/tokens'));
