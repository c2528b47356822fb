import type { ServerResponse } from 'node:http';

/**
 * A JSON answer from the routes served in the Node layer before SvelteKit (uploads, board
 * imports, one-click unsubscribe), in the API's one shape and never cached.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {}
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store'
  });
  res.end(text);
}
