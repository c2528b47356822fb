import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, failureText } from '#lib/api/api-call';
import { i18n } from '#lib/i18n/i18n.svelte';

/** A real server answering each path the way one of our endpoints (or a proxy in front) would. */
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/ok') {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () =>
        send(
          200,
          JSON.stringify({ echo: JSON.parse(text || 'null'), type: req.headers['content-type'] ?? null })
        )
      );
    } else if (req.url === '/gone') send(204, '');
    else if (req.url === '/owner') {
      send(
        403,
        JSON.stringify({
          error: { code: 'needs-owner', message: 'This stage needs the board owner’s approval.' }
        })
      );
    } else if (req.url === '/odd')
      send(409, JSON.stringify({ error: { code: 'brand-new', message: 'Something new.' } }));
    else send(502, '<html>Bad gateway</html>', 'text/html');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('calling the API', () => {
  it('sends a json body as JSON and reads the answer; a 204 reads as null', async () => {
    const ok = await callApi(`${base}/ok`, { method: 'POST', json: { note: '通过' } }, (b) => b);
    expect(ok).toEqual({ ok: true, value: { echo: { note: '通过' }, type: 'application/json' } });
    expect(await callApi(`${base}/gone`, { method: 'DELETE' }, (b) => b)).toEqual({ ok: true, value: null });
  });

  it('turns a refusal, a proxy’s page and an unreachable server into failures, never throws', async () => {
    expect(await callApi(`${base}/owner`, { method: 'POST' }, (b) => b)).toMatchObject({
      ok: false,
      status: 403,
      code: 'needs-owner'
    });
    expect(await callApi(`${base}/proxy`, {}, (b) => b)).toEqual({
      ok: false,
      status: 502,
      code: 'http-502',
      message: ''
    });
    expect(await callApi('http://127.0.0.1:1/', {}, (b) => b)).toMatchObject({ ok: false, code: 'network' });
  });
});

describe('telling the reader why', () => {
  it('speaks the page’s language for known codes, and keeps the server’s words only for unknown ones', async () => {
    const owner = await callApi(`${base}/owner`, { method: 'POST' }, (b) => b);
    const odd = await callApi(`${base}/odd`, {}, (b) => b);
    const proxy = await callApi(`${base}/proxy`, {}, (b) => b);
    if (owner.ok || odd.ok || proxy.ok) throw new Error('expected failures');
    const messages = { 'needs-owner': 'error.review.needsOwner' } as const;
    i18n.init('zh-CN');
    expect(failureText(owner, messages)).toBe('此阶段需要看板所有者（总经理级）审批。');
    expect(failureText({ ...owner, code: 'forbidden' })).toContain('角色');
    expect(failureText({ ...owner, code: 'network' })).not.toMatch(/[A-Za-z]{4}/);
    expect(failureText(odd, messages)).toBe('Something new.');
    expect(failureText(proxy, messages)).toContain('HTTP 502');
    i18n.init('en');
    expect(failureText(owner, messages)).toContain('general manager');
  });
});
