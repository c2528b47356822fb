import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Revokes a pending invite by the id the list gave (a prefix of its hash): owners and managers. */
export const DELETE: RequestHandler = endpoint(
  { requires: 'board:manage-members' },
  async ({ locals, params }, { user }) => {
    await locals.services.invites.revoke(user.id, params.id, params.inviteId);
    return new Response(null, { status: 204 });
  }
);
