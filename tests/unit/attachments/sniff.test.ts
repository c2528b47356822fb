import { describe, expect, it } from 'vitest';
import { draftLimits, DEFAULT_KIND_BYTES } from '#server/attachments/draftLimits';
import { needsMoreBytes, sniffType } from '#server/attachments/sniff';
import { officeFile, pdfOf, zipOf } from '#tests/helpers/draftFiles';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** The start of a real file of each allowed type, as long as the sniffer reads. */
const HEADS = {
  'image/png': bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1]),
  'image/gif': bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0]),
  'image/webp': bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  'application/pdf': bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'),
  'video/mp4': bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]),
  'video/quicktime': bytes([0, 0, 0, 0x14], 'ftypqt  ', [0x20, 0x05, 3, 0]),
  'image/vnd.adobe.photoshop': bytes('8BPS', [0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 0]),
  'application/postscript': bytes('%!PS-Adobe-3.0 EPSF-3.0'),
  'application/vnd.ms-office': bytes(
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    [0, 0, 0, 0, 0, 0, 0, 0]
  )
} as const;

/** How many leading bytes identify each type: any shorter prefix must not pass. */
const SIGNATURE_LENGTH = {
  'image/png': 8,
  'image/jpeg': 3,
  'image/gif': 6,
  'image/webp': 12,
  'application/pdf': 5,
  'video/mp4': 12,
  'video/quicktime': 12,
  'image/vnd.adobe.photoshop': 6,
  'application/postscript': 11,
  'application/vnd.ms-office': 8
};

/** The EBML header of a WebM (as Chromium's MediaRecorder writes it), and of a Matroska file. */
const ebml = (docType: string) =>
  bytes(
    [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0xf7, 0x81, 1, 0x42, 0xf2, 0x81, 4],
    [0x42, 0xf3, 0x81, 8, 0x42, 0x82, 0x80 | docType.length],
    docType,
    [0x42, 0x87, 0x81, 4],
    new Array(40).fill(0)
  );

describe('what an upload is, judged by its first bytes', () => {
  it.each(Object.entries(HEADS))('recognises %s', (type, head) => {
    expect(needsMoreBytes(head)).toBe(false);
    expect(sniffType(head)).toBe(type);
    // A file as short as its signature is still that type.
    expect(sniffType(head.subarray(0, SIGNATURE_LENGTH[type as keyof typeof HEADS]))).toBe(type);
  });

  it.each(Object.entries(HEADS))('refuses a %s header cut short', (type, head) => {
    for (let n = 0; n < SIGNATURE_LENGTH[type as keyof typeof HEADS]; n++) {
      expect(sniffType(head.subarray(0, n)), `${n} bytes`).toBeNull();
    }
  });

  it.each([
    ['a PNG signature with its line endings swapped', bytes([0x89], 'PNG', [0x0a, 0x0d, 0x1a, 0x0a])],
    ['"PNG" as text', bytes('PNG image.png')],
    ['a JPEG start without the marker byte', bytes([0xff, 0xd8, 0x00, 0xe0])],
    ['a GIF of a version that does not exist', bytes('GIF88a', [1, 0])],
    ['a lowercase GIF signature', bytes('gif89a', [1, 0])],
    ['a RIFF file that is audio', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['a RIFF file with WEBP in the wrong place', bytes('RIFFWEBP', [0, 0, 0, 0])],
    ["PostScript that is not Adobe's structured kind", bytes('%!PS\n/Times findfont')],
    ['a Photoshop header of no version', bytes('8BPS', [0, 3, 0, 0, 0, 0])],
    ['an ISO file that is audio', bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 2, 0])],
    ['an ISO file that is a HEIC photo', bytes([0, 0, 0, 0x20], 'ftypheic', [0, 0, 2, 0])],
    ['a Matroska file', ebml('matroska')],
    ['"%PDF" without its dash', bytes('%PDF1.7')],
    ['a PDF after a byte-order mark', bytes([0xef, 0xbb, 0xbf], '%PDF-1.7')],
    ['SVG, which can carry script', bytes('<svg onload=alert(1)>')],
    ['HTML', bytes('<!DOCTYPE html><script>')],
    ['a ZIP signature cut short', bytes('PK', [3])],
    ['an empty file', new Uint8Array()]
  ])('refuses %s', (_, head) => {
    expect(sniffType(head)).toBeNull();
  });
});

describe('containers judged by what they hold', () => {
  it('tells Word, PowerPoint and Excel apart by their ZIP entries, and a plain ZIP from them', () => {
    expect(sniffType(officeFile('word'))).toMatch(/wordprocessingml/);
    expect(sniffType(officeFile('ppt'))).toMatch(/presentationml/);
    expect(sniffType(officeFile('xl'))).toMatch(/spreadsheetml/);
    const plain = zipOf({ 'brief.txt': 'hello', 'word.txt': 'not a folder' });
    expect(sniffType(plain)).toBe('application/zip');
    // An empty archive is only its end record.
    expect(sniffType(bytes('PK', [5, 6], new Array(18).fill(0)))).toBe('application/zip');
  });

  it('reads on through a ZIP until an Office entry shows, and no further', () => {
    const docx = officeFile('word');
    const at = docx.indexOf('word/');
    expect(needsMoreBytes(docx.subarray(0, at))).toBe(true);
    expect(needsMoreBytes(docx.subarray(0, at + 5))).toBe(false);
    expect(needsMoreBytes(pdfOf(1).subarray(0, 16))).toBe(false);
  });

  it('knows a WebM by its DocType, after reading its EBML header', () => {
    const webm = ebml('webm');
    expect(needsMoreBytes(webm.subarray(0, 20))).toBe(true);
    expect(needsMoreBytes(webm)).toBe(false);
    expect(sniffType(webm)).toBe('video/webm');
  });
});

describe('size limits by kind of draft', () => {
  it('holds each kind to its own limit, and every kind to the ceiling', () => {
    const limits = draftLimits(DEFAULT_KIND_BYTES.video, { pdf: 1024 });
    expect(limits.forType('image/png')).toBe(DEFAULT_KIND_BYTES.image);
    expect(limits.forType('video/webm')).toBe(DEFAULT_KIND_BYTES.video);
    expect(limits.forType('application/pdf')).toBe(1024);
    const small = draftLimits(4096);
    expect(small.forType('video/mp4')).toBe(4096);
    expect(small.forType('image/png')).toBe(4096);
  });
});
