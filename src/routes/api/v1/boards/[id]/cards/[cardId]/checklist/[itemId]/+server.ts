import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { ChecklistItem, ItemParams, Tick } from '#server/api/schemas';

/** Ticks or unticks one item. */
export const PATCH: RequestHandler = apiRoute(
  {
    requires: 'board:tick-checklist',
    summary: 'Tick or untick an item',
    params: ItemParams,
    body: Tick,
    response: ChecklistItem
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.tick(
      apiActor(locals, granted),
      params.id,
      params.cardId,
      params.itemId,
      body.done
    )
);
