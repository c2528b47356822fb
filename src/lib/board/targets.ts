/**
 * A card's targets and results (001 五 活动监督与评估 and its 监测指标: 目标达成率, 转化率, ROI,
 * 成本控制): set at planning (a name, a unit, a target value) and measured at evaluation (the
 * actual). Each is a plain value under the card's `targets` map, keyed by target id, so two people
 * recording two actuals at once both keep theirs.
 *
 * A target has a kind, because what can be computed from it differs:
 * - `count` (到店人数, 线索数, 报名人数): attainment, and cost per result (spent ÷ actual);
 * - `money` (销售额, in integer fen like every amount): attainment, and return on spending (ROI);
 * - `percent` (转化率, 满意度, in percentage points): attainment only.
 */
import type * as Y from 'yjs';
import { isCommentId } from './comment-value';
import { BoardError } from './errors';
import { parseYuan } from './fen';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { compareRanked, isRank, rankBetween } from './rank';
import { CardKey, cardMap, childMap, type CardMap } from './schema';
import { cleanName, nameProblem, transact } from './transact';

export type TargetKind = 'count' | 'money' | 'percent';
export const TARGET_KINDS: readonly TargetKind[] = ['count', 'money', 'percent'];

export const TARGET_LIMITS = {
  targets: 20,
  name: 40,
  unit: 10,
  /** A count any campaign stays within; money is bounded in fen, percent by 10,000 points. */
  count: 1e12,
  money: 10_000_000_000_000,
  percent: 10_000
} as const;

/**
 * The targets 001's 监测指标 and the issue name, offered first (unit empty for money: the currency),
 * with the English a reader in English sees for the name and the unit.
 */
export const SUGGESTED_TARGETS: readonly {
  name: string;
  alt: string;
  kind: TargetKind;
  unit: string;
  unitAlt: string;
}[] = [
  { name: '销售额', alt: 'Sales', kind: 'money', unit: '', unitAlt: '' },
  { name: '到店人数', alt: 'Store visitors', kind: 'count', unit: '人', unitAlt: 'people' },
  { name: '线索数', alt: 'Leads', kind: 'count', unit: '条', unitAlt: 'leads' },
  { name: '转化率', alt: 'Conversion rate', kind: 'percent', unit: '%', unitAlt: '%' }
];

/** A target as stored under the card's `targets` map. `actual` is absent until measured. */
export interface TargetValue {
  name: string;
  kind: TargetKind;
  /** Shown after the numbers (人, 条, 份); empty for money, whose unit is the board's currency. */
  unit: string;
  target: number;
  actual?: number;
  rank: string;
}

export interface TargetView extends TargetValue {
  id: string;
}

/**
 * A target or actual from what a person typed, as stored: money in 元 becomes fen (parseYuan),
 * a count or a percentage a plain number ("1,200", "１２.５", "12.5%"); null when it is not one.
 */
export function parseTargetInput(kind: TargetKind, input: string): number | null {
  if (kind === 'money') {
    const fen = parseYuan(input);
    return fen !== null && targetNumberProblem(kind, fen) === null ? fen : null;
  }
  const text = input.normalize('NFKC').replace(/[,\s_]/g, '');
  const match = /^(\d{1,13}(?:\.\d{1,4})?)%?$/.exec(text);
  if (!match || (kind === 'count' && text.endsWith('%'))) return null;
  const value = Number(match[1]);
  return targetNumberProblem(kind, value) === null ? value : null;
}

/** Why `value` cannot be an amount of a `kind` target (a target or an actual), or null. */
export function targetNumberProblem(kind: TargetKind, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'a number, zero or more';
  if (kind === 'money')
    return Number.isSafeInteger(value) && value <= TARGET_LIMITS.money ? null : 'an amount in whole fen';
  return value <= TARGET_LIMITS[kind] ? null : `a number up to ${TARGET_LIMITS[kind]}`;
}

const KEYS = new Set(['name', 'kind', 'unit', 'target', 'actual', 'rank']);

/** Why a value is not a target as the operations store it, or null (the server asks this too). */
export function targetProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a target';
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => !KEYS.has(k))) return 'a target { name, kind, unit, target, actual?, rank }';
  const badName = nameProblem(v.name, TARGET_LIMITS.name);
  if (badName) return badName;
  if (!TARGET_KINDS.includes(v.kind as TargetKind)) return 'a target kind: count, money or percent';
  const kind = v.kind as TargetKind;
  if (nameProblem(v.unit, TARGET_LIMITS.unit, true))
    return `a unit of at most ${TARGET_LIMITS.unit} characters`;
  const badTarget = targetNumberProblem(kind, v.target);
  if (badTarget) return `a target value: ${badTarget}`;
  if (v.actual !== undefined) {
    const badActual = targetNumberProblem(kind, v.actual);
    if (badActual) return `an actual value: ${badActual}`;
  }
  return isRank(v.rank) ? null : 'a rank';
}

