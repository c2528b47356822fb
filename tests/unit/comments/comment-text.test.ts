import { describe, expect, it } from 'vitest';
import { segments } from '../../../src/lib/components/comments/comment-text';

describe('comment text', () => {
  it('keeps markup as plain text', () => {
    const text = '<script>alert(1)</script><b>bold</b>';
    expect(segments(text)).toEqual([{ kind: 'text', text }]);
  });

  it('makes http(s) links, leaving sentence punctuation outside', () => {
    expect(segments('见 https://example.com/a?b=1。谢谢')).toEqual([
      { kind: 'text', text: '见 ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '。谢谢' }
    ]);
    expect(segments('(see http://x.test/p).')[1]).toEqual({
      kind: 'link',
      text: 'http://x.test/p',
      href: 'http://x.test/p'
    });
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'JAVASCRIPT://%0aalert(1)']) {
      expect(segments(text).every((s) => s.kind === 'text')).toBe(true);
    }
  });

  it('stops a link at quotes and angle brackets', () => {
    const [, link] = segments('x https://a.test/"onmouseover="alert(1)');
    expect(link).toEqual({ kind: 'link', text: 'https://a.test/', href: 'https://a.test/' });
  });
});
