import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { jsonError } from '#server/http/json';
import { overviewStream } from '#server/analytics/overviewStream';
import { OVERVIEW_STREAMS_PER_USER } from '#server/analytics/OverviewFeed';

/** `changed` events whenever one of the caller's boards changes (server/analytics/OverviewFeed.ts). */
export const GET: RequestHandler = endpoint(
  { requires: 'signed-in' },
  async ({ locals, request }, { user }) => {
    const stream = overviewStream(locals.services.overviewFeed, user.id, { signal: request.signal });
    return (
      stream ??
      jsonError(429, 'too-many-streams', `At most ${OVERVIEW_STREAMS_PER_USER} open manager's page streams.`)
    );
  }
);
