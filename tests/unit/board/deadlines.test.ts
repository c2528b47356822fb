import { describe, expect, it } from 'vitest';
import { cardDeadlines as deadlinesBy, type DeadlineStage, type TimeRule } from '#lib/board';

type Args = Parameters<typeof deadlinesBy>;
/** These rules count Monday to Friday; tests/unit/calendar pins mainland China's calendar. */
const cardDeadlines = (card: Args[0], stages: Args[1], today: Args[2]) =>
  deadlinesBy(card, stages, today, 'mon-fri');

/** Local noon of a date, as a card's enteredAt. */
const at = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
};

const stages = (...rules: (TimeRule | null)[]): DeadlineStage[] =>
  rules.map((timeRule, i) => ({ id: `s${i}`, timeRule }));

const late = (...args: Parameters<typeof cardDeadlines>) => cardDeadlines(...args).filter((d) => d.late);

describe('overdue rules', () => {
  it('days in a stage count calendar days across a month end', () => {
    const board = stages({ kind: 'stage-days', days: 3, working: false });
    const card = { stageId: 's0', enteredAt: at('2026-01-30'), date: null };
    expect(cardDeadlines(card, board, '2026-02-02')).toEqual([
      expect.objectContaining({ due: '2026-02-02', late: false })
    ]);
    expect(late(card, board, '2026-02-03')).toHaveLength(1);
  });

  it('working days in a stage skip the weekend', () => {
    const board = stages({ kind: 'stage-days', days: 2, working: true });
    // Entered on a Friday: two working days end on Tuesday.
    const card = { stageId: 's0', enteredAt: at('2026-11-20'), date: null };
    expect(cardDeadlines(card, board, '2026-11-24')[0]).toMatchObject({ due: '2026-11-24', late: false });
    expect(late(card, board, '2026-11-25')).toHaveLength(1);
  });

  it('the 26th-of-the-month rule falls due on the next 26th after entering, across a year end', () => {
    const board = stages({ kind: 'monthly', day: 26 });
    const card = { stageId: 's0', enteredAt: at('2026-12-27'), date: null };
    expect(cardDeadlines(card, board, '2027-01-26')[0]).toMatchObject({ due: '2027-01-26', late: false });
    expect(late(card, board, '2027-01-27')).toHaveLength(1);
    const early = { stageId: 's0', enteredAt: at('2026-12-03'), date: null };
    expect(late(early, board, '2026-12-27')).toHaveLength(1);
  });

  it('a lead time before the card date is late for a card that has not reached the stage', () => {
    // Holiday promotion: work must start 50 days before the holiday (2026-11-11 → 2026-09-22).
    const board = stages(null, { kind: 'start-by', amount: 50, unit: 'days' });
    const planning = { stageId: 's0', enteredAt: at('2026-09-01'), date: '2026-11-11' };
    expect(late(planning, board, '2026-09-22')).toHaveLength(0);
    expect(late(planning, board, '2026-09-23')).toEqual([
      expect.objectContaining({ stageId: 's1', due: '2026-09-22' })
    ]);
    const started = { stageId: 's1', enteredAt: at('2026-09-20'), date: '2026-11-11' };
    expect(late(started, board, '2026-10-30')).toHaveLength(0);
  });

  it('a card that entered after its start-by date started late', () => {
    // A video request needs 10 working days before the date needed.
    const board = stages({ kind: 'start-by', amount: 10, unit: 'working-days' });
    const inTime = { stageId: 's0', enteredAt: at('2026-11-16'), date: '2026-11-30' };
    expect(late(inTime, board, '2026-11-20')).toHaveLength(0);
    const tooLate = { stageId: 's0', enteredAt: at('2026-11-17'), date: '2026-11-30' };
    expect(late(tooLate, board, '2026-11-17')).toEqual([expect.objectContaining({ startedLate: true })]);
  });

  it('a finish-by lead time counted in months clamps to the month end', () => {
    const board = stages({ kind: 'finish-by', amount: 1, unit: 'months' });
    const card = { stageId: 's0', enteredAt: at('2026-01-10'), date: '2026-03-31' };
    expect(cardDeadlines(card, board, '2026-02-28')[0]).toMatchObject({ due: '2026-02-28', late: false });
    expect(late(card, board, '2026-03-01')).toHaveLength(1);
  });

  it('rules of stages the card has passed no longer apply, and a card without a date has no lead time', () => {
    const board = stages({ kind: 'finish-by', amount: 5, unit: 'days' }, null);
    expect(
      cardDeadlines({ stageId: 's1', enteredAt: at('2026-01-01'), date: '2026-01-02' }, board, '2026-06-01')
    ).toEqual([]);
    expect(
      cardDeadlines({ stageId: 's0', enteredAt: at('2026-01-01'), date: null }, board, '2026-06-01')
    ).toEqual([]);
  });
});
