import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJson } from '../../json';

/** The instance settings, { settings: { openSignup } }; public, since the sign-up page needs them. */
export const GET: RequestHandler = ({ locals }) =>
  handleApi(async () => json({ settings: await locals.services.auth.getSettings() }));

/** Opens or closes sign-up: { openSignup: boolean }; administrators only (401 / 403 otherwise). */
export const PATCH: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const body = await readJson(request);
    const settings = await locals.services.auth.setOpenSignup(locals.user, body.openSignup);
    return json({ settings });
  });
