import { z } from 'zod';
import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { CardParams, ChecklistItem, NewChecklistItem } from '#server/api/schemas';

/** Every checklist item of a card, its stages' and its own. */
export const GET: RequestHandler = apiRoute(
  {
    requires: 'board:read',
    summary: 'List checklist items',
    params: CardParams,
    response: z.object({ items: z.array(ChecklistItem) })
  },
  async ({ locals }, _granted, { params }) => locals.services.boardApi.checklist(params.id, params.cardId)
);

/** An item added by hand at the end of the card's items. */
export const POST: RequestHandler = apiRoute(
  {
    requires: 'board:tick-checklist',
    summary: 'Add a checklist item',
    params: CardParams,
    body: NewChecklistItem,
    response: ChecklistItem,
    status: 201
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.addChecklistItem(apiActor(locals, granted), params.id, params.cardId, body.text)
);