/** The card's `targets` map, if it has one. */
export function targetMapOf(card: CardMap): Y.Map<unknown> | undefined {
  const map = card.get(CardKey.targets);
  return map && typeof (map as Y.Map<unknown>).forEach === 'function' ? (map as Y.Map<unknown>) : undefined;
}

/** The card's targets, in order; values that are not targets are skipped. */
export function readTargets(card: CardMap): TargetView[] {
  const out: TargetView[] = [];
  targetMapOf(card)?.forEach((value, id) => {
    if (targetProblem(value) === null) out.push({ id, ...(value as TargetValue) });
  });
  return out.sort(compareRanked);
}

/** What a card's face knows of its targets: how many, how many measured. Null without targets. */
export interface ResultsFace {
  targets: number;
  measured: number;
}

/** The face's counts, read without building views or sorting (one map lookup for a card without targets). */
export function readResultsFace(card: CardMap): ResultsFace | null {
  const map = targetMapOf(card);
  if (!map || map.size === 0) return null;
  const face: ResultsFace = { targets: 0, measured: 0 };
  map.forEach((value) => {
    if (targetProblem(value) !== null) return;
    face.targets++;
    if ((value as TargetValue).actual !== undefined) face.measured++;
  });
  return face.targets ? face : null;
}

/** True when two faces count the same targets and actuals. */
export function sameResults(a: ResultsFace | null, b: ResultsFace | null): boolean {
  return a === b || (a !== null && b !== null && a.targets === b.targets && a.measured === b.measured);
}

/** 目标达成率 as a fraction (1 = met), or null before the actual is in or for a target of zero. */
export function attainment(t: Pick<TargetValue, 'target' | 'actual'>): number | null {
  return t.actual === undefined || t.target === 0 ? null : t.actual / t.target;
}

/** Fen spent per result of a count target (spent ÷ actual, rounded to the fen), or null. */
export function costPerResult(t: Pick<TargetValue, 'kind' | 'actual'>, spentFen: number): number | null {
  return t.kind === 'count' && t.actual !== undefined && t.actual > 0
    ? Math.round(spentFen / t.actual)
    : null;
}

/** Return on spending of a money target (actual ÷ spent: 3 means ¥3 back per ¥1 spent), or null. */
export function returnOnSpend(t: Pick<TargetValue, 'kind' | 'actual'>, spentFen: number): number | null {
  return t.kind === 'money' && t.actual !== undefined && spentFen > 0 ? t.actual / spentFen : null;
}

export interface TargetInput {
  name: string;
  kind: TargetKind;
  unit?: string;
  target: number;
}

/**
 * Adds a target (targetId null) or changes one's name, kind, unit and target value, keeping its
 * actual; returns its id. Changing the kind drops an actual measured in the old one.
 */
export function setTarget(
  doc: Y.Doc,
  cardId: string,
  targetId: string | null,
  input: TargetInput,
  origin?: BoardOrigin
): string {
  const card = cardMap(doc, cardId);
  const targets = readTargets(card);
  if (targetId !== null && !isCommentId(targetId)) throw new BoardError('invalid', 'Not a target id.');
  const existing = targetId === null ? undefined : targets.find((t) => t.id === targetId);
  if (targetId !== null && !existing) throw new BoardError('not-found', 'No such target.');
  if (!existing && targets.length >= TARGET_LIMITS.targets)
    throw new BoardError('too-many-items', `A card has at most ${TARGET_LIMITS.targets} targets.`);
  const value: TargetValue = {
    name: cleanName(input.name, TARGET_LIMITS.name) ?? '',
    kind: input.kind,
    unit: cleanName(input.unit ?? '', TARGET_LIMITS.unit) ?? '',
    target: input.target,
    rank: existing?.rank ?? rankBetween(targets[targets.length - 1]?.rank ?? null, null)
  };
  if (existing?.actual !== undefined && existing.kind === input.kind) value.actual = existing.actual;
  const problem = targetProblem(value);
  if (problem) throw new BoardError('invalid', `Not a target: ${problem}.`);
  const id = existing?.id ?? newId();
  transact(doc, origin, () => childMap(card, CardKey.targets).set(id, value));
  return id;
}

/** Records what a target reached (null clears it, for a figure entered by mistake). */
export function setActual(
  doc: Y.Doc,
  cardId: string,
  targetId: string,
  actual: number | null,
  origin?: BoardOrigin
): void {
  const card = cardMap(doc, cardId);
  const existing = readTargets(card).find((t) => t.id === targetId);
  if (!existing) throw new BoardError('not-found', 'No such target.');
  const { id: _id, actual: _old, ...value } = existing;
  const next: TargetValue = actual === null ? value : { ...value, actual };
  const problem = targetProblem(next);
  if (problem) throw new BoardError('invalid', `Not a result: ${problem}.`);
  transact(doc, origin, () => childMap(card, CardKey.targets).set(targetId, next));
}

/** Removes a target. */
export function removeTarget(doc: Y.Doc, cardId: string, targetId: string, origin?: BoardOrigin): void {
  const card = cardMap(doc, cardId);
  transact(doc, origin, () => targetMapOf(card)?.delete(targetId));
}
