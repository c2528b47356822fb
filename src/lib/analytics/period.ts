/**
 * The periods the manager's page and the weekly digest are read over, as inclusive day ranges
 * ('YYYY-MM-DD'). Weeks start on Monday (as Chinese calendars and 周报 do). The server resolves a
 * period's name on its own "today", so a bookmarked ?period=month means this month when opened.
 */
import { addDays, addMonths, compareDates, weekday } from '../board/dates';

export const PERIODS = ['week', 'month', 'quarter', 'all'] as const;
export const DIGEST_PERIODS = ['last7', 'week', 'lastweek'] as const;
export type PeriodName = (typeof PERIODS)[number] | (typeof DIGEST_PERIODS)[number];

/** Days from `from` to `to`, both included; null is open-ended. */
export interface Period {
  name: PeriodName;
  from: string | null;
  to: string | null;
}

export function isPeriodName(value: unknown): value is PeriodName {
  return (
    (PERIODS as readonly unknown[]).includes(value) || (DIGEST_PERIODS as readonly unknown[]).includes(value)
  );
}

/** The named period around `today`. */
export function periodRange(name: PeriodName, today: string): Period {
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (name) {
    case 'last7':
      return { name, from: addDays(today, -6), to: today };
    case 'week':
      return { name, from: monday, to: addDays(monday, 6) };
    case 'lastweek':
      return { name, from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'month': {
      const first = `${y}-${String(m).padStart(2, '0')}-01`;
      return { name, from: first, to: addDays(addMonths(first, 1), -1) };
    }
    case 'quarter': {
      const first = `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
      return { name, from: first, to: addDays(addMonths(first, 3), -1) };
    }
    case 'all':
      return { name, from: null, to: null };
  }
}

/** True when `day` falls within the period. */
export function inPeriod(day: string, p: Pick<Period, 'from' | 'to'>): boolean {
  return (
    (p.from === null || compareDates(day, p.from) >= 0) && (p.to === null || compareDates(day, p.to) <= 0)
  );
}
