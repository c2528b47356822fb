/**
 * How urgent a card's own date looks on its face, as Trello colours it: done once the card is in
 * the last stage, overdue once the day has passed, soon on the day and the working day before (by
 * the board's calendar: on Friday, or on the last day before a holiday, Monday's date is soon).
 */
import { addWorkingDays, type CalendarId } from '../calendar';
import { compareDates } from './dates';

export type DueStatus = 'done' | 'overdue' | 'soon' | 'later';

/** The status of a due `date` seen on `today` (both 'YYYY-MM-DD'); `done` when the card is finished. */
export function dueStatus(date: string, today: string, done: boolean, calendar: CalendarId): DueStatus {
  if (done) return 'done';
  if (compareDates(date, today) < 0) return 'overdue';
  return compareDates(date, soonUntil(today, calendar)) <= 0 ? 'soon' : 'later';
}

/** The last date that counts as due soon on `today`: the next working day by the calendar. */
export function soonUntil(today: string, calendar: CalendarId): string {
  return addWorkingDays(today, 1, calendar);
}

/** True when the card sits in the board's last stage, which is where finished cards go. */
export function inLastStage(stageId: string, stages: readonly { id: string }[]): boolean {
  return stages.length > 0 && stages[stages.length - 1]!.id === stageId;
}
