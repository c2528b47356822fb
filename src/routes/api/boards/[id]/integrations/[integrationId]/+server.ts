import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { OutboundRequestError } from '#server/outbound/OutboundRequestError';

/** Turns it on or off, { enabled: boolean } → { integration }. */
export const PATCH: RequestHandler = endpoint(
  { requires: 'board:edit-board', json: 1024 },
  async ({ locals, params }, { body }) => {
    if (typeof body.enabled !== 'boolean') {
      throw new OutboundRequestError(400, 'invalid-integration', 'enabled must be true or false');
    }
    return json({
      integration: await locals.services.outbound.setEnabled(params.id, params.integrationId, body.enabled)
    });
  }
);

/** Deletes it with its delivery log. */
export const DELETE: RequestHandler = endpoint(
  { requires: 'board:edit-board' },
  async ({ locals, params }) => {
    await locals.services.outbound.remove(params.id, params.integrationId);
    return new Response(null, { status: 204 });
  }
);
