/**
 * Drafts of every kind over real HTTP against a real server and SQLite file: each is typed by its
 * content whatever its name says, served with that type, and held to its kind's size limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeFile, pdfOf, zipOf } from '#tests/helpers/draftFiles';
import { download, NOTHING, PNG, startDrafts, stored, upload, type Drafts } from './attachmentFixture';

const KiB = 1024;
/** Images are held to less than the ceiling that videos and archives get. */
const CEILING = 256 * KiB;
const IMAGE_LIMIT = 32 * KiB;

const WEBM = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0xf7, 0x81, 1, 0x42, 0xf2, 0x81, 4]),
  Buffer.from([0x42, 0xf3, 0x81, 8, 0x42, 0x82, 0x84]),
  Buffer.from('webm'),
  Buffer.alloc(200)
]);

describe('drafts of every kind', () => {
  let d: Drafts;
  beforeAll(async () => {
    d = await startDrafts({ attachmentMaxBytes: CEILING, attachmentKindBytes: { image: IMAGE_LIMIT } });
  });
  afterAll(() => d.stop());

  it.each([
    ['Word', officeFile('word'), 'brief.png', /wordprocessingml/],
    ['PowerPoint', officeFile('ppt'), 'deck.pdf', /presentationml/],
    ['Excel', officeFile('xl'), 'budget', /spreadsheetml/],
    ['a plain ZIP', zipOf({ 'a.txt': 'a' }), 'assets.docx', /^application\/zip$/],
    ['a two-page PDF', pdfOf(2), 'pages.zip', /^application\/pdf$/],
    ['a WebM video', WEBM, 'clip.mp4', /^video\/webm$/]
  ])('stores %s under the type its content shows, not its name', async (_, body, name, type) => {
    const res = await upload(d, d.editor, { body, name });
    expect(res.status).toBe(201);
    const { attachmentId } = (await res.json()) as { attachmentId: string };
    const served = await download(d, d.viewer, attachmentId, 1);
    expect(served.headers.get('content-type')).toMatch(type);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(body)).toBe(true);
  });

  it('serves a video in byte ranges, so a player can seek, and only to members', async () => {
    const { attachmentId } = (await (await upload(d, d.editor, { body: WEBM, name: 'cut.webm' })).json()) as {
      attachmentId: string;
    };
    const part = await download(d, d.viewer, attachmentId, 1, { range: 'bytes=4-11' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${WEBM.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(WEBM.subarray(4, 12))).toBe(true);
    const past = await download(d, d.viewer, attachmentId, 1, { range: `bytes=${WEBM.length}-` });
    expect(past.status).toBe(416);
    expect((await download(d, d.stranger, attachmentId, 1, { range: 'bytes=0-' })).status).toBe(403);
  });

  it('holds an image to the image limit while a ZIP of the same size passes', async () => {
    const before = await stored(d);
    const size = IMAGE_LIMIT + KiB;
    const image = await upload(d, d.editor, {
      body: Buffer.concat([PNG, Buffer.alloc(size)]),
      name: 'big.png'
    });
    expect(image.status).toBe(413);
    expect((await image.json()).error).toMatchObject({ code: 'too-large', limit: IMAGE_LIMIT });
    expect(await stored(d)).toEqual(before);
    const zip = zipOf({ 'big.bin': 'x'.repeat(size) });
    expect((await upload(d, d.editor, { body: zip, name: 'big.zip' })).status).toBe(201);
  });

  it('refuses anything past the ceiling, whatever it is', async () => {
    const fresh = await startDrafts({ attachmentMaxBytes: 16 * KiB });
    try {
      const zip = zipOf({ 'big.bin': 'x'.repeat(20 * KiB) });
      const res = await upload(fresh, fresh.editor, { body: zip, name: 'big.zip' });
      expect(res.status).toBe(413);
      expect((await res.json()).error.limit).toBe(16 * KiB);
      expect(await stored(fresh)).toEqual(NOTHING);
    } finally {
      await fresh.stop();
    }
  });
});
