/**
 * Stored drafts over real HTTP, a real SQLite file and real WebSocket clients: what members get
 * back, rounds of versions, the document entry the server writes through the live room (and that
 * no client may write), deleting one draft and deleting the board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAttachmentVersion, readAttachments, removeAttachment } from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import { connectClient, waitFor, type TestClient } from '../helpers/syncHarness';
import {
  JPEG,
  NOTHING,
  PNG,
  download,
  filesAndRows,
  remove,
  startDrafts,
  stored,
  upload,
  type Drafts
} from './attachmentFixture';

type Stored = { attachmentId: string; v: number; name: string; type: string; size: number };

describe('drafts and their rounds', () => {
  let d: Drafts;
  let watcher: TestClient;
  const attachmentsSeenBy = (client: TestClient) => readAttachments(roots(client.doc).cards.get(d.cardId)!);

  beforeAll(async () => {
    d = await startDrafts();
    watcher = await connectClient(d.viewer, d.boardId);
  });
  afterAll(async () => {
    watcher.destroy();
    await d.stop();
  });

  let first: Stored;

  it('stores an allowed PNG as v1 and serves it byte-identical to members, with its sniffed type', async () => {
    // Name and Content-Type say text; the content is a PNG, and that is what counts.
    const res = await upload(d, d.editor, {
      body: PNG,
      name: '海报 "v1".txt',
      headers: { 'content-type': 'text/plain' }
    });
    expect(res.status).toBe(201);
    first = (await res.json()) as Stored;
    expect(first).toMatchObject({ v: 1, type: 'image/png', size: PNG.length, name: '海报 "v1".txt' });

    for (const member of [d.editor, d.viewer, d.commenter]) {
      const served = await download(d, member, first.attachmentId, 1);
      expect(served.status).toBe(200);
      expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), PNG)).toBe(0);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-disposition')).toBe(
        `inline; filename="__ _v1_.txt"; filename*=UTF-8''%E6%B5%B7%E6%8A%A5%20%22v1%22.txt`
      );
      expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    }
  });

  it('serves every stored version in a sandbox: no script of a stored PDF or image runs in our origin', async () => {
    // A PDF whose bytes also carry markup and script, as a polyglot would.
    const pdf = Buffer.from('%PDF-1.4\n<html><script>parent.document.title="owned"</script></html>\n%%EOF');
    const res = await upload(d, d.editor, { body: pdf, name: 'brief.pdf' });
    expect(res.status).toBe(201);
    const { attachmentId, type } = (await res.json()) as Stored;
    expect(type).toBe('application/pdf');

    for (const [id, v] of [
      [first.attachmentId, 1],
      [attachmentId, 1]
    ] as const) {
      const served = await download(d, d.viewer, id, v);
      const revalidated = await download(d, d.viewer, id, v, {
        'if-none-match': served.headers.get('etag')!
      });
      expect(revalidated.status).toBe(304);
      for (const answer of [served, revalidated]) {
        const csp = answer.headers.get('content-security-policy') ?? '';
        // `sandbox` with no allow-scripts: an opaque origin where no script runs at all.
        expect(csp.split(';').map((d) => d.trim())).toEqual(
          expect.arrayContaining(['sandbox', "default-src 'none'"])
        );
        expect(csp).not.toMatch(/allow-scripts|allow-same-origin|script-src/);
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      }
    }
    // The later tests count the card's drafts: this one goes again.
    expect((await remove(d, d.editor, attachmentId)).status).toBe(204);
  });

  it('writes the card’s entry through the live room: a connected client sees it at once', async () => {
    const entry = await waitFor('the entry', () => attachmentsSeenBy(watcher)[0]);
    expect(entry).toMatchObject({
      id: first.attachmentId,
      name: '海报 "v1".txt',
      type: 'image/png',
      versions: [
        { v: 1, size: PNG.length, type: 'image/png', by: expect.any(String), at: expect.any(Number) }
      ]
    });
  });

  it('serves a version to nobody but members', async () => {
    expect((await download(d, d.stranger, first.attachmentId, 1)).status).toBe(403);
    expect((await download(d, null, first.attachmentId, 1)).status).toBe(401);
    for (const v of ['2', '0', '-1', '1.5', 'x']) {
      const res = await fetch(`${d.api}/api/boards/${d.boardId}/attachments/${first.attachmentId}/v/${v}`, {
        headers: { cookie: d.editor.cookie }
      });
      expect(res.status, `v/${v}`).toBe(404);
    }
  });

  it('answers a revalidation of an unchanged version with 304', async () => {
    const etag = (await download(d, d.viewer, first.attachmentId, 1)).headers.get('etag')!;
    expect((await download(d, d.viewer, first.attachmentId, 1, { 'if-none-match': etag })).status).toBe(304);
  });

  it('a second round becomes v2 and keeps v1 downloadable, even in another format', async () => {
    const res = await upload(d, d.editor, {
      body: JPEG,
      name: 'poster v2.jpg',
      attachmentId: first.attachmentId
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ attachmentId: first.attachmentId, v: 2, type: 'image/jpeg' });
    const v1 = await download(d, d.viewer, first.attachmentId, 1);
    const v2 = await download(d, d.viewer, first.attachmentId, 2);
    expect(Buffer.compare(Buffer.from(await v1.arrayBuffer()), PNG)).toBe(0);
    expect(Buffer.compare(Buffer.from(await v2.arrayBuffer()), JPEG)).toBe(0);
    expect(v2.headers.get('content-type')).toBe('image/jpeg');
    const entry = await waitFor('v2 in the entry', () =>
      attachmentsSeenBy(watcher).find((a) => a.versions.length === 2)
    );
    expect(entry).toMatchObject({
      name: 'poster v2.jpg',
      type: 'image/jpeg',
      latest: { v: 2, type: 'image/jpeg' }
    });
    // Each round keeps the name it was uploaded under: v2 does not rename v1.
    expect(entry.versions.map((v) => [v.v, v.type, v.name])).toEqual([
      [1, 'image/png', '海报 "v1".txt'],
      [2, 'image/jpeg', 'poster v2.jpg']
    ]);
  });

  it('a viewer can download but not add a version', async () => {
    expect((await upload(d, d.viewer, { body: PNG, attachmentId: first.attachmentId })).status).toBe(403);
    expect((await download(d, d.viewer, first.attachmentId, 2)).status).toBe(200);
  });

  it('refuses a client’s own write to the attachments entry over the WebSocket', async () => {
    const forgeries: [string, (doc: Y.Doc) => unknown][] = [
      [
        'a forged entry',
        (doc) =>
          addAttachmentVersion(doc, d.cardId, 'forged', {
            name: 'x.png',
            size: 1,
            type: 'image/png',
            by: 'me'
          })
      ],
      [
        'a forged version',
        (doc) =>
          addAttachmentVersion(doc, d.cardId, first.attachmentId, {
            name: 'x.png',
            size: 1,
            type: 'image/png',
            by: 'me'
          })
      ],
      ['a removed entry', (doc) => removeAttachment(doc, d.cardId, first.attachmentId)]
    ];
    for (const [what, forge] of forgeries) {
      const client = await connectClient(d.editor, d.boardId);
      try {
        const before = await d.server.rooms.read(d.boardId, (doc) => Y.encodeStateVector(doc));
        forge(client.doc);
        await waitFor(`the refusal of ${what}`, () => client.closes.length > 0);
        expect(client.closes[0]?.code, what).toBe(CloseCode.UpdateRefused);
        expect(await d.server.rooms.read(d.boardId, (doc) => Y.encodeStateVector(doc))).toEqual(before);
      } finally {
        client.destroy();
      }
    }
    expect(attachmentsSeenBy(watcher).map((a) => [a.id, a.versions.length])).toEqual([
      [first.attachmentId, 2]
    ]);
  });

  it('deleting a draft (not as a viewer) removes its entry, its rows and its files at once', async () => {
    expect((await remove(d, d.viewer, first.attachmentId)).status).toBe(403);
    expect((await remove(d, d.editor, first.attachmentId)).status).toBe(204);
    expect(await stored(d)).toEqual(NOTHING);
    await waitFor('the entry to go', () => attachmentsSeenBy(watcher).length === 0);
    expect((await download(d, d.viewer, first.attachmentId, 1)).status).toBe(404);
    expect((await remove(d, d.editor, first.attachmentId)).status).toBe(404);
  });

  it('deleting the board removes its drafts', async () => {
    const res = await upload(d, d.editor, { body: PNG, name: 'last.png' });
    expect(res.status).toBe(201);
    expect((await stored(d)).files).toHaveLength(1);
    await d.server.services.boards.delete(d.boardId);
    expect(filesAndRows(d)).toEqual({ files: [], rows: 0 });
  });
});
