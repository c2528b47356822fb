import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { CardDetail, CardParams, Move } from '#server/api/schemas';

/** Moves a card to a stage and position, under the board's rules (gates, exit rules, requirements). */
export const POST: RequestHandler = apiRoute(
  {
    requires: 'board:move-card',
    summary: 'Move a card',
    description:
      'As a move on the board: a card leaves a gated stage forward only once approved (409 `gate-closed`), ' +
      "and a stage's exit rule and requirements apply.",
    params: CardParams,
    body: Move,
    response: CardDetail
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.moveCard(apiActor(locals, granted), params.id, params.cardId, body)
);
