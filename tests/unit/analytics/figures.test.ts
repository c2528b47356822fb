import { describe, expect, it } from 'vitest';
import {
  boardInsights,
  median,
  percentile,
  stageStays,
  weekOf,
  type CardNow,
  type StageEvent
} from '#lib/analytics';

/** Day `d` after Monday 2026-11-02, at `h` o'clock UTC. */
const T = (d: number, h: number) => Date.UTC(2026, 10, 2 + d, h);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const stages = [
  { id: 'a', name: '策划', altName: 'Plan' },
  { id: 'b', name: '审批', altName: 'Review' },
  { id: 'c', name: '完成', altName: 'Done' }
];

/*
 * The fixture board, worked out by hand (days are 2026-11-02 + d, UTC):
 * X: created in a d0 09:00, to b d2 09:00, to c d3 21:00.
 * Y: created in a d0 12:00, to b d1 12:00, sent back b→a d2 12:00, to b d4 12:00, to c d8 12:00.
 * Z: created in a d1 09:00, archived d5 09:00.
 * W: no entry in the log (seeded): in b since its createdAt d1 00:00.
 * V: created in a d6 09:00; its move to c is missing from the log, the document says it entered
 *    c at d7 09:00.
 */
const events: StageEvent[] = [
  { cardId: 'X', at: T(0, 9), kind: 'card.created', toStage: 'a' },
  { cardId: 'Y', at: T(0, 12), kind: 'card.created', toStage: 'a' },
  { cardId: 'Z', at: T(1, 9), kind: 'card.created', toStage: 'a' },
  { cardId: 'Y', at: T(1, 12), kind: 'card.moved', fromStage: 'a', toStage: 'b' },
  { cardId: 'X', at: T(2, 9), kind: 'card.moved', fromStage: 'a', toStage: 'b' },
  { cardId: 'Y', at: T(2, 12), kind: 'card.sent-back', fromStage: 'b', toStage: 'a' },
  { cardId: 'X', at: T(3, 21), kind: 'card.moved', fromStage: 'b', toStage: 'c' },
  { cardId: 'Y', at: T(4, 12), kind: 'card.moved', fromStage: 'a', toStage: 'b' },
  { cardId: 'Z', at: T(5, 9), kind: 'card.archived' },
  { cardId: 'V', at: T(6, 9), kind: 'card.created', toStage: 'a' },
  { cardId: 'Y', at: T(8, 12), kind: 'card.moved', fromStage: 'b', toStage: 'c' }
];
const card = (id: string, stageId: string, createdAt: number, enteredAt: number, archived = false) => ({
  id,
  title: `card ${id}`,
  stageId,
  createdAt,
  enteredAt,
  archived
});
const cards = [
  card('X', 'c', T(0, 9), T(3, 21)),
  card('Y', 'c', T(0, 12), T(8, 12)),
  card('Z', 'a', T(1, 9), T(1, 9), true),
  card('W', 'b', T(1, 0), T(1, 0)),
  card('V', 'c', T(6, 9), T(7, 9))
];
const today = '2026-11-10';

describe('board insights of a board with known history', () => {
  const insights = boardInsights({ title: 'B', stages, events, cards, today, dayOf });

  it('counts the cards standing in each stage at the end of every day (cumulative flow)', () => {
    expect(insights.flow.days).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
      '2026-11-09',
      '2026-11-10'
    ]);
    expect(insights.flow.counts).toEqual({
      a: [2, 2, 2, 2, 1, 0, 1, 0, 0],
      b: [0, 2, 2, 1, 2, 2, 2, 2, 1],
      c: [0, 0, 0, 1, 1, 1, 1, 2, 3]
    });
  });

  it('gives the median and 85th percentile of finished stays per stage, in days', () => {
    // a: X 2, Y 1, Y 2, Z 4, V 1 → [1, 1, 2, 2, 4]; b: X 1.5, Y 1, Y 4 → [1, 1.5, 4]; c: none finished.
    expect(insights.times).toEqual([
      { stageId: 'a', stays: 5, median: 2, p85: 4 },
      { stageId: 'b', stays: 3, median: 1.5, p85: 4 },
      { stageId: 'c', stays: 0, median: null, p85: null }
    ]);
  });

  it('counts revision rounds per card and per stage sent back from', () => {
    expect(insights.revisions.cards).toEqual([{ id: 'Y', title: 'card Y', rounds: 1 }]);
    expect(insights.revisions.perStage).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('counts cards reaching the last stage per week, Monday first', () => {
    expect(insights.throughput).toEqual([
      { week: '2026-11-02', cards: 1 },
      { week: '2026-11-09', cards: 2 }
    ]);
  });
});

describe('stage history', () => {
  it('resumes a restored card in its stage without counting it as arriving', () => {
    const log: StageEvent[] = [
      { cardId: 'R', at: T(0, 0), kind: 'card.created', toStage: 'c' },
      { cardId: 'R', at: T(1, 0), kind: 'card.archived' },
      { cardId: 'R', at: T(9, 0), kind: 'card.restored' }
    ];
    const now: CardNow[] = [
      { id: 'R', stageId: 'c', createdAt: T(0, 0), enteredAt: T(0, 0), archived: false }
    ];
    const history = stageStays(log, now);
    expect(history.stays).toEqual([
      { cardId: 'R', stageId: 'c', entered: T(0, 0), left: T(1, 0) },
      { cardId: 'R', stageId: 'c', entered: T(9, 0), left: null, restored: true }
    ]);
    const figures = boardInsights({
      title: 'B',
      stages,
      events: log,
      cards: [{ ...now[0]!, title: 'R' }],
      today: '2026-11-16',
      dayOf
    });
    expect(figures.throughput).toEqual([
      { week: '2026-11-02', cards: 1 },
      { week: '2026-11-09', cards: 0 },
      { week: '2026-11-16', cards: 0 }
    ]);
  });

  it('starts a card the log first sees moving in the stage it left, at its creation', () => {
    const log: StageEvent[] = [
      { cardId: 'S', at: T(3, 0), kind: 'card.moved', fromStage: 'a', toStage: 'b' }
    ];
    const now: CardNow[] = [
      { id: 'S', stageId: 'b', createdAt: T(1, 0), enteredAt: T(3, 0), archived: false }
    ];
    expect(stageStays(log, now).stays).toEqual([
      { cardId: 'S', stageId: 'a', entered: T(1, 0), left: T(3, 0) },
      { cardId: 'S', stageId: 'b', entered: T(3, 0), left: null }
    ]);
  });

  it('ends a deleted card’s stay and forgets it', () => {
    const log: StageEvent[] = [
      { cardId: 'D', at: T(0, 0), kind: 'card.created', toStage: 'a' },
      { cardId: 'D', at: T(2, 0), kind: 'card.deleted' }
    ];
    expect(stageStays(log, []).stays).toEqual([
      { cardId: 'D', stageId: 'a', entered: T(0, 0), left: T(2, 0) }
    ]);
  });
});

describe('statistics', () => {
  it('takes the median as the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('takes the 85th percentile by nearest rank', () => {
    expect(percentile([5], 85)).toBe(5);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        85
      )
    ).toBe(17);
    expect(percentile([1, 2, 3, 4, 5, 6, 7], 85)).toBe(6);
  });

  it('starts weeks on Monday', () => {
    expect(weekOf('2026-11-08')).toBe('2026-11-02');
    expect(weekOf('2026-11-09')).toBe('2026-11-09');
  });
});
