import { describe, expect, it } from 'vitest';
import { byteRange } from '#server/attachments/byteRange';

describe('the byte range a video seek asks for', () => {
  it.each([
    ['bytes=0-', { start: 0, end: 999 }],
    ['bytes=100-199', { start: 100, end: 199 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }]
  ])('serves %s', (header, range) => {
    expect(byteRange(header, 1000)).toEqual(range);
  });

  it.each([[null], ['bytes=0-1,5-6'], ['items=0-1'], ['bytes=-'], ['bytes=5-1'], ['bytes=a-b']])(
    'sends the whole file for %s',
    (header) => {
      expect(byteRange(header, 1000)).toBeNull();
    }
  );

  it('refuses a range past the end', () => {
    expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
});
