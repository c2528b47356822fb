import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { Archive, CardDetail, CardParams } from '#server/api/schemas';

/** Archives a card (or, `archived: false`, restores it). */
export const POST: RequestHandler = apiRoute(
  {
    requires: 'board:edit-card',
    summary: 'Archive a card',
    params: CardParams,
    body: Archive,
    response: CardDetail
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.archiveCard(
      apiActor(locals, granted),
      params.id,
      params.cardId,
      body.archived ?? true
    )
);
