import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, jsonError } from '../../json';

/** The signed-in user, { user }, or 401 'not-signed-in'. */
export const GET: RequestHandler = ({ locals }) =>
  handleApi(async () =>
    locals.user ? json({ user: locals.user }) : jsonError(401, 'not-signed-in', 'Sign in first.')
  );
