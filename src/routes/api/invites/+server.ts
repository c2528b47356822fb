import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** The signed-in person's pending invitations by email, { invites: ReceivedInvite[] }. */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals }, { user }) =>
  json({ invites: await locals.services.invites.receivedBy(user) })
);
