/**
 * The update policy's money rules (updatePolicy.ts sends every touch under a card's `budget` or
 * `expenses` here). 001 六.1: spending stays within the approved budget, and an overrun is spent
 * only once a superior approved it. So: budgets are set by those who approve (managers, owners);
 * an expense is written by its spender, as `within` when it keeps its line and the card within
 * budget (judged on the budget and expenses the update leaves), otherwise `pending`; only an
 * overrun approver (src/lib/board/budget.ts mayApproveOverrun) approves or rejects one, and nobody
 * rewrites what was spent. Amounts are whole fen (expenses.ts expenseProblem).
 *
 * The race: two editors each record an expense that fits the budget on their copy, and together
 * they pass it. Refusing the later update would close its socket and make its client drop its copy,
 * losing that expense and whatever else the update carried. So a new `within` expense by its
 * spender that the budget no longer allows is accepted and noted in `context.overruns`; the room
 * demotes it to `pending` in a server transaction right after applying the update
 * (server/roomHooks.ts updateApplied), before anything else runs, and stores both in one append
 * (server/rooms/RoomPersistence.ts batch). It is never durable, or counted, as spent. A forged `within` overrun gains nothing by
 * this: it ends `pending` like an honest one, waiting for an approver.
 */
import type * as Y from 'yjs';
import { isCommentId } from '#lib/board/comment-value';
import {
  budgetLineProblem,
  mayApproveOverrun,
  maySetBudget,
  type BudgetLine,
  type MoneyActor
} from '#lib/board/budget';
import {
  expenseProblem,
  moneyTotals,
  withinBudget,
  type ExpenseRef,
  type ExpenseValue
} from '#lib/board/expenses';
import { CardKey } from '#lib/board/schema';
import { existingCard, liveValue, need, type Context, type ItemMap, type Refusal } from './policyContext';
import type { Touch } from './updateTouches';

const invalid = (detail: string): Refusal => ({ reason: 'invalid', detail });
const forbidden = (detail: string): Refusal => ({ reason: 'forbidden', detail });

/** A budget line is written or removed only by those who set budgets. */
export function judgeBudget(touch: Touch, _cardId: string, path: string, context: Context): Refusal | null {
  const refusal = need('edit-card', path, context);
  if (refusal) return refusal;
  if (!maySetBudget(context.actor)) return forbidden(`${path}: budgets are set by managers.`);
  if (touch.parent.length === 2) return null;
  if (touch.parent.length !== 3 || touch.key === null) return invalid(`${path}: a budget holds plain lines.`);
  if (touch.kind === 'delete' || touch.content === 'deleted') return null;
  if (touch.content !== 'any') return invalid(`${path}: a budget line is a plain value.`);
  if (!isCommentId(touch.key)) return invalid(`${path}: a line id is short and plain.`);
  const problem = budgetLineProblem(touch.value);
  return problem ? invalid(`${path}: ${problem}.`) : null;
}

/** An expense is its spender's; its status is what the budget allows; decisions are the approvers'. */
export function judgeExpense(touch: Touch, cardId: string, path: string, context: Context): Refusal | null {
  const refusal = need('edit-card', path, context);
  if (refusal) return refusal;
  if (touch.parent.length === 2) return null;
  if (touch.parent.length !== 3 || touch.key === null) return invalid(`${path}: expenses are plain values.`);
  const { actor, doc } = context;
  const approver = mayApproveOverrun(doc, actor);
  const before = liveValue(mapOf(doc, cardId, CardKey.expenses), touch.key) as ExpenseValue | undefined;
  if (touch.kind === 'delete' || touch.content === 'deleted') {
    if (before === undefined || approver) return null;
    return before.by === actor.userId && before.status !== 'approved'
      ? null
      : forbidden(`${path}: only its author (before approval) or an approver removes an expense.`);
  }
  if (touch.content !== 'any') return invalid(`${path}: an expense is a plain value.`);
  if (!isCommentId(touch.key)) return invalid(`${path}: an expense id is short and plain.`);
  const problem = expenseProblem(touch.value);
  if (problem) return invalid(`${path}: ${problem}.`);
  const value = touch.value as ExpenseValue;
  if (
    value.receipt !== undefined &&
    liveValue(mapOf(doc, cardId, CardKey.attachments), value.receipt) === undefined
  )
    return invalid(`${path}: the receipt is not an attachment of card ${cardId}.`);
  const money = moneyAfter(context, cardId);
  if (!money.lines.some((l) => l.id === value.line)) return invalid(`${path}: no budget line ${value.line}.`);
  if (before !== undefined) return judgeChange(before, value, path, actor, approver);
  if (value.by !== actor.userId)
    return { reason: 'not-author', detail: `${path} must be written as its spender.` };
  if (value.status === 'within') noteOverrun(context, money, { cardId, expenseId: touch.key }, value.line);
  return judgeNew(value, path, actor, approver);
}

