import { describe, expect, it } from 'vitest';
import {
  insertMention,
  mentionCandidates,
  mentionQueryAt,
  mentionsIn,
  segments
} from '#lib/components/comments/comment-text';

const MIA = { userId: 'u-mia', name: 'Mia Wong' };
const MI = { userId: 'u-mi', name: 'Mi' };
const ZHANG = { userId: 'u-zs', name: '张三' };
const PEOPLE = [MIA, MI, ZHANG];

describe('comment text: what a person typed stays text', () => {
  it('keeps script tags and HTML as plain text', () => {
    for (const text of [
      '<script>window.__x=1</script><b>bold</b>',
      '<img src=x onerror="alert(1)">',
      '&lt;b&gt; &amp; <!-- -->'
    ]) {
      expect(segments(text, PEOPLE)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('never links other schemes (javascript:, data:, vbscript:, protocol-relative)', () => {
    for (const text of [
      'javascript:alert(1)',
      'JAVASCRIPT://%0aalert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox(1)',
      '//evil.test/x',
      'javascript:alert("http://x.test")'
    ]) {
      const links = segments(text).filter((s) => s.kind === 'link');
      expect(
        links.every((l) => l.kind === 'link' && /^https?:\/\//i.test(l.href)),
        text
      ).toBe(true);
      expect(
        segments(text)
          .map((s) => s.text)
          .join('')
      ).toBe(text);
    }
  });

  it('stops a link at quotes and angle brackets', () => {
    const [, link] = segments('x https://a.test/"onmouseover="alert(1)');
    expect(link).toEqual({ kind: 'link', text: 'https://a.test/', href: 'https://a.test/' });
    expect(segments('<a href="https://a.test/x">')[1]).toMatchObject({ href: 'https://a.test/x' });
  });
});

describe('comment text: links', () => {
  it('makes http(s) links, leaving sentence punctuation outside', () => {
    expect(segments('见 https://example.com/a?b=1。谢谢')).toEqual([
      { kind: 'text', text: '见 ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '。谢谢' }
    ]);
    for (const [typed, href] of [
      ['(see http://x.test/p).', 'http://x.test/p'],
      ['see https://x.test/brief.', 'https://x.test/brief'],
      ['https://x.test/a, https://x.test/b!', 'https://x.test/a'],
      ['"https://x.test/q?a=1"', 'https://x.test/q?a=1']
    ] as const) {
      expect(
        segments(typed).find((s) => s.kind === 'link'),
        typed
      ).toMatchObject({ href });
    }
  });

  it('keeps a closing parenthesis the link itself opened', () => {
    const text = 'https://en.wikipedia.org/wiki/Poster_(design).';
    expect(segments(text)[0]).toMatchObject({ href: 'https://en.wikipedia.org/wiki/Poster_(design)' });
  });

  it('gives back exactly the typed text when the segments are joined', () => {
    const text = 'a https://x.test/(b)), @Mia Wong: see http://y.test?q=1;\nthanks @张三';
    expect(
      segments(text, PEOPLE)
        .map((s) => s.text)
        .join('')
    ).toBe(text);
  });
});

describe('comment text: mentions', () => {
  it('highlights @ + the exact name of a mentioned person, longest name first', () => {
    expect(segments('@Mia Wong please check, @Mi too', PEOPLE)).toEqual([
      { kind: 'mention', text: '@Mia Wong', userId: 'u-mia' },
      { kind: 'text', text: ' please check, ' },
      { kind: 'mention', text: '@Mi', userId: 'u-mi' },
      { kind: 'text', text: ' too' }
    ]);
    expect(segments('请 @张三 看一下', PEOPLE)[1]).toEqual({
      kind: 'mention',
      text: '@张三',
      userId: 'u-zs'
    });
  });

  it('leaves lookalike mentions as text', () => {
    for (const text of [
      '@Mia Wongx', // a longer name
      '@mia wong', // another spelling
      '@Міа Wong', // Cyrillic і and а
      '@Mia\u200bWong', // a zero-width space
      'mia@Mia Wong', // an address, not a mention
      '@张三丰', // someone else whose name starts alike
      '@Boss' // nobody by that name was mentioned
    ]) {
      expect(
        segments(text, [MIA, ZHANG]).some((s) => s.kind === 'mention'),
        text
      ).toBe(false);
    }
  });

  it('does not treat an @ inside a link as a mention', () => {
    const parts = segments('https://x.test/@Mi/profile', PEOPLE);
    expect(parts).toEqual([
      { kind: 'link', text: 'https://x.test/@Mi/profile', href: 'https://x.test/@Mi/profile' }
    ]);
  });

  it('finds the ids a text mentions, once each', () => {
    expect(mentionsIn('@Mi and @Mia Wong, again @Mi', PEOPLE)).toEqual(['u-mi', 'u-mia']);
    expect(mentionsIn('no one here', PEOPLE)).toEqual([]);
  });
});

describe('mention autocomplete', () => {
  it('finds the @query being typed before the caret', () => {
    expect(mentionQueryAt('hi @Mi', 6)).toEqual({ start: 3, query: 'Mi' });
    expect(mentionQueryAt('hi @Mia W', 9)).toEqual({ start: 3, query: 'Mia W' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail mia@x', 10)).toBeNull();
    expect(mentionQueryAt('@Mi\nnext', 8)).toBeNull();
    expect(mentionQueryAt('no at sign', 5)).toBeNull();
  });

  it('offers names starting with the query before names containing it', () => {
    const people = [{ userId: 'a', name: 'Tom Mills' }, MIA, MI];
    expect(mentionCandidates(people, 'mi').map((p) => p.userId)).toEqual(['u-mia', 'u-mi', 'a']);
    expect(mentionCandidates(people, 'zz')).toEqual([]);
  });

  it('replaces the query with the picked name and puts the caret after it', () => {
    const text = 'hi @mi, look';
    expect(insertMention(text, { start: 3, query: 'mi' }, 6, 'Mia Wong')).toEqual({
      text: 'hi @Mia Wong , look',
      caret: 13
    });
  });
});
