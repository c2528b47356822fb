/**
 * Expenses recorded against a card's budget lines (001 六: 活动费用管理). Each is a plain value
 * under the card's `expenses` map, in integer fen, written by the person who spent it. One that
 * keeps its line and the card within budget is recorded `within`; one that would take either over
 * is `pending` until someone who approves overruns (budget.ts mayApproveOverrun) approves or
 * rejects it: "任何超出预算的费用需经过上级审核批准后方可支出" (六.1). Only `within` and `approved`
 * expenses count as spent. The server judges every write by the same functions
 * (server/policy/moneyPolicy.ts), so a client cannot record an overrun as spent.
 */
import type * as Y from 'yjs';
import { isCommentId } from './comment-value';
import { isIsoDate } from './dates';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import {
  MONEY_LIMITS,
  isFen,
  mayApproveOverrun,
  readBudget,
  type BudgetLine,
  type BudgetLineView,
  type MoneyActor
} from './budget';
import { CardKey, cardMap, childMap, roots, type CardMap } from './schema';
import { transact } from './transact';
import { hasControlChars } from '../text/controlChars';

export type ExpenseStatus = 'within' | 'pending' | 'approved' | 'rejected';
export const EXPENSE_STATUSES: readonly ExpenseStatus[] = ['within', 'pending', 'approved', 'rejected'];

/** An expense as stored, keyed by its id. */
export interface ExpenseValue {
  /** The budget line's id. */
  line: string;
  /** Integer fen, at least 1. */
  amount: number;
  /** The day it was spent, 'YYYY-MM-DD'. */
  date: string;
  /** Who spent it (and claims it back: 报销): a user id. */
  by: string;
  /** When it was recorded, ms since the epoch. */
  at: number;
  note: string;
  /** The id of an attachment on the card that is its receipt (票据), if any. */
  receipt?: string;
  status: ExpenseStatus;
  /** Who approved or rejected it, and when: present exactly for 'approved' and 'rejected'. */
  decidedBy?: string;
  decidedAt?: number;
}

export interface ExpenseView extends ExpenseValue {
  id: string;
}

const KEYS = new Set([
  'line',
  'amount',
  'date',
  'by',
  'at',
  'note',
  'receipt',
  'status',
  'decidedBy',
  'decidedAt'
]);
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Why a value is not an expense as the operations store it, or null. */
export function expenseProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an expense';
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => !KEYS.has(k))) return 'an expense without unknown fields';
  if (!isCommentId(v.line)) return 'a budget line id';
  if (!isFen(v.amount) || v.amount === 0) return 'an amount in whole fen, above zero';
  if (!isIsoDate(v.date)) return 'a date written YYYY-MM-DD';
  if (!isCommentId(v.by)) return 'a user id';
  if (!isTime(v.at)) return 'a time';
  if (typeof v.note !== 'string' || v.note.length > MONEY_LIMITS.note || hasControlChars(v.note))
    return `a note of at most ${MONEY_LIMITS.note} characters`;
  if (v.receipt !== undefined && !isCommentId(v.receipt)) return 'an attachment id';
  if (!EXPENSE_STATUSES.includes(v.status as ExpenseStatus)) return 'a status';
  const decided = v.status === 'approved' || v.status === 'rejected';
  if (decided !== (v.decidedBy !== undefined) || decided !== (v.decidedAt !== undefined))
    return 'a decision exactly when approved or rejected';
  if (decided && (!isCommentId(v.decidedBy) || !isTime(v.decidedAt))) return 'a decision by a user at a time';
  return null;
}

/** True when the expense counts as spent: within budget, or an overrun approved. */
export function countsAsSpent(e: Pick<ExpenseValue, 'status'>): boolean {
  return e.status === 'within' || e.status === 'approved';
}

/** The card's `expenses` map, if it has one. */
export function expenseMapOf(card: CardMap): Y.Map<unknown> | undefined {
  const map = card.get(CardKey.expenses);
  return map && typeof (map as Y.Map<unknown>).forEach === 'function' ? (map as Y.Map<unknown>) : undefined;
}

/** The card's expenses, by date then time recorded; values that are not expenses are skipped. */
export function readExpenses(card: CardMap): ExpenseView[] {
  const out: ExpenseView[] = [];
  expenseMapOf(card)?.forEach((value, id) => {
    if (expenseProblem(value) === null) out.push({ id, ...(value as ExpenseValue) });
  });
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.at - b.at));
}

export interface LineTotals {
  budget: number;
  /** Fen counted as spent (within and approved). */
  spent: number;
  /** Fen waiting for approval. */
  pending: number;
}

export interface MoneyTotals extends LineTotals {
  /** Line id → its totals; expenses against a line since removed show under their own id. */
  lines: Map<string, LineTotals>;
}

