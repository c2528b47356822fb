import { describe, expect, it } from 'vitest';
import { safeNext } from '#server/http/auth-form';

describe('where signing in or up goes next', () => {
  it('goes on after sign-in only to a path on this site', () => {
    for (const good of ['/invite/abc', '/boards/x?card=1', '/']) expect(safeNext(good)).toBe(good);
    for (const bad of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil',
      'x/y'
    ]) {
      expect(safeNext(bad)).toBeNull();
    }
  });
});
