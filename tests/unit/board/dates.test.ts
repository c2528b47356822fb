import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, localDate, nextDayOfMonth } from '#lib/board';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
  });

  it('moves across month and year ends by calendar days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-11', -50)).toBe('2026-09-22');
  });

  it('does not shift a date across a daylight-saving change', () => {
    // 2026-03-29 is the EU spring-forward Sunday; date arithmetic must not care.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('moves by months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('finds the next given day of the month, clamped in short months', () => {
    expect(nextDayOfMonth('2026-11-22', 26)).toBe('2026-11-26');
    expect(nextDayOfMonth('2026-11-26', 26)).toBe('2026-11-26');
    expect(nextDayOfMonth('2026-11-27', 26)).toBe('2026-12-26');
    expect(nextDayOfMonth('2026-12-27', 26)).toBe('2027-01-26');
    expect(nextDayOfMonth('2026-04-15', 31)).toBe('2026-04-30');
    expect(nextDayOfMonth('2026-01-31', 30)).toBe('2026-02-28');
  });

  it('reads an instant as the local calendar date', () => {
    expect(localDate(new Date(2026, 0, 31, 23, 59).getTime())).toBe('2026-01-31');
    expect(localDate(new Date(2026, 1, 1, 0, 1).getTime())).toBe('2026-02-01');
  });
});
