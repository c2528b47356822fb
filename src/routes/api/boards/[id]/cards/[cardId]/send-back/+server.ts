import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi, readJson } from '../../../../../json';

/** Sends the card back to the stage its stage names, a new round: { note? } → { to, round }. */
export const POST: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const body = await readJson(request);
    return json(await locals.services.reviews.sendBack(user, params.id, params.cardId, body.note));
  });
