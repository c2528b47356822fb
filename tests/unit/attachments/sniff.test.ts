import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffType } from '#server/attachments/sniff';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** The start of a real file of each allowed type, as long as the sniffer reads. */
const HEADS = {
  'image/png': bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1]),
  'image/gif': bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0]),
  'image/webp': bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  'application/pdf': bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj')
} as const;

/** How many leading bytes identify each type: any shorter prefix must not pass. */
const SIGNATURE_LENGTH = {
  'image/png': 8,
  'image/jpeg': 3,
  'image/gif': 6,
  'image/webp': 12,
  'application/pdf': 5
};

describe('what an upload is, judged by its first bytes', () => {
  it.each(Object.entries(HEADS))('recognises %s', (type, head) => {
    expect(head.length).toBeGreaterThanOrEqual(SNIFF_BYTES);
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
    ['PostScript', bytes('%!PS-Adobe-3.0')],
    ['"%PDF" without its dash', bytes('%PDF1.7')],
    ['a PDF after a byte-order mark', bytes([0xef, 0xbb, 0xbf], '%PDF-1.7')],
    ['SVG, which can carry script', bytes('<svg onload=alert(1)>')],
    ['HTML', bytes('<!DOCTYPE html><script>')],
    ['a ZIP (an Office file)', bytes('PK', [3, 4, 20, 0])],
    ['an empty file', new Uint8Array()]
  ])('refuses %s', (_, head) => {
    expect(sniffType(head)).toBeNull();
  });
});
