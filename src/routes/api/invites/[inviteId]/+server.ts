import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/**
 * Declines an invitation bound to the signed-in person's address → 204. Signed in is all it
 * declares: whose invitation it is, is the service's check (anyone else's is 404).
 */
export const DELETE: RequestHandler = endpoint(
  { requires: 'signed-in' },
  async ({ locals, params }, { user }) => {
    await locals.services.invites.decline(user, params.inviteId);
    return new Response(null, { status: 204 });
  }
);
