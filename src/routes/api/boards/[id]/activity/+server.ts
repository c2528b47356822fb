import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/**
 * The board's activity, newest first: ?card=<id> for one card's history, ?before=<id> for the
 * next page, ?limit=<n> (at most 200). New entries arrive live over the board's socket.
 */
export const GET: RequestHandler = endpoint({ requires: 'board:read' }, async ({ locals, params, url }) => {
  const before = Number(url.searchParams.get('before'));
  const limit = Number(url.searchParams.get('limit'));
  const entries = await locals.services.activity.list(params.id, {
    cardId: url.searchParams.get('card') ?? undefined,
    before: Number.isInteger(before) && before > 0 ? before : undefined,
    limit: Number.isInteger(limit) && limit > 0 ? limit : undefined
  });
  return json({ entries });
});
