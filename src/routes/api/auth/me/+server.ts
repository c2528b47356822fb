import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { jsonError } from '#server/http/json';

/** The signed-in user, { user }, or 401 'not-signed-in'. Public: it is how a page asks. */
export const GET: RequestHandler = endpoint({ requires: 'public' }, (_event, { user }) =>
  user ? json({ user }) : jsonError(401, 'not-signed-in', 'Sign in first.')
);
