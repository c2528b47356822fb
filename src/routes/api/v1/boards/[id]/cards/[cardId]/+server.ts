import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { CardChanges, CardDetail, CardParams } from '#server/api/schemas';

/** One card with its description. */
export const GET: RequestHandler = apiRoute(
  { requires: 'board:read', summary: 'Get a card', params: CardParams, response: CardDetail },
  async ({ locals }, _granted, { params }) => locals.services.boardApi.card(params.id, params.cardId)
);

/** Changes a card's title, description, date, labels or assignees. */
export const PATCH: RequestHandler = apiRoute(
  {
    requires: 'board:edit-card',
    summary: 'Update a card',
    description: 'Only the fields named change; labels and assignees are replaced by the lists given.',
    params: CardParams,
    body: CardChanges,
    response: CardDetail,
    maxBodyBytes: 96 * 1024
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.updateCard(apiActor(locals, granted), params.id, params.cardId, body)
);
