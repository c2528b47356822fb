import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { OutboundRequestError } from '#server/outbound/OutboundRequestError';

/** Sends a delivery again, with the same event id → 202. */
export const POST: RequestHandler = endpoint({ requires: 'board:edit-board' }, async ({ locals, params }) => {
  const deliveryId = Number(params.deliveryId);
  if (!Number.isSafeInteger(deliveryId) || deliveryId < 1) {
    throw new OutboundRequestError(404, 'not-found', 'no such delivery');
  }
  await locals.services.outbound.resend(params.id, params.integrationId, deliveryId);
  return new Response(null, { status: 202 });
});
