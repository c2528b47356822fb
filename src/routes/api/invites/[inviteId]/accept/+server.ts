import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Accepts an invitation bound to the signed-in person's address → { boardId, role }; else 404. */
export const POST: RequestHandler = endpoint(
  { requires: 'signed-in' },
  async ({ locals, params }, { user }) => json(await locals.services.invites.accept(user, params.inviteId))
);
