/**
 * The inbox endpoints as SvelteKit runs them, minus the HTTP server: the real `handle` hook reads
 * the session cookie into locals, then the endpoint runs against the services the test server
 * registered. Also a reader of the Server-Sent Events the stream endpoint answers with.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '#server/auth/sessionCookie';
import type { InboxPage } from '#lib/inbox/types';
import { handle } from '#src/hooks.server';
import * as inboxApi from '#src/routes/api/inbox/+server';
import * as readApi from '#src/routes/api/inbox/read/+server';
import * as streamApi from '#src/routes/api/inbox/stream/+server';
import { CookieJar } from '../../unit/auth/cookieJar';

/** Whoever calls: a Cookie header as the sync harness gives it, or null for nobody signed in. */
export type Caller = { cookie: string } | null;

type Endpoint = (event: never) => Response | Promise<Response>;

async function call(endpoint: Endpoint, as: Caller, path: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(path, 'http://board.lan');
  const token = as ? as.cookie.slice(as.cookie.indexOf('=') + 1) : undefined;
  const jar = new CookieJar(url, token ? { [SESSION_COOKIE]: token } : {});
  const request = new Request(url, init);
  const event = { request, url, cookies: jar.cookies, locals: {}, params: {}, setHeaders: () => {} };
  return handle({
    event: event as unknown as RequestEvent,
    resolve: (e) => endpoint(e as never)
  });
}

/** GET /api/inbox. */
export function getInbox(as: Caller, query = ''): Promise<Response> {
  return call(inboxApi.GET, as, `/api/inbox${query}`);
}

/** The caller's inbox page, failing on anything but 200. */
export async function inboxOf(as: Caller, query = ''): Promise<InboxPage> {
  const res = await getInbox(as, query);
  if (res.status !== 200) throw new Error(`GET /api/inbox: ${res.status} ${await res.text()}`);
  return (await res.json()) as InboxPage;
}

/** POST /api/inbox/read with `body` as JSON. */
export function markRead(as: Caller, body: unknown): Promise<Response> {
  return call(readApi.POST, as, '/api/inbox/read', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
}

/** GET /api/inbox/stream; `signal` stands for the client going away. */
export function openStream(as: Caller, signal?: AbortSignal): Promise<Response> {
  return call(streamApi.GET, as, '/api/inbox/stream', { signal });
}

export interface EventReader {
  /** Events parsed so far, in order. */
  events: { name: string; data: Record<string, unknown> }[];
  /** Everything received, comments included. */
  raw: () => string;
  /** True once the server ended the stream. */
  ended: () => boolean;
  /** Stops reading, as a browser closing the page does. */
  close: () => Promise<void>;
}

/** Reads a text/event-stream body in the background, parsing `event:`/`data:` blocks. */
export function readEvents(res: Response): EventReader {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: EventReader['events'] = [];
  let text = '';
  let parsed = 0;
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      text += decoder.decode(value, { stream: true });
      for (let end = text.indexOf('\n\n', parsed); end >= 0; end = text.indexOf('\n\n', parsed)) {
        const block = text.slice(parsed, end);
        parsed = end + 2;
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name && data) events.push({ name, data: JSON.parse(data) as Record<string, unknown> });
      }
    }
  })();
  return {
    events,
    raw: () => text,
    ended: () => ended,
    close: async () => {
      await reader.cancel();
      await pump.catch(() => undefined);
    }
  };
}
