import { describe, expect, it } from 'vitest';
import { distinctColors, groupPeople, presenceOf, toPeer } from '#lib/sync/presence';
import { PRESENCE_COLORS } from '#lib/wire/presence-colors';

const [red, orange, yellow] = PRESENCE_COLORS as [string, string, string];
const state = (id: string, name: string, color: string, extra: object = {}) => ({
  user: { id, name, color },
  ...extra
});

describe('presence colours', () => {
  it('keeps each account colour unless someone with a lower id has it, then takes the next free one', () => {
    const colors = distinctColors([
      { key: 'u2', color: red },
      { key: 'u1', color: red },
      { key: 'u3', color: orange }
    ]);
    expect(colors.get('u1')).toBe(red);
    expect(colors.get('u2')).toBe(yellow);
    expect(colors.get('u3')).toBe(orange);
  });

  it('gives every one of eight people their own colour even when all hashed to one', () => {
    const people = Array.from({ length: 8 }, (_, i) => ({ key: `u${i}`, color: red }));
    expect(new Set(distinctColors(people).values()).size).toBe(8);
  });

  it('is the same for every viewer, whatever order their states arrive in', () => {
    const people = [
      { key: 'b', color: red },
      { key: 'a', color: red },
      { key: 'c', color: red }
    ];
    expect([...distinctColors(people)].sort()).toEqual([...distinctColors([...people].reverse())].sort());
  });
});

describe('people present', () => {
  it('shows a person with two tabs once, with what they drag and edit in either', () => {
    const peers = [
      toPeer(11, state('u1', 'Mia', red, { dragging: 'c1' }))!,
      toPeer(12, state('u2', 'Eli', red))!,
      toPeer(10, state('u1', 'Mia', red, { editing: 'c2' }))!
    ];
    const people = groupPeople(peers);
    expect(people.map((p) => p.user.name)).toEqual(['Mia', 'Eli']);
    expect(people[0]).toMatchObject({ clientIds: [10, 11], dragging: ['c1'], editing: ['c2'] });
  });

  it('leaves the reader’s own other tabs out of the others, and colours everyone apart', () => {
    const states = new Map<number, unknown>([
      [1, state('me', 'Ada', red)],
      [2, state('me', 'Ada', red)],
      [3, state('u9', 'Mia', red)],
      [4, { user: 'not a user' }]
    ]);
    const { self, peers } = presenceOf(states, 1);
    expect(self?.user).toMatchObject({ id: 'me', color: red });
    expect(peers.map((p) => [p.clientId, p.user.name, p.user.color])).toEqual([[3, 'Mia', orange]]);
  });
});
