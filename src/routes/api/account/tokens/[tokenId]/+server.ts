import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Revokes the token: the next request with it is 401. */
export const DELETE: RequestHandler = endpoint(
  { requires: 'signed-in', sessionOnly: true },
  async ({ locals, params }, { user }) => {
    await locals.services.tokens.revoke(user, params.tokenId);
    return new Response(null, { status: 204 });
  }
);
