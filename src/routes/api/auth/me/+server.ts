import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/route';
import { jsonError } from '$lib/server/json';

/** The signed-in user, { user }, or 401 'not-signed-in'. Public: it is how a page asks. */
export const GET: RequestHandler = endpoint({ requires: 'public' }, (_event, { user }) =>
  user ? json({ user }) : jsonError(401, 'not-signed-in', 'Sign in first.')
);
