import { describe, expect, it } from 'vitest';
import { sniffType } from '../../../server/attachments/sniff';
import { cleanFileName } from '../../../server/attachments/AttachmentService';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('what an upload is, by its first bytes', () => {
  it('knows the five draft types', () => {
    expect(sniffType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(bytes('GIF89a', [1, 0]))).toBe('image/gif');
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses lookalikes, truncated headers and everything else', () => {
    for (const head of [
      bytes([0x89], 'PNG'), // cut short
      bytes('RIFF', [0, 0, 0, 0], 'WAVE'), // audio
      bytes('<svg onload=alert(1)>'),
      bytes('<!DOCTYPE html>'),
      bytes('%PD'),
      new Uint8Array()
    ]) {
      expect(sniffType(head)).toBeNull();
    }
  });
});

describe('the name a file is shown under', () => {
  it('keeps only the last path segment, without control characters, bounded', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\drafts\\海报 v1.png')).toBe('海报 v1.png');
    expect(cleanFileName('a\u0000b\nc.png')).toBe('abc.png');
    expect(cleanFileName('x'.repeat(500))).toHaveLength(200);
    expect(cleanFileName(null)).toBe('draft');
  });
});
