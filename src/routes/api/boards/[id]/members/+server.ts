import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/route';

/** The board's members (anyone on the board may see who else is). */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) =>
    json({ members: await locals.services.members.list(user.id, params.id) })
);

/** Adds an account by email in a role, { email, role }: owners and managers. */
export const POST: RequestHandler = endpoint(
  { requires: 'board:manage-members', json: true },
  async ({ locals, params }, { user, body }) => {
    const member = await locals.services.members.add(user.id, params.id, {
      email: body.email,
      role: body.role
    });
    return json({ member }, { status: 201 });
  }
);
