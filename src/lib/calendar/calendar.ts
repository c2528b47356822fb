/**
 * Working days by a board's calendar: mainland China's (public holidays and 调休 make-up days)
 * or plain Monday to Friday. Isomorphic and over 'YYYY-MM-DD' strings like `board/dates.ts`, so
 * the browser, the server's notices and the recurring plans count the same days.
 */
import { addDays, compareDates, weekday } from '../board/dates';
import { isCnHoliday, isCnMakeUpDay } from './cn-mainland';

export const CALENDAR_IDS = ['cn-mainland', 'mon-fri'] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];

/** What a board without a stored choice counts: boards from before calendars kept Monday–Friday. */
export const DEFAULT_CALENDAR: CalendarId = 'mon-fri';

export function isCalendarId(value: unknown): value is CalendarId {
  return typeof value === 'string' && (CALENDAR_IDS as readonly string[]).includes(value);
}

/** True when people work on `date` by `calendar`. */
export function isWorkingDay(date: string, calendar: CalendarId): boolean {
  if (calendar === 'cn-mainland') {
    if (isCnMakeUpDay(date)) return true;
    if (isCnHoliday(date)) return false;
  }
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * `date` moved by `n` working days: +1 from a Friday is the Monday, -1 from a Monday the
 * Friday before. A day off as start counts from there, so +1 from a Saturday is Monday.
 */
export function addWorkingDays(date: string, n: number, calendar: CalendarId): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let cur = date;
  while (left > 0) {
    cur = addDays(cur, step);
    if (isWorkingDay(cur, calendar)) left--;
  }
  return cur;
}

/**
 * Working days from `from` to `to`: forward, those after `from` up to and including `to`;
 * backward (negative), those from `to` up to but not including `from`. Either way
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`, as `addWorkingDays` counts the days it steps on.
 */
export function workingDaysBetween(from: string, to: string, calendar: CalendarId): number {
  const back = compareDates(to, from) < 0;
  const [first, last] = back ? [to, addDays(from, -1)] : [addDays(from, 1), to];
  let count = 0;
  for (let cur = first; compareDates(cur, last) <= 0; cur = addDays(cur, 1)) {
    if (isWorkingDay(cur, calendar)) count++;
  }
  return back ? -count : count;
}

/** What to do with a date that falls on a day off: the working day before, after, or keep it. */
export type NonWorkingShift = 'before' | 'after' | 'keep';
export const NON_WORKING_SHIFTS: readonly NonWorkingShift[] = ['before', 'after', 'keep'];

/** `date`, or the nearest working day before or after it when it is a day off. */
export function shiftToWorkingDay(date: string, shift: NonWorkingShift, calendar: CalendarId): string {
  if (shift === 'keep' || isWorkingDay(date, calendar)) return date;
  return addWorkingDays(date, shift === 'before' ? -1 : 1, calendar);
}
