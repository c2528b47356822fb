/**
 * Budget burn across campaigns: per card with a budget, its budget, what was spent and what
 * waits for approval among the expenses dated in a period, in the board's currency. Sums are
 * integer fen; boards are totalled per currency, never CNY with USD.
 */
import type * as Y from 'yjs';
import { budgetMapOf, currencyOf, readBudget } from '../board/budget';
import { countsAsSpent, readExpenses } from '../board/expenses';
import { readCard } from '../board/read';
import { roots } from '../board/schema';
import { inPeriod, type Period } from './period';

export interface CardBurn {
  cardId: string;
  title: string;
  assignees: string[];
  currency: string;
  /** The card's whole budget, fen. */
  budget: number;
  /** Spent (within budget or approved) in the period, fen. */
  spent: number;
  /** Overruns waiting for approval in the period, fen. */
  pending: number;
}

/** Every unarchived card of the board with a budget, its spending in `period`. */
export function boardBurn(doc: Y.Doc, period: Pick<Period, 'from' | 'to'>): CardBurn[] {
  const { meta, cards } = roots(doc);
  const currency = currencyOf(meta);
  const out: CardBurn[] = [];
  cards.forEach((card, cardId) => {
    const budgetMap = budgetMapOf(card);
    if (!budgetMap || budgetMap.size === 0) return;
    const view = readCard(cardId, card);
    if (view.archived) return;
    const row: CardBurn = {
      cardId,
      title: view.title,
      assignees: view.assignees,
      currency,
      budget: readBudget(card).reduce((n, l) => n + l.amount, 0),
      spent: 0,
      pending: 0
    };
    for (const e of readExpenses(card)) {
      if (!inPeriod(e.date, period)) continue;
      if (countsAsSpent(e)) row.spent += e.amount;
      else if (e.status === 'pending') row.pending += e.amount;
    }
    out.push(row);
  });
  return out;
}

/** Spent as a share of budget (1 = all of it), or null without a budget. */
export function burnOf(row: Pick<CardBurn, 'budget' | 'spent'>): number | null {
  return row.budget > 0 ? row.spent / row.budget : null;
}

export interface BurnTotal {
  currency: string;
  budget: number;
  spent: number;
  pending: number;
  /** Cards counted. */
  cards: number;
}

/** Rows summed per currency (and per `key`, e.g. per board), in the order first met. */
export function sumBurn<R extends CardBurn>(
  rows: readonly R[],
  key: (row: R) => string = () => ''
): BurnTotal[] {
  const totals = new Map<string, BurnTotal>();
  for (const r of rows) {
    const k = `${key(r)}\u0000${r.currency}`;
    const t = totals.get(k) ?? { currency: r.currency, budget: 0, spent: 0, pending: 0, cards: 0 };
    t.budget += r.budget;
    t.spent += r.spent;
    t.pending += r.pending;
    t.cards += 1;
    totals.set(k, t);
  }
  return [...totals.values()];
}

/** The `n` cards that burnt most of their budget (pending overruns first among equals). */
export function topBurn<R extends CardBurn>(rows: readonly R[], n: number): R[] {
  return rows
    .filter((r) => r.spent > 0 || r.pending > 0)
    .sort((a, b) => (burnOf(b) ?? 0) - (burnOf(a) ?? 0) || b.pending - a.pending)
    .slice(0, n);
}
