import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** The board's webhooks and robots, { integrations: IntegrationView[] }: managers and owners. Never a secret. */
export const GET: RequestHandler = endpoint({ requires: 'board:edit-board' }, async ({ locals, params }) =>
  json({ integrations: await locals.services.outbound.list(params.id) })
);

/**
 * Adds one, { kind, url, events, locale, secret?, digestWeekday?, digestHour? } → 201
 * { integration, secret }: a webhook's signing secret, shown this once (null for robots).
 */
export const POST: RequestHandler = endpoint(
  { requires: 'board:edit-board', json: 8 * 1024 },
  async ({ locals, params }, { user, body }) =>
    json(await locals.services.outbound.add(params.id, user.id, body), { status: 201 })
);
