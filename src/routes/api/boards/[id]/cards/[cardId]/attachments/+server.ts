import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi } from '../../../../../json';

/**
 * Uploads a new attachment to the card: the raw file as the body, its name in `?name=`. The
 * type is judged by the content, never by the name or Content-Type (server/attachments/).
 */
export const POST: RequestHandler = ({ locals, params, request, url }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const stored = await locals.services.attachments.upload(user, params.id, params.cardId, {
      name: url.searchParams.get('name'),
      body: request.body
    });
    return json(stored, { status: 201 });
  });
