import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi, readJson } from '../../../../../json';

/** Approves the card's current gated stage for its round: { note? } → { approval, stageId, round }. */
export const POST: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const body = await readJson(request);
    return json(await locals.services.reviews.approve(user, params.id, params.cardId, body.note));
  });
