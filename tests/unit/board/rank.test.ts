import { describe, expect, it } from 'vitest';
import { compareRanked, isRank, rankAtIndex, rankBetween, ranksBetween } from '#lib/board/rank';
import { pick, seededRandom } from '../../helpers/random';

describe('fractional ranks', () => {
  it('puts a rank strictly between its neighbours, open ends included', () => {
    const cases: [string | null, string | null][] = [
      [null, null],
      [null, 'i'],
      ['i', null],
      ['1', '2'],
      ['0i', '1'],
      ['az', 'b'],
      ['x', 'x5'],
      ['00001', '00002']
    ];
    for (const [a, b] of cases) {
      const r = rankBetween(a, b);
      expect(isRank(r), `${a}..${b} -> ${r}`).toBe(true);
      if (a !== null) expect(r > a, `${r} > ${a}`).toBe(true);
      if (b !== null) expect(r < b, `${r} < ${b}`).toBe(true);
    }
  });

  it('refuses bounds that are out of order', () => {
    expect(() => rankBetween('b', 'a')).toThrow(RangeError);
    expect(() => rankBetween('b', 'b')).toThrow(RangeError);
  });

  it('keeps order through thousands of random insertions and never ends a rank in 0', () => {
    const random = seededRandom(7);
    const ranks: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const at = pick(random, ranks.length + 1);
      const r = rankBetween(ranks[at - 1] ?? null, ranks[at] ?? null);
      ranks.splice(at, 0, r);
    }
    for (let i = 1; i < ranks.length; i++) expect(ranks[i - 1]! < ranks[i]!).toBe(true);
    expect(ranks.every(isRank)).toBe(true);
  });

  it('stays short when always appending or always prepending', () => {
    let top: string | null = null;
    let bottom: string | null = null;
    for (let i = 0; i < 1000; i++) {
      top = rankBetween(top, null);
      bottom = rankBetween(null, bottom);
    }
    expect(top!.length).toBeLessThan(40);
    expect(bottom!.length).toBeLessThan(80);
  });

  it('seeds many ascending ranks at once', () => {
    const ranks = ranksBetween(null, null, 50);
    expect(new Set(ranks).size).toBe(50);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('breaks rank ties by id so every replica sorts the same', () => {
    const items = [
      { id: 'b', rank: 'i' },
      { id: 'a', rank: 'i' },
      { id: 'c', rank: 'h' }
    ];
    expect([...items].sort(compareRanked).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('places after a tied run when no rank fits between equal neighbours', () => {
    const siblings = [{ rank: 'a' }, { rank: 'i' }, { rank: 'i' }, { rank: 'r' }];
    const r = rankAtIndex(siblings, 2);
    expect(r > 'i' && r < 'r').toBe(true);
    expect(rankAtIndex(siblings, 0) < 'a').toBe(true);
    expect(rankAtIndex(siblings, 99) > 'r').toBe(true);
  });

  it('never derives a malformed rank from a neighbour whose rank is malformed', () => {
    const siblings = [{ rank: 'i' }, { rank: '~' }];
    const r = rankAtIndex(siblings, 2);
    expect(isRank(r)).toBe(true);
    expect(r > 'i').toBe(true);
  });
});
