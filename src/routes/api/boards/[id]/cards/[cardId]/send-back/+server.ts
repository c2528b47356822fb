import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Sends the card back to the stage its stage names, a new round: { note? } → { to, round }. */
export const POST: RequestHandler = endpoint(
  { requires: 'board:send-back', json: true },
  async ({ locals, params }, { user, body }) =>
    json(await locals.services.reviews.sendBack(user, params.id, params.cardId, body.note))
);
