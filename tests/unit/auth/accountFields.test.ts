import { describe, expect, it } from 'vitest';
import { cleanDisplayName, colorForUser, normaliseEmail } from '#server/auth/accountFields';
import { isAuthRequestError } from '#server/auth/AuthRequestError';

/** The refusal code of a call, or a failure when it did not refuse. */
function code(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (isAuthRequestError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('account fields', () => {
  it('store an email trimmed and lowercased, so Ann@Example.com and ann@example.com are one account', () => {
    expect(normaliseEmail('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
    expect(normaliseEmail('admin@localhost')).toBe('admin@localhost');
  });

  it('refuse what is not an email, or hides characters in it', () => {
    for (const bad of [
      '',
      'ann',
      'ann@',
      '@example.com',
      'a b@example.com',
      'a@@b.com',
      'a@b..com',
      42,
      null
    ]) {
      expect(code(() => normaliseEmail(bad))).toBe('invalid-email');
    }
    expect(code(() => normaliseEmail('ann\u202e@example.com'))).toBe('invalid-email');
    expect(code(() => normaliseEmail(`${'a'.repeat(64)}@${'b'.repeat(190)}.com`))).toBe('invalid-email');
  });

  it('default a display name to the part of the email before the @, cut to 60 characters', () => {
    expect(cleanDisplayName(undefined, 'ann.lee@example.com')).toBe('ann.lee');
    expect(cleanDisplayName('   ', 'ann@example.com')).toBe('ann');
    expect(cleanDisplayName(null, `${'x'.repeat(64)}@example.com`)).toBe('x'.repeat(60));
  });

  it('fold whitespace in a display name and keep it to 1–60 visible characters', () => {
    expect(cleanDisplayName('  李 \n 雷 ', 'li@example.com')).toBe('李 雷');
    expect(cleanDisplayName('名'.repeat(60), 'a@b.c')).toBe('名'.repeat(60));
    expect(code(() => cleanDisplayName('名'.repeat(61), 'a@b.c'))).toBe('invalid-name');
    expect(code(() => cleanDisplayName('Ann\u0000', 'a@b.c'))).toBe('invalid-name');
    expect(code(() => cleanDisplayName('\u202eAnn', 'a@b.c'))).toBe('invalid-name');
    expect(code(() => cleanDisplayName(7, 'a@b.c'))).toBe('invalid-name');
  });

  it('refuse a name or an email with a character that hides or reorders text: NUL, C1 controls, bidi marks, overrides and isolates', () => {
    for (const hidden of [
      '\u0000',
      '\u0085',
      '\u009b',
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069'
    ]) {
      expect(
        code(() => cleanDisplayName(`Ann${hidden}Lee`, 'a@b.c')),
        JSON.stringify(hidden)
      ).toBe('invalid-name');
      expect(
        code(() => normaliseEmail(`ann${hidden}@example.com`)),
        JSON.stringify(hidden)
      ).toBe('invalid-email');
    }
    // Scripts written right to left are names like any other; only the invisible controls are refused.
    expect(cleanDisplayName('مريم', 'a@b.c')).toBe('مريم');
  });

  it('give each user a palette colour fixed by the id', () => {
    expect(colorForUser('user-1')).toBe(colorForUser('user-1'));
    expect(colorForUser('user-1')).toMatch(/^#[0-9a-f]{6}$/);
    const spread = new Set(Array.from({ length: 64 }, (_, i) => colorForUser(`user-${i}`)));
    expect(spread.size).toBeGreaterThan(4);
  });
});
