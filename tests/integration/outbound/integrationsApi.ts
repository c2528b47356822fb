/**
 * The integrations endpoints as SvelteKit runs them, minus the HTTP server (like inbox/inboxApi.ts):
 * the real `handle` hook reads the session cookie, then the route runs against the test server's
 * services with the path's params.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '#server/auth/sessionCookie';
import type { AttemptView, IntegrationView } from '#lib/outbound/types';
import { handle } from '#src/hooks.server';
import * as listApi from '#src/routes/api/boards/[id]/integrations/+server';
import * as oneApi from '#src/routes/api/boards/[id]/integrations/[integrationId]/+server';
import * as testApi from '#src/routes/api/boards/[id]/integrations/[integrationId]/test/+server';
import * as logApi from '#src/routes/api/boards/[id]/integrations/[integrationId]/deliveries/+server';
import * as resendApi from '#src/routes/api/boards/[id]/integrations/[integrationId]/deliveries/[deliveryId]/resend/+server';
import { CookieJar } from '../../unit/auth/cookieJar';

export type Caller = { cookie: string };
type Endpoint = (event: never) => Response | Promise<Response>;

async function call(
  endpoint: Endpoint,
  as: Caller,
  path: string,
  params: Record<string, string>,
  init: RequestInit = {}
): Promise<Response> {
  const url = new URL(path, 'http://board.lan');
  const token = as.cookie.slice(as.cookie.indexOf('=') + 1);
  const jar = new CookieJar(url, { [SESSION_COOKIE]: token });
  const request = new Request(url, init);
  const event = { request, url, cookies: jar.cookies, locals: {}, params, setHeaders: () => {} };
  return handle({ event: event as unknown as RequestEvent, resolve: (e) => endpoint(e as never) });
}

const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', origin: 'http://board.lan' },
  body: JSON.stringify(body)
});

export function addIntegration(as: Caller, boardId: string, body: unknown): Promise<Response> {
  return call(
    listApi.POST,
    as,
    `/api/boards/${boardId}/integrations`,
    { id: boardId },
    jsonInit('POST', body)
  );
}

/** Adds one and fails on anything but 201. */
export async function added(
  as: Caller,
  boardId: string,
  body: unknown
): Promise<{ integration: IntegrationView; secret: string | null }> {
  const res = await addIntegration(as, boardId, body);
  if (res.status !== 201) throw new Error(`POST integrations: ${res.status} ${await res.text()}`);
  return (await res.json()) as { integration: IntegrationView; secret: string | null };
}

export async function listIntegrations(as: Caller, boardId: string): Promise<Response> {
  return call(listApi.GET, as, `/api/boards/${boardId}/integrations`, { id: boardId });
}

export function setEnabled(
  as: Caller,
  boardId: string,
  integrationId: string,
  enabled: boolean
): Promise<Response> {
  const path = `/api/boards/${boardId}/integrations/${integrationId}`;
  return call(oneApi.PATCH, as, path, { id: boardId, integrationId }, jsonInit('PATCH', { enabled }));
}

export function sendTest(as: Caller, boardId: string, integrationId: string): Promise<Response> {
  const path = `/api/boards/${boardId}/integrations/${integrationId}/test`;
  return call(
    testApi.POST,
    as,
    path,
    { id: boardId, integrationId },
    { method: 'POST', headers: { origin: 'http://board.lan' } }
  );
}

export async function deliveryLog(
  as: Caller,
  boardId: string,
  integrationId: string
): Promise<AttemptView[]> {
  const path = `/api/boards/${boardId}/integrations/${integrationId}/deliveries`;
  const res = await call(logApi.GET, as, path, { id: boardId, integrationId });
  if (res.status !== 200) throw new Error(`GET deliveries: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { attempts: AttemptView[] }).attempts;
}

export function resend(
  as: Caller,
  boardId: string,
  integrationId: string,
  deliveryId: number
): Promise<Response> {
  const path = `/api/boards/${boardId}/integrations/${integrationId}/deliveries/${deliveryId}/resend`;
  const params = { id: boardId, integrationId, deliveryId: String(deliveryId) };
  return call(resendApi.POST, as, path, params, { method: 'POST', headers: { origin: 'http://board.lan' } });
}