/**
 * A new `within` expense the budget the update leaves does not allow is demoted (see the head
 * comment). It then counts as pending for the expenses judged after it, so of two that fit alone
 * but not together one stays `within`.
 */
function noteOverrun(context: Context, money: MoneyAfter, ref: ExpenseRef, line: string): void {
  if (withinBudget(moneyTotals(money.lines, money.expenses), line)) return;
  const after = money.expenses.find((e) => e.id === ref.expenseId);
  if (after?.status !== 'within') return;
  after.status = 'pending';
  context.overruns.push(ref);
}

function judgeNew(value: ExpenseValue, path: string, actor: MoneyActor, approver: boolean) {
  if (value.status === 'pending' || value.status === 'within') return null;
  return approver && value.decidedBy === actor.userId
    ? null
    : forbidden(`${path}: only an overrun approver records a decision, as themselves.`);
}

const FIXED = ['line', 'amount', 'date', 'by', 'at', 'note', 'receipt'] as const;

function judgeChange(
  before: ExpenseValue,
  value: ExpenseValue,
  path: string,
  actor: MoneyActor,
  approver: boolean
) {
  if (FIXED.some((k) => before[k] !== value[k]))
    return forbidden(`${path}: what was spent is never rewritten; remove it and record it again.`);
  if (
    before.status === value.status &&
    before.decidedBy === value.decidedBy &&
    before.decidedAt === value.decidedAt
  )
    return null;
  const decides = before.status === 'pending' && (value.status === 'approved' || value.status === 'rejected');
  if (!decides) return forbidden(`${path}: only a pending overrun changes status, to approved or rejected.`);
  return approver && value.decidedBy === actor.userId
    ? null
    : forbidden(`${path}: only an overrun approver decides an overrun, as themselves.`);
}

interface MoneyAfter {
  lines: { id: string; amount: number }[];
  expenses: (Pick<ExpenseValue, 'line' | 'amount' | 'status'> & { id: string })[];
}

/**
 * The card's budget lines and expenses as the update leaves them: the document's values, with
 * each key this update touches as updateEffects says it ends (deleted, or its last plain write;
 * every written value is judged on its own too). Read once per card and update.
 */
function moneyAfter(context: Context, cardId: string): MoneyAfter {
  const cached = context.money.get(cardId);
  if (cached) return cached as MoneyAfter;
  const read = (field: string, problem: (v: unknown) => string | null) => {
    const out = new Map<string, unknown>();
    mapOf(context.doc, cardId, field)?._map.forEach((item, key) => {
      if (!item.deleted) out.set(key, item.content.getContent()[item.length - 1]);
    });
    for (const [key, touch] of context.moneyWrites.get(`${cardId}/${field}`) ?? []) {
      const after = context.after(touch.newParent, touch.parent, key);
      if (after === 'deleted') out.delete(key);
      else if (after === 'written' && touch.kind === 'write' && touch.content === 'any')
        out.set(key, touch.value);
    }
    return [...out].filter(([, v]) => problem(v) === null).map(([id, v]) => ({ id, ...(v as object) }));
  };
  const money: MoneyAfter = {
    lines: read(CardKey.budget, budgetLineProblem) as (BudgetLine & { id: string })[],
    expenses: read(CardKey.expenses, expenseProblem) as (ExpenseValue & { id: string })[]
  };
  context.money.set(cardId, money);
  return money;
}

/** Collects, while the context is built, what an update writes under a card's budget or expenses. */
export function noteMoneyTouch(context: Context, touch: Touch): void {
  const [root, cardId, field] = touch.parent;
  if (root !== 'cards' || touch.parent.length !== 3 || !cardId || touch.key === null) return;
  if (field !== CardKey.budget && field !== CardKey.expenses) return;
  const at = `${cardId}/${field}`;
  let writes = context.moneyWrites.get(at);
  if (!writes) context.moneyWrites.set(at, (writes = new Map()));
  // The key's last plain write; whether it is what the key ends as, updateEffects decides.
  const written = touch.kind === 'write' && touch.content === 'any';
  if (written || !writes.has(touch.key)) writes.set(touch.key, touch);
}

function mapOf(doc: Y.Doc, cardId: string, field: string): ItemMap | undefined {
  const value = liveValue(existingCard(doc, cardId), field);
  return value && typeof value === 'object' && '_map' in value ? (value as ItemMap) : undefined;
}
