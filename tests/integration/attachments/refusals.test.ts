/**
 * Uploads the server refuses, over real HTTP against a real server and SQLite file: each answers
 * with the API's JSON error and leaves nothing behind — no file (temporary ones included), no
 * row, no document entry.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/syncHarness';
import { LIMIT, NOTHING, PNG, startDrafts, stored, upload, type Drafts } from './attachmentFixture';

const uploadUrl = (d: Drafts) =>
  `${d.api}/api/boards/${d.boardId}/cards/${d.cardId}/attachments?name=big.png`;

/** POSTs a chunked body (no Content-Length) that keeps growing until the server answers. */
function growingUpload(d: Drafts) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const req = http.request(uploadUrl(d), { method: 'POST', headers: { cookie: d.editor.cookie } });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      req.end();
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(4096, 7);
    const pump = (): void => {
      if (answered) return;
      if (sent > 8 * LIMIT) return void req.end();
      const data = sent === 0 ? PNG : chunk;
      sent += data.length;
      req.write(data, () => setTimeout(pump, 1));
    };
    pump();
  });
}

describe('refused uploads store nothing', () => {
  let d: Drafts;
  beforeAll(async () => {
    d = await startDrafts();
  });
  afterAll(() => d.stop());

  it('a file over the limit is refused with 413 naming the limit, before it is read', async () => {
    const res = await upload(d, d.editor, {
      body: Buffer.concat([PNG, Buffer.alloc(LIMIT)]),
      name: 'big.png'
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'too-large', message: expect.stringContaining('64 KB'), limit: LIMIT }
    });
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('a body that does not say its length is cut off as soon as it passes the limit', async () => {
    const { status, body, sent } = await growingUpload(d);
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe('too-large');
    // The answer came while the client was still sending, not after everything it had.
    expect(sent).toBeLessThan(8 * LIMIT);
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('a file exactly at the limit passes the size check (and is then judged by its type)', async () => {
    const res = await upload(d, d.editor, { body: Buffer.alloc(LIMIT, 'a'), name: 'x.png' });
    expect(res.status).toBe(415);
  });

  it('text named x.png and sent as image/png is refused with 415', async () => {
    const res = await upload(d, d.editor, {
      body: Buffer.from('<svg onload=alert(1)></svg>'),
      name: 'x.png'
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toEqual({ code: 'unsupported-type', message: expect.any(String) });
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('an empty body is refused with 415', async () => {
    expect((await upload(d, d.editor, { body: Buffer.alloc(0), name: 'x.png' })).status).toBe(415);
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('someone signed in but not on the board gets 403; nobody signed in gets 401', async () => {
    const stranger = await upload(d, d.stranger, { body: PNG, name: 'p.png' });
    expect(stranger.status).toBe(403);
    expect((await stranger.json()).error.code).toBe('forbidden');
    const anonymous = await upload(d, null, { body: PNG, name: 'p.png' });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('sign-in-required');
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('viewers and commenters may not upload (403)', async () => {
    for (const person of [d.viewer, d.commenter]) {
      expect((await upload(d, person, { body: PNG, name: 'p.png' })).status).toBe(403);
    }
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('an upload from another site’s page is refused (403), even with a member’s cookie', async () => {
    const res = await upload(d, d.editor, { body: PNG, headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('an unknown card, or a new version of an unknown attachment, is a 404', async () => {
    const card = await upload(d, d.editor, { body: PNG, cardId: 'no-such-card' });
    expect(card.status).toBe(404);
    expect((await card.json()).error.code).toBe('not-found');
    expect((await upload(d, d.editor, { body: PNG, attachmentId: 'no-such-draft' })).status).toBe(404);
    expect((await upload(d, d.editor, { body: PNG, attachmentId: '..' })).status).toBe(404);
    expect(await stored(d)).toEqual(NOTHING);
  });

  it('an upload cut off halfway leaves no temporary file', async () => {
    const req = http.request(uploadUrl(d), { method: 'POST', headers: { cookie: d.editor.cookie } });
    req.on('error', () => undefined);
    req.write(Buffer.concat([PNG, Buffer.alloc(4096)]));
    // The server has started writing it…
    await waitFor('the temporary file', async () => (await stored(d)).files.length === 1);
    req.destroy();
    // …and removes it once the connection is gone.
    await waitFor('the temporary file to go', async () => (await stored(d)).files.length === 0);
    expect(await stored(d)).toEqual(NOTHING);
  });
});
