/**
 * A board's insights as the API sends them and the charts page draws them: the four figures of
 * figures.ts over the board's stages, in the board's order.
 */
import { cumulativeFlow, revisionRounds, stageTimes, weeklyThroughput, type DayOf } from './figures';
import type { FlowSeries, StageTime, WeekCount } from './figures';
import { stageStays, type CardNow, type StageEvent } from './history';

export interface InsightsStage {
  id: string;
  name: string;
  /** The name in the other language (templates carry both). */
  altName: string;
}

export interface BoardInsights {
  /** The board's title now. */
  title: string;
  /** The day the figures run to. */
  today: string;
  stages: InsightsStage[];
  flow: FlowSeries;
  times: StageTime[];
  revisions: {
    /** Cards sent back at least once, most rounds first. */
    cards: { id: string; title: string; rounds: number }[];
    perStage: Record<string, number>;
  };
  throughput: WeekCount[];
}

export interface InsightsInput {
  title: string;
  stages: readonly InsightsStage[];
  events: readonly StageEvent[];
  cards: readonly (CardNow & { title: string })[];
  today: string;
  dayOf: DayOf;
}

/** Every figure of the charts page for one board. */
export function boardInsights({ title, stages, events, cards, today, dayOf }: InsightsInput): BoardInsights {
  const ids = stages.map((s) => s.id);
  const history = stageStays(events, cards);
  const revisions = revisionRounds(history, ids);
  const titles = new Map(cards.map((c) => [c.id, c.title]));
  return {
    title,
    today,
    stages: stages.map((s) => ({ ...s })),
    flow: cumulativeFlow(history, ids, today, dayOf),
    times: stageTimes(history, ids),
    revisions: {
      cards: Object.entries(revisions.perCard)
        .map(([id, rounds]) => ({ id, title: titles.get(id) ?? '', rounds }))
        .sort((a, b) => b.rounds - a.rounds || a.title.localeCompare(b.title)),
      perStage: revisions.perStage
    },
    throughput: weeklyThroughput(history, ids[ids.length - 1], today, dayOf)
  };
}
