import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { buildOpenApi } from '#server/api/openapi';

/** Every v1 route module, found by Vite at build time: a new route is in the document with no list to edit. */
const V1_ROUTES = import.meta.glob<Record<string, unknown>>('/src/routes/api/v1/**/+server.ts', {
  eager: true
});
const API_VERSION = '1.0.0';
let document: object | null = null;

/** The OpenAPI 3.1 document of /api/v1, generated from the routes' own schemas. Public, like any API's. */
export const GET: RequestHandler = endpoint({ requires: 'public' }, async () => {
  document ??= buildOpenApi(V1_ROUTES, API_VERSION);
  return json(document, { headers: { 'cache-control': 'public, max-age=300' } });
});
