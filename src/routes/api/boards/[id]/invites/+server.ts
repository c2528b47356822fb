import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireBoard } from '$lib/server/access';
import { handleApi, readJson } from '../../../json';

/** The board's pending invites, { invites: InviteView[] }: owners and managers. Never a token. */
export const GET: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'manage-members');
    return json({ invites: await locals.services.invites.listPending(user.id, params.id) });
  });

/**
 * Makes an invite link, { role, email? } → 201 { invite: { id, url, role, email, expiresAt, … } }.
 * The url carries the token: this answer is its only appearance, since the server keeps a hash.
 */
export const POST: RequestHandler = ({ locals, params, request, url }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'manage-members');
    const body = await readJson(request);
    const { token, invite } = await locals.services.invites.create(user.id, params.id, {
      role: body.role,
      email: body.email
    });
    return json({ invite: { ...invite, url: `${url.origin}/invite/${token}` } }, { status: 201 });
  });