/** Budget, spent and pending per line and for the card: integer sums, exact. */
export function moneyTotals(
  lines: Iterable<Pick<BudgetLineView, 'id' | 'amount'>>,
  expenses: Iterable<Pick<ExpenseView, 'line' | 'amount' | 'status'>>
): MoneyTotals {
  const totals: MoneyTotals = { budget: 0, spent: 0, pending: 0, lines: new Map() };
  const lineOf = (id: string) => {
    let t = totals.lines.get(id);
    if (!t) totals.lines.set(id, (t = { budget: 0, spent: 0, pending: 0 }));
    return t;
  };
  for (const l of lines) {
    lineOf(l.id).budget += l.amount;
    totals.budget += l.amount;
  }
  for (const e of expenses) {
    if (countsAsSpent(e)) {
      lineOf(e.line).spent += e.amount;
      totals.spent += e.amount;
    } else if (e.status === 'pending') {
      lineOf(e.line).pending += e.amount;
      totals.pending += e.amount;
    }
  }
  return totals;
}

/** True when, with these totals (the new expense already counted), neither `line` nor the card is over. */
export function withinBudget(totals: MoneyTotals, line: string): boolean {
  const t = totals.lines.get(line);
  return t !== undefined && t.spent <= t.budget && totals.spent <= totals.budget;
}

/** True when `amount` more on `line` keeps the line and the card within budget. */
export function fitsBudget(
  lines: readonly BudgetLineView[],
  expenses: readonly ExpenseView[],
  line: string,
  amount: number
): boolean {
  return withinBudget(moneyTotals(lines, [...expenses, { line, amount, status: 'within' }]), line);
}

/** What the card panel shows of a card's money. */
export interface CardMoneyView {
  lines: BudgetLineView[];
  expenses: ExpenseView[];
  totals: MoneyTotals;
}

/** A card's budget, expenses and totals. */
export function readCardMoney(doc: Y.Doc, cardId: string): CardMoneyView {
  const card = cardMap(doc, cardId);
  const lines = readBudget(card);
  const expenses = readExpenses(card);
  return { lines, expenses, totals: moneyTotals(lines, expenses) };
}

/** What a card's face shows: spent of budget, and whether overruns wait. Null without a budget. */
export interface MoneyFace {
  budget: number;
  spent: number;
  pending: number;
}

/**
 * The face's totals, read without building views: a card without a budget costs one map lookup,
 * so a 2,000-card board opens as fast as before.
 */
export function readMoneyFace(card: CardMap): MoneyFace | null {
  const budget = card.get(CardKey.budget) as Y.Map<unknown> | undefined;
  if (!budget || typeof budget.forEach !== 'function' || budget.size === 0) return null;
  const face: MoneyFace = { budget: 0, spent: 0, pending: 0 };
  budget.forEach((v) => {
    const amount = (v as Partial<BudgetLine> | null)?.amount;
    if (isFen(amount)) face.budget += amount;
  });
  expenseMapOf(card)?.forEach((v) => {
    const e = v as Partial<ExpenseValue> | null;
    if (!e || !isFen(e.amount)) return;
    if (e.status === 'within' || e.status === 'approved') face.spent += e.amount;
    else if (e.status === 'pending') face.pending += e.amount;
  });
  return face;
}

export interface ExpenseInput {
  line: string;
  amount: number;
  date: string;
  note?: string;
  receipt?: string;
}

/**
 * Records an expense by `actor`: `within` when it keeps its line and the card within budget, else
 * `pending` until approved. Returns its id and status.
 */
export function recordExpense(
  doc: Y.Doc,
  cardId: string,
  input: ExpenseInput,
  actor: MoneyActor,
  now = Date.now(),
  origin?: BoardOrigin
): { id: string; status: ExpenseStatus } {
  const card = cardMap(doc, cardId);
  const lines = readBudget(card);
  if (!lines.some((l) => l.id === input.line)) throw new BoardError('not-found', 'No such budget line.');
  if (!isFen(input.amount) || input.amount === 0)
    throw new BoardError('invalid', 'An amount is a whole number of fen above zero.');
  const expenses = readExpenses(card);
  if (expenses.length >= MONEY_LIMITS.expenses) throw new BoardError('too-many-items', 'Too many expenses.');
  const status: ExpenseStatus = fitsBudget(lines, expenses, input.line, input.amount) ? 'within' : 'pending';
  const value: ExpenseValue = {
    line: input.line,
    amount: input.amount,
    date: input.date,
    by: actor.userId,
    at: now,
    note: (input.note ?? '').trim(),
    status
  };
  if (input.receipt) value.receipt = input.receipt;
  const problem = expenseProblem(value);
  if (problem) throw new BoardError('invalid', `Not an expense: ${problem}.`);
  if (value.receipt && !receiptOnCard(card, value.receipt))
    throw new BoardError('not-found', 'The receipt is not an attachment of this card.');
  const id = newId();
  transact(doc, origin, () => childMap(card, CardKey.expenses).set(id, value));
  return { id, status };
}

