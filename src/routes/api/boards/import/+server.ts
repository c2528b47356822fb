import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { readBytes } from '#server/http/json';
import { ndjsonResponse } from '#server/http/ndjson';
import { IMPORT_LIMITS } from '#lib/transfer/import-plan';

/** The accounts the signed-in person may map a Trello member or a CSV assignee to. */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals }, { user }) =>
  json({ people: await locals.services.imports.candidates(user) })
);

/**
 * Imports a Trello export or a CSV file as a new board the caller owns. The body is gzip of
 * { source, file, options } (server/transfer/importRequest.ts). A bad file is refused before
 * anything is made (400/413 JSON, as every API error); a good one is answered with NDJSON lines
 * as the board is built: { type: 'progress', phase, done, total } …, then { type: 'done', id,
 * title } or { type: 'error', error }. A stream, not a job to poll: the import lives as long as
 * its request, and nothing is left to clean up when a browser goes away.
 */
export const POST: RequestHandler = endpoint(
  { requires: 'signed-in' },
  async ({ locals, request }, { user }) => {
    const { imports } = locals.services;
    const prepared = await imports.prepare(user, await readBytes(request, IMPORT_LIMITS.requestBytes));
    return ndjsonResponse(async (send) => {
      send({ type: 'plan', counts: prepared.counts, losses: prepared.losses });
      const board = await imports.build(user, prepared, (p) => send({ type: 'progress', ...p }));
      send({ type: 'done', ...board });
    });
  }
);
