import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireBoard } from '$lib/server/access';
import { handleApi, readJson } from '../../../../json';

/** Changes a member's role, { role }. The membership service applies the owner rules. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'read');
    const body = await readJson(request);
    await locals.services.members.setRole(user.id, params.id, params.userId, body.role);
    return json({ ok: true });
  });

/** Removes a member (or, with one's own id, leaves the board); their connections are cut at once. */
export const DELETE: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'read');
    await locals.services.members.remove(user.id, params.id, params.userId);
    return new Response(null, { status: 204 });
  });
