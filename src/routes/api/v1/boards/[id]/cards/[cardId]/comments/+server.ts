import { z } from 'zod';
import type { RequestHandler } from './$types';
import { apiActor } from '#server/api/BoardApi';
import { apiRoute } from '#server/api/apiRoute';
import { CardParams, Comment, NewComment } from '#server/api/schemas';

/** A card's comments, threads in order, each first comment before its replies. */
export const GET: RequestHandler = apiRoute(
  {
    requires: 'board:read',
    summary: 'List comments',
    params: CardParams,
    response: z.object({ comments: z.array(Comment) })
  },
  async ({ locals }, _granted, { params }) => locals.services.boardApi.comments(params.id, params.cardId)
);

/** A comment by the token's account. */
export const POST: RequestHandler = apiRoute(
  {
    requires: 'board:comment',
    summary: 'Add a comment',
    params: CardParams,
    body: NewComment,
    response: Comment,
    status: 201,
    maxBodyBytes: 32 * 1024
  },
  async ({ locals }, granted, { params, body }) =>
    locals.services.boardApi.addComment(apiActor(locals, granted), params.id, params.cardId, body)
);
