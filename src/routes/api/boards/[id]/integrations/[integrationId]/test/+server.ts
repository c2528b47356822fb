import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** Queues a `ping` event for this integration alone → 202; the delivery log shows how it went. */
export const POST: RequestHandler = endpoint({ requires: 'board:edit-board' }, async ({ locals, params }) => {
  await locals.services.outbound.test(params.id, params.integrationId);
  return new Response(null, { status: 202 });
});
