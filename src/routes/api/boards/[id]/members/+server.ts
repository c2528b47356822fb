import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireBoard } from '$lib/server/access';
import { handleApi, readJson } from '../../../json';

/** The board's members (anyone on the board may see who else is). */
export const GET: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'read');
    return json({ members: await locals.services.members.list(user.id, params.id) });
  });

/** Adds an account by email in a role, { email, role }: owners and managers. */
export const POST: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    const { user } = await requireBoard(locals, params.id, 'manage-members');
    const body = await readJson(request);
    const member = await locals.services.members.add(user.id, params.id, {
      email: body.email,
      role: body.role
    });
    return json({ member }, { status: 201 });
  });
