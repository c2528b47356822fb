import type { RequestHandler } from './$types';
import { requireBoard } from '$lib/server/access';
import { handleApi } from '../../../../json';

/** Revokes a pending invite by the id the list gave (a prefix of its hash): owners and managers. */
export const DELETE: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'manage-members');
    await locals.services.invites.revoke(user.id, params.id, params.inviteId);
    return new Response(null, { status: 204 });
  });
