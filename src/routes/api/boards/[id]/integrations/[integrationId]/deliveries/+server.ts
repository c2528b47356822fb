import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** The delivery log, { attempts: AttemptView[] }, newest first. */
export const GET: RequestHandler = endpoint({ requires: 'board:edit-board' }, async ({ locals, params }) =>
  json({ attempts: await locals.services.outbound.attempts(params.id, params.integrationId) })
);
