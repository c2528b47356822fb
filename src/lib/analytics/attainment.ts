/**
 * Attainment of finished campaigns (001 五 监测指标: 目标达成率): the cards standing in a board's
 * last stage that set targets, each target's attainment and the card's mean over the targets
 * measured. A card finished when it entered the last stage, which is what the period filters on.
 */
import type * as Y from 'yjs';
import { readBoard } from '../board/read';
import { roots } from '../board/schema';
import { attainment, readTargets, type TargetKind } from '../board/targets';
import { currencyOf } from '../board/budget';
import { inPeriod, type Period } from './period';
import type { DayOf } from './figures';

export interface TargetResult {
  id: string;
  name: string;
  kind: TargetKind;
  unit: string;
  target: number;
  actual: number | null;
  /** actual ÷ target, or null before it is measured (or for a target of zero). */
  attainment: number | null;
}

export interface FinishedCampaign {
  cardId: string;
  title: string;
  assignees: string[];
  /** When it entered the last stage (ms). */
  finishedAt: number;
  /** The board's currency, for money targets. */
  currency: string;
  targets: TargetResult[];
  /** Mean attainment over the targets measured, or null when none is. */
  mean: number | null;
}

/** The board's finished cards with targets, finished on a day (`dayOf`) within `period`. */
export function finishedCampaigns(
  doc: Y.Doc,
  period: Pick<Period, 'from' | 'to'>,
  dayOf: DayOf
): FinishedCampaign[] {
  const board = readBoard(doc);
  const last = board.stages.at(-1);
  if (!last) return [];
  const currency = currencyOf(roots(doc).meta);
  const out: FinishedCampaign[] = [];
  for (const card of board.columns.get(last.id) ?? []) {
    if (!inPeriod(dayOf(card.enteredAt), period)) continue;
    const map = roots(doc).cards.get(card.id);
    const targets = map ? readTargets(map) : [];
    if (targets.length === 0) continue;
    const results = targets.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      unit: t.unit,
      target: t.target,
      actual: t.actual ?? null,
      attainment: attainment(t)
    }));
    out.push({
      cardId: card.id,
      title: card.title,
      assignees: card.assignees,
      finishedAt: card.enteredAt,
      currency,
      targets: results,
      mean: meanOf(results.map((r) => r.attainment))
    });
  }
  return out.sort((a, b) => b.finishedAt - a.finishedAt);
}

/** The mean of the numbers given (nulls skipped), or null when there are none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}
