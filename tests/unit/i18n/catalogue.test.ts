import { describe, expect, it } from 'vitest';
import { en } from '#lib/i18n/en';
import { zhCN } from '#lib/i18n/zh-CN';

type Area = Record<string, Record<string, string>>;

// Every area file of each language (zh-CN.<area>.ts, en.<area>.ts). The catalogues are merged
// from them by spreading, where a key written in two areas would silently take the later text.
const zhAreas = import.meta.glob<Area>('../../../src/lib/i18n/zh-CN.*.ts', { eager: true });
const enAreas = import.meta.glob<Area>('../../../src/lib/i18n/en.*.ts', { eager: true });

/** Each area's keys, by the area's name (`board` for zh-CN.board.ts and en.board.ts). */
function areaKeys(areas: Record<string, Area>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(areas).map(([file, exports]) => [
      /\.([a-z]+)\.ts$/.exec(file)?.[1] ?? file,
      Object.values(exports)
        .flatMap((messages) => Object.keys(messages))
        .sort()
    ])
  );
}

describe('the message catalogues', () => {
  it('say every message in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each([
    ['zh-CN', zhAreas, zhCN],
    ['en', enAreas, en]
  ] as const)('are merged from %s areas that each write a message once', (_, areas, catalogue) => {
    const written = Object.values(areaKeys(areas)).flat();
    expect(Object.keys(areas).length).toBeGreaterThan(1);
    expect(written.filter((key, i) => written.indexOf(key) !== i)).toEqual([]);
    expect(written.sort()).toEqual(Object.keys(catalogue).sort());
  });

  it('give each English area the keys of its Chinese area', () => {
    expect(areaKeys(enAreas)).toEqual(areaKeys(zhAreas));
  });
});
