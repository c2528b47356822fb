/**
 * Recurring plans: a board's rules for cards that come back every month or week (SC-004's sales
 * plan due on the 26th, 001's weekly peak-season review). A rule is a plain value in the root
 * `recurring` (rule id → RecurringRule), written by managers (fields.ts) and read by everyone,
 * so the list is live on every screen; the server makes the cards (server/recurring).
 *
 * Each occurrence belongs to a period ('YYYY-MM' for monthly rules, the Monday 'YYYY-MM-DD' of
 * the week for weekly ones), which is what the server claims once per rule: the date may move
 * to a working day in another period, the period never moves.
 */
import { shiftToWorkingDay, NON_WORKING_SHIFTS, type CalendarId, type NonWorkingShift } from '../calendar';
import { addDays, addMonths, compareDates, weekday } from './dates';
import { LIMITS } from './schema';
import { cleanName } from './transact';

/** When a rule comes back: a day of each month (a short month uses its last day), or a weekday (1 = Monday … 7 = Sunday). */
export type Recurrence = { kind: 'monthly'; day: number } | { kind: 'weekly'; weekday: number };

export interface RecurringRule {
  /** The title each card gets, followed by its period. */
  title: string;
  /** The stage the card is made in; absent: the board's first stage. */
  stageId?: string;
  every: Recurrence;
  /** When the day falls on a day off by the board's calendar. */
  nonWorking: NonWorkingShift;
  /** Calendar days before its date the card is made (0: on the day). */
  leadDays: number;
  paused: boolean;
}

export interface RecurringRuleView extends RecurringRule {
  id: string;
}

export const RECURRING_LIMITS = { rules: 50, leadDays: 60, title: 100 } as const;

const int = (v: unknown, lo: number, hi: number): v is number =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

function cleanRecurrence(value: unknown): Recurrence | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'monthly' && int(v.day, 1, 31)) return { kind: 'monthly', day: v.day };
  if (v.kind === 'weekly' && int(v.weekday, 1, 7)) return { kind: 'weekly', weekday: v.weekday };
  return null;
}

/** The rule as a board stores it, or null when it is not one (the server's check compares the two). */
export function cleanRecurringRule(value: unknown): RecurringRule | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const title = typeof v.title === 'string' ? cleanName(v.title, RECURRING_LIMITS.title) : null;
  const every = cleanRecurrence(v.every);
  const shift = NON_WORKING_SHIFTS.find((s) => s === v.nonWorking);
  if (!title || !every || !shift || !int(v.leadDays, 0, RECURRING_LIMITS.leadDays)) return null;
  if (typeof v.paused !== 'boolean') return null;
  const stageId = typeof v.stageId === 'string' && v.stageId.length <= 64 ? v.stageId : undefined;
  if (v.stageId !== undefined && stageId === undefined) return null;
  return {
    title,
    ...(stageId ? { stageId } : {}),
    every,
    nonWorking: shift,
    leadDays: v.leadDays,
    paused: v.paused
  };
}

/** One occurrence of a rule: its period (what the server claims once) and the day it is due. */
export interface Occurrence {
  period: string;
  due: string;
  /** The day the card is made: `leadDays` before it is due. */
  makeOn: string;
}

/** The period `date` lies in, for a recurrence of that kind. */
function periodOf(every: Recurrence, date: string): string {
  if (every.kind === 'monthly') return date.slice(0, 7);
  return addDays(date, -((weekday(date) + 6) % 7)); // the Monday of its week
}

/** The occurrence of `period`, by the board's calendar. */
function occurrenceOf(rule: RecurringRule, period: string, calendar: CalendarId): Occurrence {
  let day: string;
  if (rule.every.kind === 'monthly') {
    // addMonths keeps the day or the month's last: the 31st of April is the 30th.
    const first = `${period}-01`;
    const last = addDays(addMonths(first, 1), -1);
    day = addDays(first, Math.min(rule.every.day, Number(last.slice(8))) - 1);
  } else {
    day = addDays(period, rule.every.weekday - 1);
  }
  const due = shiftToWorkingDay(day, rule.nonWorking, calendar);
  return { period, due, makeOn: addDays(due, -rule.leadDays) };
}

/** The period after `period`. */
function nextPeriod(every: Recurrence, period: string): string {
  return every.kind === 'monthly' ? addMonths(`${period}-01`, 1).slice(0, 7) : addDays(period, 7);
}

/**
 * The occurrences whose card is to be made on `today`: made on or after their make-on day and
 * not yet past due. The period before today's is looked at too, because a shift to the working
 * day after can carry its date past the period's end. A day the server missed entirely (down
 * from make-on to due) is not made late: a plan for a month already over helps nobody.
 */
export function dueOccurrences(rule: RecurringRule, today: string, calendar: CalendarId): Occurrence[] {
  if (rule.paused) return [];
  const out: Occurrence[] = [];
  const start = periodOf(rule.every, addDays(today, -40));
  for (let p = start, i = 0; i < 20; p = nextPeriod(rule.every, p), i++) {
    const o = occurrenceOf(rule, p, calendar);
    if (compareDates(o.makeOn, today) > 0) break;
    if (compareDates(o.due, today) >= 0) out.push(o);
  }
  return out;
}

/** The next day a rule is due on or after `today` (what the list shows), or null while paused. */
export function nextDue(rule: RecurringRule, today: string, calendar: CalendarId): string | null {
  if (rule.paused) return null;
  const start = periodOf(rule.every, addDays(today, -40));
  for (let p = start, i = 0; i < 20; p = nextPeriod(rule.every, p), i++) {
    const o = occurrenceOf(rule, p, calendar);
    if (compareDates(o.due, today) >= 0) return o.due;
  }
  return null;
}

/** The title of the card of one occurrence: the rule's title and its period (月度销售计划 2026-12). */
export function occurrenceTitle(rule: RecurringRule, o: Occurrence): string {
  const when = rule.every.kind === 'monthly' ? o.period : o.due;
  return `${rule.title} ${when}`.slice(0, LIMITS.cardTitle);
}
