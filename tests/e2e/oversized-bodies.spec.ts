import http from 'node:http';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createBoard } from './helpers';

/**
 * Oversized bodies sent chunked (no Content-Length, so nothing can be refused before reading)
 * against the real built server: adapter-node's BODY_SIZE_LIMIT (512 KB) and each route's own
 * limit. Each must get a status, the same 413 a declared length gets, never a cut connection.
 * Raw node:http, since a browser or Playwright's client always sends a length.
 */

const PORT = Number(process.env.E2E_PORT ?? 4173);
const CHUNK = 'x'.repeat(16 * 1024);

type Answer = { status: number; body: string; error?: string };

/**
 * POSTs (or `method`s) a body of about `bytes` in 16 KB chunks with Transfer-Encoding: chunked.
 * Stops sending once the answer has come (as a client that reads while it writes does); a socket
 * error before any answer is status 0.
 */
function sendChunked(
  path: string,
  bytes: number,
  headers: Record<string, string>,
  method = 'POST',
  wrap: [string, string] = ['{"title":"', '"}']
): Promise<Answer> {
  return new Promise((resolve) => {
    let answered = false;
    const req = http.request({
      host: 'localhost',
      port: PORT,
      path,
      method,
      headers: { ...headers, 'transfer-encoding': 'chunked' }
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? 0, body, error: error.message }));
    });
    req.on('error', (error) => {
      if (!answered) resolve({ status: 0, body: '', error: error.message });
    });
    void (async () => {
      req.write(wrap[0]);
      for (let sent = 0; sent < bytes && !answered && !req.destroyed; sent += CHUNK.length) {
        if (!req.write(CHUNK)) await drained(req);
      }
      if (!req.destroyed) req.end(wrap[1]);
    })();
  });
}

/** Resolves when the request can take more, or is closed. */
function drained(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done).off('close', done);
      resolve();
    };
    req.on('drain', done).on('close', done);
  });
}

async function cookieHeader(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

const tooLarge = (answer: Answer) => {
  expect(answer.error, 'the connection was cut before a status').toBeUndefined();
  expect(answer.status).toBe(413);
  expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('too-large');
};

test('an oversized JSON body sent chunked gets 413 too-large, not a cut connection', async ({ request }) => {
  const json = { cookie: await cookieHeader(request), 'content-type': 'application/json' };
  // Past the route's own limit (16 KB for a board), well under adapter-node's 512 KB.
  tooLarge(await sendChunked('/api/boards', 100 * 1024, json));
  // Past 512 KB as well: the route's limit is met first.
  tooLarge(await sendChunked('/api/boards', 1024 * 1024, json));
  // The same body with a declared length gets the same answer.
  const declared = await request.post('/api/boards', { data: { title: 'x'.repeat(100 * 1024) } });
  expect(declared.status()).toBe(413);
  expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('too-large');
  // The server is still answering.
  expect((await request.get('/api/boards')).status()).toBe(200);
});

test('a chunked body past adapter-node’s 512 KB limit on a route allowing more gets 413 too-large', async ({
  request
}) => {
  const json = { cookie: await cookieHeader(request), 'content-type': 'application/json' };
  const boardId = await createBoard(request, 'Oversized template source');
  const saved = await request.post('/api/templates', { data: { boardId, name: 'Oversized' } });
  expect(saved.status()).toBe(201);
  const { template } = (await saved.json()) as { template: { id: string } };
  // A template patch may be 272 KB: past that, and past 512 KB.
  for (const bytes of [400 * 1024, 800 * 1024]) {
    tooLarge(await sendChunked(`/api/templates/${template.id}`, bytes, json, 'PATCH', ['{"name":"', '"}']));
  }
});

test('a form body past 512 KB sent chunked gets 413, not a cut connection', async ({ request }) => {
  const form = {
    origin: `http://localhost:${PORT}`,
    'content-type': 'application/x-www-form-urlencoded'
  };
  for (const path of ['/signin', '/signup', '/?/create']) {
    const answer = await sendChunked(
      path,
      1024 * 1024,
      { ...form, cookie: await cookieHeader(request) },
      'POST',
      ['email=a%40b.c&password=', '']
    );
    expect(answer.error, `${path}: the connection was cut before a status`).toBeUndefined();
    expect(answer.status, path).toBe(413);
  }
});
