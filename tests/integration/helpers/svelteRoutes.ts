/**
 * SvelteKit endpoints and form actions as a connect-style handler for `startServer`, so a test
 * reaches them over real HTTP (real sockets, real concurrency) without a `vite build`: the route
 * table stands in for SvelteKit's router, the real `handle` hook reads the session cookie into
 * locals, and a form action's outcome is answered as SvelteKit answers a `fetch` of one (303 with
 * Location for a redirect, the failure's status with its data as JSON).
 */
import type http from 'node:http';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { RequestHandler } from '#server/app';
import { readCookie, SESSION_COOKIE } from '#server/auth/sessionCookie';
import { handle } from '#src/hooks.server';
import { CookieJar } from '../../unit/auth/cookieJar';

type Endpoint = (event: never) => Response | Promise<Response>;
type Action = (event: never) => unknown;

/** One route: method, path pattern (its groups are the params, named by `params`), and what runs. */
export interface Route {
  method: string;
  path: RegExp;
  params: string[];
  /** An endpoint (+server.ts) or the actions of a +page.server.ts, chosen by `?/<name>`. */
  run: Endpoint | Record<string, Action>;
}

/** The header a test sets to stand for another client address (as ADDRESS_HEADER does behind a proxy). */
export const TEST_ADDRESS_HEADER = 'x-test-address';

async function answer(routes: Route[], req: http.IncomingMessage): Promise<Response> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const route = routes.find((r) => r.method === req.method && r.path.test(url.pathname));
  if (!route) return new Response(null, { status: 404 });
  const values = route.path.exec(url.pathname)!.slice(1).map(decodeURIComponent);
  const params = Object.fromEntries(route.params.map((name, i) => [name, values[i]]));
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const jar = new CookieJar(url, token ? { [SESSION_COOKIE]: token } : {});
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
  const address = req.headers[TEST_ADDRESS_HEADER];
  const event = {
    request: new Request(url, { method: req.method, headers, body }),
    url,
    params,
    cookies: jar.cookies,
    locals: {},
    setHeaders: () => {},
    getClientAddress: () => (typeof address === 'string' ? address : (req.socket.remoteAddress ?? ''))
  };
  const response = await handle({
    event: event as unknown as RequestEvent,
    resolve: async (e) => {
      if (typeof route.run === 'function') return route.run(e as never);
      const action = route.run[url.search.startsWith('?/') ? url.search.slice(2) : 'default'];
      if (!action) return new Response(null, { status: 404 });
      try {
        const result = await action(e as never);
        if (isActionFailure(result)) return Response.json(result.data, { status: result.status });
        return Response.json(result ?? null);
      } catch (thrown) {
        if (isRedirect(thrown))
          return new Response(null, { status: 303, headers: { location: thrown.location } });
        throw thrown;
      }
    }
  });
  const out = new Headers(response.headers);
  for (const line of jar.setCookie) out.append('set-cookie', line);
  return new Response(response.body, { status: response.status, headers: out });
}

/** A handler serving `routes`; anything else is 404. */
export function svelteRoutes(routes: Route[]): RequestHandler {
  return (req, res) => {
    answer(routes, req)
      .then(async (response) => {
        res.writeHead(response.status, [...response.headers].flat());
        if (response.body) for await (const chunk of response.body) res.write(chunk);
        res.end();
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      });
  };
}
