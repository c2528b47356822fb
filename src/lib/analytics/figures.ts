/**
 * The board's charts as numbers, from its stage history (history.ts): cumulative flow, time per
 * stage, revision rounds and weekly throughput. Pure: "today" and the day a moment falls on are
 * passed in, so the figures are the same on every machine and tests stand on any date.
 */
import { addDays, compareDates, weekday } from '../board/dates';
import type { StageHistory, Stay } from './history';

const DAY_MS = 86_400_000;

/** The day ('YYYY-MM-DD') a moment falls on, in the reader's time zone. */
export type DayOf = (ms: number) => string;

export interface FlowSeries {
  /** Each day from the first stay to today. */
  days: string[];
  /** Stage id → cards standing in it at the end of each day (same length as `days`). */
  counts: Record<string, number[]>;
}

/** Most days a flow diagram shows: the last ones up to today. */
export const FLOW_DAYS_MAX = 366;

/**
 * Cumulative flow: how many cards stood in each stage at the end of each day (a stay counts on
 * the days it covers at their end: entered on or before that day, not left by then).
 */
export function cumulativeFlow(
  history: StageHistory,
  stageIds: readonly string[],
  today: string,
  dayOf: DayOf
): FlowSeries {
  const counts: Record<string, number[]> = {};
  const stays = history.stays.filter((s) => stageIds.includes(s.stageId));
  if (stays.length === 0) return { days: [], counts: Object.fromEntries(stageIds.map((id) => [id, []])) };
  let start = stays.reduce(
    (min, s) => (compareDates(dayOf(s.entered), min) < 0 ? dayOf(s.entered) : min),
    today
  );
  if (compareDates(start, addDays(today, -(FLOW_DAYS_MAX - 1))) < 0)
    start = addDays(today, -(FLOW_DAYS_MAX - 1));
  const days: string[] = [];
  for (let d = start; compareDates(d, today) <= 0; d = addDays(d, 1)) days.push(d);
  for (const id of stageIds) counts[id] = days.map(() => 0);
  for (const s of stays) {
    const from = dayOf(s.entered);
    // Standing at the end of a day: left on a later day, or not at all.
    const to = s.left === null ? null : dayOf(s.left);
    const row = counts[s.stageId] as number[];
    days.forEach((d, i) => {
      if (compareDates(from, d) <= 0 && (to === null || compareDates(to, d) > 0)) row[i] = (row[i] ?? 0) + 1;
    });
  }
  return { days, counts };
}

export interface StageTime {
  stageId: string;
  /** Finished stays counted. */
  stays: number;
  /** In days (fractional), null without a finished stay. */
  median: number | null;
  p85: number | null;
}

/** The median (mean of the two middle values for an even count) of sorted values. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] as number;
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** The p-th percentile by nearest rank: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/**
 * Time per stage over finished stays (a card still in a stage has not told how long it takes).
 * `workingDays`, when given, counts the working days a stay spans instead of calendar time.
 */
export function stageTimes(
  history: StageHistory,
  stageIds: readonly string[],
  workingDays?: (entered: number, left: number) => number
): StageTime[] {
  const byStage = new Map<string, number[]>(stageIds.map((id) => [id, []]));
  for (const s of history.stays) {
    if (s.left === null) continue;
    const length = workingDays ? workingDays(s.entered, s.left) : (s.left - s.entered) / DAY_MS;
    byStage.get(s.stageId)?.push(length);
  }
  return stageIds.map((stageId) => {
    const values = (byStage.get(stageId) ?? []).sort((a, b) => a - b);
    return { stageId, stays: values.length, median: median(values), p85: percentile(values, 85) };
  });
}

export interface Revisions {
  /** Card id → times sent back, for cards sent back at least once. */
  perCard: Record<string, number>;
  /** Stage id → send-backs from that stage. */
  perStage: Record<string, number>;
}

/** Revision rounds: each send-back is a round, counted for its card and the stage it left. */
export function revisionRounds(history: StageHistory, stageIds: readonly string[]): Revisions {
  const perCard: Record<string, number> = {};
  const perStage: Record<string, number> = Object.fromEntries(stageIds.map((id) => [id, 0]));
  for (const s of history.sentBack) {
    perCard[s.cardId] = (perCard[s.cardId] ?? 0) + 1;
    const n = perStage[s.fromStage];
    if (n !== undefined) perStage[s.fromStage] = n + 1;
  }
  return { perCard, perStage };
}

export interface WeekCount {
  /** The Monday the week starts on. */
  week: string;
  cards: number;
}

/** The Monday of the week `day` falls in. */
export function weekOf(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/**
 * Throughput: cards reaching `lastStageId` per week (Monday to Sunday), each card once a week
 * however often it came back, every week from the first arrival to today's (empty ones too).
 */
export function weeklyThroughput(
  history: StageHistory,
  lastStageId: string | undefined,
  today: string,
  dayOf: DayOf
): WeekCount[] {
  const arrivals = new Map<string, Set<string>>();
  const reached = (s: Stay) => s.stageId === lastStageId && !s.restored;
  for (const s of history.stays) {
    if (!reached(s)) continue;
    const week = weekOf(dayOf(s.entered));
    const set = arrivals.get(week) ?? new Set<string>();
    set.add(s.cardId);
    arrivals.set(week, set);
  }
  if (arrivals.size === 0) return [];
  const first = [...arrivals.keys()].sort()[0] as string;
  const out: WeekCount[] = [];
  for (let w = first; compareDates(w, weekOf(today)) <= 0; w = addDays(w, 7)) {
    out.push({ week: w, cards: arrivals.get(w)?.size ?? 0 });
  }
  return out;
}
