import { z } from 'zod';
import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { BoardParams, Card, CardDetail, CardsQuery, NewCard } from '#server/api/schemas';

/** The board's cards, filtered. */
export const GET: RequestHandler = apiRoute(
  {
    requires: 'board:read',
    summary: 'List cards',
    description:
      'Live cards (or archived ones) in stage order, filtered by stage, label, assignee or title words.',
    params: BoardParams,
    query: CardsQuery,
    response: z.object({ cards: z.array(Card) })
  },
  async ({ locals }, _granted, { params, query }) => locals.services.boardApi.cards(params.id, query)
);

/** A new card at the end of a stage. */
export const POST: RequestHandler = apiRoute(
  {
    requires: 'board:create-card',
    summary: 'Create a card',
    description: 'At the end of the stage, with its description, date, labels and assignees, in one change.',
    params: BoardParams,
    body: NewCard,
    response: CardDetail,
    status: 201,
    // A description of 20,000 Chinese characters is 60 KB of UTF-8.
    maxBodyBytes: 96 * 1024
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.createCard(apiActor(locals, granted), params.id, body)
);
