import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/*
 * Uploads to this path (POST, a new version) are served in the Node layer before SvelteKit,
 * where the body can stream past adapter-node's size cap: server/attachments/uploadRoute.ts.
 */

/** Deletes the attachment with every version (editors and above); the files go at once. */
export const DELETE: RequestHandler = endpoint(
  { requires: 'board:edit-card' },
  async ({ locals, params }, { user }) => {
    await locals.services.attachments.remove(user, params.id, params.cardId, params.attachmentId);
    return new Response(null, { status: 204 });
  }
);
