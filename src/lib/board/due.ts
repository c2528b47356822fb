/**
 * How urgent a card's own date looks on its face, as Trello colours it: done once the card is in
 * the last stage, overdue once the day has passed, soon on the day and the day before.
 */
import { addDays, compareDates } from './dates';

export type DueStatus = 'done' | 'overdue' | 'soon' | 'later';

/** The status of a due `date` seen on `today` (both 'YYYY-MM-DD'); `done` when the card is finished. */
export function dueStatus(date: string, today: string, done: boolean): DueStatus {
  if (done) return 'done';
  if (compareDates(date, today) < 0) return 'overdue';
  return compareDates(date, addDays(today, 1)) <= 0 ? 'soon' : 'later';
}

/** True when the card sits in the board's last stage, which is where finished cards go. */
export function inLastStage(stageId: string, stages: readonly { id: string }[]): boolean {
  return stages.length > 0 && stages[stages.length - 1]!.id === stageId;
}
