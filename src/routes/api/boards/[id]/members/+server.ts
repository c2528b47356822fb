import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { inviteCreated } from '#server/http/invite-created';
import { endpoint } from '#server/http/route';
import { normaliseEmail } from '#server/auth/accountFields';

/** The board's members (anyone on the board may see who else is). */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) =>
    json({ members: await locals.services.members.list(user.id, params.id) })
);

/**
 * Adds someone by email, { email, role }: owners and managers. It makes an invitation bound to
 * that address, which its addressee accepts or declines (from their board list, or through the
 * link the answer carries), so nobody is put on a board unasked, and the answer is the same
 * whether the address has an account or not: 201 { invite } as POST …/invites answers.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'board:manage-members', json: true },
  async ({ locals, params, url }, { user, body }) =>
    // The email is required here (a link for anyone is POST …/invites without one).
    inviteCreated(locals, user.id, params.id, url.origin, {
      role: body.role,
      email: normaliseEmail(body.email)
    })
);
