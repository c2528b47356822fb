import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { inviteCreated } from '#server/http/invite-created';
import { endpoint } from '#server/http/route';

/** The board's pending invites, { invites: InviteView[] }: owners and managers. Never a token. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:manage-members' },
  async ({ locals, params }, { user }) =>
    json({ invites: await locals.services.invites.listPending(user.id, params.id) })
);

/** Makes an invite link, { role, email? } → 201 { invite: { id, url, role, email, expiresAt, … } }. */
export const POST: RequestHandler = endpoint(
  { requires: 'board:manage-members', json: true },
  async ({ locals, params, url }, { user, body }) =>
    inviteCreated(locals, user.id, params.id, url.origin, { role: body.role, email: body.email })
);
