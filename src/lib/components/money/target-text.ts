/**
 * A target's numbers in words, in the reader's language: goals and actuals by their kind (money in
 * the board's currency, counts with their unit, percentages), 目标达成率 and cost per result or ROI.
 */
import {
  SUGGESTED_TARGETS,
  attainment,
  costPerResult,
  fenToDecimal,
  formatMoney,
  returnOnSpend,
  type TargetKind,
  type TargetView
} from '$lib/board';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { pick } from '../board/rule-text';

/** A target's name as the reader reads it: 001's suggestions have an English name, others as written. */
export function targetName(name: string): string {
  return pick(name, SUGGESTED_TARGETS.find((s) => s.name === name)?.alt);
}

/** A unit in the reader's language (人 → people for a suggested target), as written otherwise. */
export function unitText(unit: string): string {
  return pick(unit, SUGGESTED_TARGETS.find((s) => s.unit === unit && s.unitAlt)?.unitAlt);
}

/** A goal or an actual: ¥20,000.00, 800 人 / 800 people, 12.5%. */
export function targetValueText(kind: TargetKind, value: number, unit: string, currency: string): string {
  if (kind === 'money') return formatMoney(value, currency, i18n.locale);
  const number = new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 4 }).format(value);
  if (kind === 'percent') return `${number}%`;
  const u = unitText(unit);
  return u ? `${number} ${u}` : number;
}

/** What an input shows for a stored value: money in 元 with two decimals, other kinds as they are. */
export function targetInputText(kind: TargetKind, value: number | undefined): string {
  if (value === undefined) return '';
  return kind === 'money' ? fenToDecimal(value) : String(value);
}

/** 目标达成率 as a percentage (114%, 87.5%), or null before the actual is in. */
export function attainmentText(target: TargetView): string | null {
  const a = attainment(target);
  return a === null
    ? null
    : new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 1 }).format(a);
}

/** How attainment reads at a glance: met, close (80% or more), or short. */
export function attainmentTone(target: TargetView): 'met' | 'close' | 'short' | null {
  const a = attainment(target);
  return a === null ? null : a >= 1 ? 'met' : a >= 0.8 ? 'close' : 'short';
}

/** Cost per result for a count (¥5.48/人), ROI for money (ROI 3.20), from the card's spent fen; null otherwise. */
export function costText(target: TargetView, spentFen: number, currency: string): string | null {
  const cost = costPerResult(target, spentFen);
  if (cost !== null) {
    const amount = formatMoney(cost, currency, i18n.locale);
    const unit = unitText(target.unit);
    return unit ? t('results.perResult', { amount, unit }) : t('results.perResultNoUnit', { amount });
  }
  const roi = returnOnSpend(target, spentFen);
  if (roi === null) return null;
  return t('results.roi', {
    ratio: new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      roi
    )
  });
}
