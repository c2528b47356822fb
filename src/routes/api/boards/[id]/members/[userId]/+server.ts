import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Changes a member's role, { role }: managers and owners; the membership service applies the owner rules. */
export const PATCH: RequestHandler = endpoint(
  { requires: 'board:manage-members', json: true },
  async ({ locals, params }, { user, body }) => {
    await locals.services.members.setRole(user.id, params.id, params.userId, body.role);
    return json({ ok: true });
  }
);

/**
 * Removes a member (or, with one's own id, leaves the board); their connections are cut at once.
 * Any member may come this far, since leaving is everyone's; removing someone else is decided
 * by the membership service with canChangeRole (managers below owner, owners everyone).
 */
export const DELETE: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) => {
    await locals.services.members.remove(user.id, params.id, params.userId);
    return new Response(null, { status: 204 });
  }
);
