import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** The instance settings, { settings: { openSignup } }; public, since the sign-up page needs them. */
export const GET: RequestHandler = endpoint({ requires: 'public' }, async ({ locals }) =>
  json({ settings: await locals.services.auth.getSettings() })
);

/** Opens or closes sign-up: { openSignup: boolean }; administrators only (401 / 403 otherwise). */
export const PATCH: RequestHandler = endpoint(
  { requires: 'admin', json: true },
  async ({ locals }, { user, body }) => {
    // The service checks the administrator flag again, on the stored account.
    const settings = await locals.services.auth.setOpenSignup(user, body.openSignup);
    return json({ settings });
  }
);
