import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/**
 * Signs the card's current gated stage for its round:
 * { note?, approver? } → { approval, stageId, round, approver, open }.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'board:approve', json: true },
  async ({ locals, params }, { user, body }) =>
    json(await locals.services.reviews.approve(user, params.id, params.cardId, body.note, body.approver))
);
