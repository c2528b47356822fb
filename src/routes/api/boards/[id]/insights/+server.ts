import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/**
 * The board's charts as numbers (src/lib/analytics): cumulative flow, time per stage, revision
 * rounds and weekly throughput, computed from its activity log up to today.
 */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params }, { user }) => json(await locals.services.insights.forBoard(user.id, params.id))
);
