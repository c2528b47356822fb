import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

/** The account's personal access tokens (never the tokens themselves). */
export const GET: RequestHandler = endpoint(
  { requires: 'signed-in', sessionOnly: true },
  async ({ locals }, { user }) => json({ tokens: await locals.services.tokens.list(user) })
);

/** { name, scope: 'read' | 'write', expiresInDays: 7 | 30 | 90 | 365 | null } → 201 { token, view }: the token, once. */
export const POST: RequestHandler = endpoint(
  { requires: 'signed-in', sessionOnly: true, json: true },
  async ({ locals }, { user, body }) => json(await locals.services.tokens.create(user, body), { status: 201 })
);
