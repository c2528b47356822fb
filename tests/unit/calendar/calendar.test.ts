import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardDeadlines, dueStatus, initBoard, readBoard, setBoardCalendar } from '#lib/board';
import {
  addWorkingDays,
  CN_DATA_LAST_YEAR,
  isWorkingDay,
  shiftToWorkingDay,
  workingDaysBetween
} from '#lib/calendar';
import { boardInitFromTemplate, findBuiltinTemplate } from '#lib/templates';

// The dates are the State Council's 2026 arrangement (国办发明电〔2025〕7号), as chinese-days 1.5.7 lists it.
describe('mainland China working calendar, 2026', () => {
  it('National Day week is off, 10-01 to 10-07, and Sunday 09-20 and Saturday 10-10 are worked', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`, 'cn-mainland')).toBe(false);
    expect(isWorkingDay('2026-10-08', 'cn-mainland')).toBe(true); // Thursday, back at work
    expect(isWorkingDay('2026-09-20', 'cn-mainland')).toBe(true); // Sunday made up
    expect(isWorkingDay('2026-10-10', 'cn-mainland')).toBe(true); // Saturday made up
    expect(isWorkingDay('2026-10-11', 'cn-mainland')).toBe(false); // an ordinary Sunday
    // Monday to Friday knows none of it.
    expect(isWorkingDay('2026-10-05', 'mon-fri')).toBe(true);
    expect(isWorkingDay('2026-10-10', 'mon-fri')).toBe(false);
  });

  it('Spring Festival is off 02-15 to 02-23, with Saturdays 02-14 and 02-28 worked', () => {
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(`2026-02-${d}`, 'cn-mainland')).toBe(false);
    expect(isWorkingDay('2026-02-14', 'cn-mainland')).toBe(true);
    expect(isWorkingDay('2026-02-28', 'cn-mainland')).toBe(true);
    expect(isWorkingDay('2026-02-24', 'cn-mainland')).toBe(true);
    expect(isWorkingDay('2026-02-21', 'mon-fri')).toBe(false);
    expect(isWorkingDay('2026-02-16', 'mon-fri')).toBe(true);
  });

  it('counts working days across the holidays and onto the make-up days', () => {
    // Wednesday 09-30 + 1 working day: the holiday and the weekend are skipped, Thursday 10-08.
    expect(addWorkingDays('2026-09-30', 1, 'cn-mainland')).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 1, 'mon-fri')).toBe('2026-10-01');
    // Friday 10-09 + 1 is the make-up Saturday.
    expect(addWorkingDays('2026-10-09', 1, 'cn-mainland')).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-08', -1, 'cn-mainland')).toBe('2026-09-30');
    // Friday 02-13 + 1 is Saturday 02-14 (worked), + 2 skips the whole festival to 02-24.
    expect(addWorkingDays('2026-02-13', 1, 'cn-mainland')).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, 'cn-mainland')).toBe('2026-02-24');
    // Ten working days back from Monday 10-19 (a design review's lead time): 10-16…10-12, Saturday
    // 10-10, 10-09, 10-08, then over the holiday to 09-30 and 09-29.
    expect(addWorkingDays('2026-10-19', -10, 'cn-mainland')).toBe('2026-09-29');
    expect(addWorkingDays('2026-10-19', -10, 'mon-fri')).toBe('2026-10-05');
  });

  it('measures the working days between two dates, the inverse of adding them', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-08', 'cn-mainland')).toBe(1);
    expect(workingDaysBetween('2026-09-30', '2026-10-08', 'mon-fri')).toBe(6);
    expect(workingDaysBetween('2026-10-08', '2026-09-30', 'cn-mainland')).toBe(-1);
    expect(workingDaysBetween('2026-10-01', '2026-10-01', 'cn-mainland')).toBe(0);
    for (const n of [-25, -10, -1, 1, 3, 10, 40]) {
      for (const from of ['2026-02-10', '2026-09-28', '2026-10-05']) {
        expect(workingDaysBetween(from, addWorkingDays(from, n, 'cn-mainland'), 'cn-mainland')).toBe(n);
      }
    }
  });

  it('moves a day off to the working day before or after, or keeps it', () => {
    expect(shiftToWorkingDay('2026-10-03', 'before', 'cn-mainland')).toBe('2026-09-30');
    expect(shiftToWorkingDay('2026-10-03', 'after', 'cn-mainland')).toBe('2026-10-08');
    expect(shiftToWorkingDay('2026-10-03', 'keep', 'cn-mainland')).toBe('2026-10-03');
    expect(shiftToWorkingDay('2026-10-10', 'before', 'cn-mainland')).toBe('2026-10-10');
    expect(shiftToWorkingDay('2026-10-03', 'before', 'mon-fri')).toBe('2026-10-02');
  });

  it('does not depend on the time zone the process runs in', () => {
    // chinese-days' own isWorkday reads a local weekday; ours must not (run under TZ=America/New_York too).
    expect(isWorkingDay('2026-10-12', 'cn-mainland')).toBe(true);
    expect(isWorkingDay('2026-11-21', 'cn-mainland')).toBe(false);
  });

  it('covers 2026 at least; later years count Monday to Friday until the package lists them', () => {
    expect(CN_DATA_LAST_YEAR).toBeGreaterThanOrEqual(2026);
  });
});

describe('a board counts by its calendar', () => {
  it('new boards from built-in templates count mainland China; old boards Monday to Friday', () => {
    const template = findBuiltinTemplate('design-review')!;
    const doc = new Y.Doc();
    initBoard(doc, boardInitFromTemplate(template, '设计评审'));
    expect(readBoard(doc).meta.calendar).toBe('cn-mainland');
    const old = new Y.Doc();
    initBoard(old, { title: 'Old', stages: [{ name: 'A' }] });
    expect(readBoard(old).meta.calendar).toBe('mon-fri');
    setBoardCalendar(old, 'cn-mainland');
    expect(readBoard(old).meta.calendar).toBe('cn-mainland');
  });

  it('a working-day time rule and the due mark skip National Day', () => {
    const stages = [{ id: 's0', timeRule: { kind: 'stage-days' as const, days: 2, working: true } }];
    const enteredAt = new Date(2026, 8, 30, 12).getTime(); // Wednesday 09-30, local noon
    const card = { stageId: 's0', enteredAt, date: null };
    expect(cardDeadlines(card, stages, '2026-10-08', 'cn-mainland')[0]).toMatchObject({
      due: '2026-10-09',
      late: false
    });
    expect(cardDeadlines(card, stages, '2026-10-08', 'mon-fri')[0]).toMatchObject({
      due: '2026-10-02',
      late: true
    });
    // On 09-30 a card due 10-08 is due on the next working day: soon.
    expect(dueStatus('2026-10-08', '2026-09-30', false, 'cn-mainland')).toBe('soon');
    expect(dueStatus('2026-10-08', '2026-09-30', false, 'mon-fri')).toBe('later');
  });
});
