import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX, cleanFileName, inlineDisposition } from '#server/attachments/fileName';

describe('the name a file is shown under', () => {
  it('keeps only the last path segment, whichever separator', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\drafts\\海报 v1.png')).toBe('海报 v1.png');
  });

  it('drops control characters and direction overrides that disguise an extension', () => {
    expect(cleanFileName('a\u0000b\nc\u007f.png')).toBe('abc.png');
    expect(cleanFileName('draft\u202egnp.exe')).toBe('draftgnp.exe');
  });

  it('is bounded in characters without splitting one', () => {
    expect(cleanFileName('x'.repeat(500))).toHaveLength(FILE_NAME_MAX);
    const emoji = cleanFileName('😀'.repeat(300));
    expect([...emoji]).toHaveLength(FILE_NAME_MAX);
    expect(emoji.endsWith('😀')).toBe(true);
  });

  it('falls back to "draft" when nothing usable is left', () => {
    for (const name of [null, undefined, 42, '', '   ', '/', 'dir/', '..', '.', '\u0001']) {
      expect(cleanFileName(name)).toBe('draft');
    }
  });
});

describe('the download’s Content-Disposition', () => {
  it('is inline with an ASCII fallback and the UTF-8 name percent-encoded', () => {
    expect(inlineDisposition('海报 v1.png')).toBe(
      `inline; filename="__ v1.png"; filename*=UTF-8''%E6%B5%B7%E6%8A%A5%20v1.png`
    );
  });

  it('lets no quote, semicolon or backslash of the name into the header raw', () => {
    const header = inlineDisposition('a"; filename=evil.html;\\(x)\'.png');
    expect(header).toBe(
      `inline; filename="a__ filename=evil.html__(x)'.png"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%5C%28x%29%27.png`
    );
  });
});
