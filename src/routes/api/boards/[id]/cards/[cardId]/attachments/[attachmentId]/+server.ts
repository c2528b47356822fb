import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi } from '../../../../../../json';

/*
 * Uploads to this path (POST, a new version) are served in the Node layer before SvelteKit,
 * where the body can stream past adapter-node's size cap: server/attachments/uploadRoute.ts.
 */

/** Deletes the attachment with every version (editors and above); the files go at once. */
export const DELETE: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    await locals.services.attachments.remove(user, params.id, params.cardId, params.attachmentId);
    return new Response(null, { status: 204 });
  });
