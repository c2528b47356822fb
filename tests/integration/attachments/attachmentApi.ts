/**
 * The attachment API over real HTTP on port 0, composed as server/index.ts composes it: the
 * Node-layer upload route first, then SvelteKit's endpoints. The sync harness's server has no
 * SvelteKit build behind it, so the download and delete endpoints run here through the real
 * `handle` hook (as tests/integration/inbox/inboxApi.ts runs the inbox's), against the services
 * the harness registered. Same process, same services, same SQLite file: only the port differs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import { withAttachmentUploads } from '#server/attachments/uploadRoute';
import { readCookie, SESSION_COOKIE } from '#server/auth/sessionCookie';
import { handle } from '#src/hooks.server';
import * as removeApi from '#src/routes/api/boards/[id]/cards/[cardId]/attachments/[attachmentId]/+server';
import * as downloadApi from '#src/routes/api/boards/[id]/attachments/[attachmentId]/v/[v]/+server';
import { CookieJar } from '../../unit/auth/cookieJar';
import type { RecordingLogger } from '../helpers/syncHarness';

type Endpoint = (event: never) => Response | Promise<Response>;

/** SvelteKit's routes for the endpoints under test: method, path pattern, parameter names. */
const ROUTES: [string, RegExp, string[], Endpoint][] = [
  [
    'GET',
    /^\/api\/boards\/([^/]+)\/attachments\/([^/]+)\/v\/([^/]+)$/,
    ['id', 'attachmentId', 'v'],
    downloadApi.GET
  ],
  [
    'DELETE',
    /^\/api\/boards\/([^/]+)\/cards\/([^/]+)\/attachments\/([^/]+)$/,
    ['id', 'cardId', 'attachmentId'],
    removeApi.DELETE
  ]
];

async function svelteKit(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const route = ROUTES.find(([method, path]) => method === req.method && path.test(url.pathname));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const [, path, names, endpoint] = route;
  const values = path.exec(url.pathname)!.slice(1).map(decodeURIComponent);
  const params = Object.fromEntries(names.map((name, i) => [name, values[i]]));
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const jar = new CookieJar(url, token ? { [SESSION_COOKIE]: token } : {});
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value);
  const request = new Request(url, { method: req.method, headers });
  const event = { request, url, params, cookies: jar.cookies, locals: {}, setHeaders: () => {} };
  const response = await handle({
    event: event as unknown as RequestEvent,
    resolve: (e) => endpoint(e as never)
  });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) for await (const chunk of response.body) res.write(chunk);
  res.end();
}

/** Starts the API server; `close()` stops it (the harness server is the caller's). */
export async function serveAttachmentApi(
  log: RecordingLogger
): Promise<{ url: string; close(): Promise<void> }> {
  const route = withAttachmentUploads(
    (req, res) => {
      svelteKit(req, res).catch((error: unknown) => {
        log.error('test API failed', { error: String(error) });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
    undefined,
    log
  );
  const server = http.createServer((req, res) => route(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
