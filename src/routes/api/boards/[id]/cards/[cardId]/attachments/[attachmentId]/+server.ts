import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi } from '../../../../../../json';

/** Uploads the next version of a draft (v2, v3, …); every earlier version is kept. */
export const POST: RequestHandler = ({ locals, params, request, url }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const stored = await locals.services.attachments.upload(user, params.id, params.cardId, {
      name: url.searchParams.get('name'),
      body: request.body,
      attachmentId: params.attachmentId
    });
    return json(stored, { status: 201 });
  });
