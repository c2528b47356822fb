import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/route';

/** The board's pending invites, { invites: InviteView[] }: owners and managers. Never a token. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:manage-members' },
  async ({ locals, params }, { user }) =>
    json({ invites: await locals.services.invites.listPending(user.id, params.id) })
);

/**
 * Makes an invite link, { role, email? } → 201 { invite: { id, url, role, email, expiresAt, … } }.
 * The url carries the token: this answer is its only appearance, since the server keeps a hash.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'board:manage-members', json: true },
  async ({ locals, params, url }, { user, body }) => {
    const { token, invite } = await locals.services.invites.create(user.id, params.id, {
      role: body.role,
      email: body.email
    });
    return json({ invite: { ...invite, url: `${url.origin}/invite/${token}` } }, { status: 201 });
  }
);
