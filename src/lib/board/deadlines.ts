/**
 * Which time rules apply to a card right now, when each falls due, and whether the card is late.
 * Pure and deterministic: callers pass "today" (the viewer's local date) and the board's working
 * calendar, so the same card reads the same on every screen in one time zone, and tests can stand
 * on any date.
 */
import { addWorkingDays, type CalendarId } from '../calendar';
import { addDays, addMonths, compareDates, localDate, nextDayOfMonth } from './dates';
import { conditionHolds, type CardFieldValue } from './card-fields';
import type { LeadUnit, TimeRule } from './rules';

export interface DeadlineStage {
  id: string;
  timeRule: TimeRule | null;
}

export interface DeadlineCard {
  stageId: string;
  /** When the card entered its stage, ms since the epoch. */
  enteredAt: number;
  /** The card's date ('YYYY-MM-DD'), which lead times count back from, or null. */
  date: string | null;
  /** The card's field values, which a conditional rule (`if`) reads; absent: none filled. */
  fields?: Readonly<Record<string, CardFieldValue>>;
}

export interface Deadline {
  /** The stage whose rule this is. */
  stageId: string;
  rule: TimeRule;
  /** The last date on which the card is still on time. */
  due: string;
  late: boolean;
  /** For a start-by rule of the card's own stage: it entered after the date (it started late). */
  startedLate?: boolean;
}

/** `date` moved back by a lead time. */
export function leadDate(date: string, amount: number, unit: LeadUnit, calendar: CalendarId): string {
  switch (unit) {
    case 'days':
      return addDays(date, -amount);
    case 'working-days':
      return addWorkingDays(date, -amount, calendar);
    case 'months':
      return addMonths(date, -amount);
  }
}

/**
 * The deadlines that still matter for a card: the rule of the stage it is in, and the lead times
 * of stages it has not reached yet (a card still planning 40 days before the holiday is already
 * late for the stage that had to start 50 days before). Rules of stages behind it are done with.
 */
export function cardDeadlines(
  card: DeadlineCard,
  stages: readonly DeadlineStage[],
  today: string,
  calendar: CalendarId
): Deadline[] {
  const at = Math.max(
    0,
    stages.findIndex((s) => s.id === card.stageId)
  );
  const entered = localDate(card.enteredAt);
  const out: Deadline[] = [];
  stages.forEach((stage, i) => {
    const rule = stage.timeRule;
    if (!rule || i < at) return;
    // A conditional rule (design review's 10 working days: video requests only) binds only cards it names.
    if (rule.if && !conditionHolds(rule.if, card.fields ?? {}, card.date)) return;
    const own = i === at;
    const push = (due: string, late: boolean, startedLate?: boolean) =>
      out.push({ stageId: stage.id, rule, due, late, ...(startedLate ? { startedLate } : {}) });
    switch (rule.kind) {
      case 'stage-days': {
        if (!own) return;
        const due = rule.working ? addWorkingDays(entered, rule.days, calendar) : addDays(entered, rule.days);
        push(due, compareDates(today, due) > 0);
        return;
      }
      case 'monthly': {
        if (!own) return;
        const due = nextDayOfMonth(entered, rule.day);
        push(due, compareDates(today, due) > 0);
        return;
      }
      case 'finish-by': {
        if (!card.date) return;
        const due = leadDate(card.date, rule.amount, rule.unit, calendar);
        push(due, compareDates(today, due) > 0);
        return;
      }
      case 'start-by': {
        if (!card.date) return;
        const due = leadDate(card.date, rule.amount, rule.unit, calendar);
        if (own) {
          const late = compareDates(entered, due) > 0;
          push(due, late, late);
        } else push(due, compareDates(today, due) > 0);
        return;
      }
    }
  });
  return out;
}