/** True when `attachmentId` names an attachment of the card (a receipt must be one). */
export function receiptOnCard(card: CardMap, attachmentId: string): boolean {
  const attachments = card.get(CardKey.attachments) as Y.Map<unknown> | undefined;
  return typeof attachments?.has === 'function' && attachments.has(attachmentId);
}

/** Approves or rejects a pending overrun, as `actor` (who must be allowed to approve overruns). */
export function decideExpense(
  doc: Y.Doc,
  cardId: string,
  expenseId: string,
  approve: boolean,
  actor: MoneyActor,
  now = Date.now(),
  origin?: BoardOrigin
): void {
  const card = cardMap(doc, cardId);
  const current = readExpenses(card).find((e) => e.id === expenseId);
  if (!current) throw new BoardError('not-found', 'No such expense.');
  if (current.status !== 'pending')
    throw new BoardError('already-approved', 'Only a pending expense is decided.');
  if (!mayApproveOverrun(doc, actor)) throw new BoardError('cannot-sign', 'You may not approve overruns.');
  const { id: _id, ...value } = current;
  transact(doc, origin, () =>
    childMap(card, CardKey.expenses).set(expenseId, {
      ...value,
      status: approve ? 'approved' : 'rejected',
      decidedBy: actor.userId,
      decidedAt: now
    } satisfies ExpenseValue)
  );
}

/** An expense of a card, by ids: what the server demotes after a race (demoteOverruns). */
export interface ExpenseRef {
  cardId: string;
  expenseId: string;
}

/**
 * Turns `within` expenses the budget no longer allows into `pending`, in one transaction: the
 * server's answer when two people each spent what fitted on their copy and together went over
 * (server/policy/moneyPolicy.ts). Only `within` is touched, so an expense meanwhile removed or
 * decided stays as it is. Returns the refs it demoted.
 */
export function demoteOverruns(doc: Y.Doc, refs: readonly ExpenseRef[], origin?: BoardOrigin): ExpenseRef[] {
  const done: ExpenseRef[] = [];
  transact(doc, origin, () => {
    for (const ref of refs) {
      const card = roots(doc).cards.get(ref.cardId);
      const map = card && expenseMapOf(card);
      const value = map?.get(ref.expenseId);
      if (!map || expenseProblem(value) !== null || (value as ExpenseValue).status !== 'within') continue;
      map.set(ref.expenseId, { ...(value as ExpenseValue), status: 'pending' } satisfies ExpenseValue);
      done.push(ref);
    }
  });
  return done;
}

/** True when `actor` may remove the expense: its author unless approved, or an overrun approver. */
export function mayRemoveExpense(
  doc: Y.Doc,
  expense: Pick<ExpenseValue, 'by' | 'status'>,
  actor: MoneyActor
) {
  return mayApproveOverrun(doc, actor) || (expense.by === actor.userId && expense.status !== 'approved');
}

/** Removes an expense recorded by mistake. */
export function removeExpense(
  doc: Y.Doc,
  cardId: string,
  expenseId: string,
  actor: MoneyActor,
  origin?: BoardOrigin
): void {
  const card = cardMap(doc, cardId);
  const current = readExpenses(card).find((e) => e.id === expenseId);
  if (!current) return;
  if (!mayRemoveExpense(doc, current, actor))
    throw new BoardError('cannot-sign', 'Only its author (before approval) or an approver removes it.');
  transact(doc, origin, () => expenseMapOf(card)?.delete(expenseId));
}

/** One row of an expense claim (报销, 001 六.2): an expense with its card and line named. */
export interface ClaimRow extends ExpenseView {
  cardId: string;
  cardTitle: string;
  lineName: string;
}

/**
 * Every expense on the board in `month` ('YYYY-MM', by its date), of `person` if given, oldest
 * first: what a person claims back in a month. Archived cards count: their money was spent.
 */
export function expenseClaims(doc: Y.Doc, query: { month: string; person?: string }): ClaimRow[] {
  const rows: ClaimRow[] = [];
  roots(doc).cards.forEach((card, cardId) => {
    const expenses = expenseMapOf(card);
    if (!expenses || expenses.size === 0) return;
    const lines = new Map(readBudget(card).map((l) => [l.id, l.name]));
    const title = card.get(CardKey.title)?.toString() ?? '';
    for (const e of readExpenses(card)) {
      if (!e.date.startsWith(`${query.month}-`)) continue;
      if (query.person !== undefined && e.by !== query.person) continue;
      rows.push({ ...e, cardId, cardTitle: title, lineName: lines.get(e.line) ?? '' });
    }
  });
  return rows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.at - b.at));
}
