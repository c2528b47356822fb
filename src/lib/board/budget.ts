/**
 * A card's budget in lines (001 第十二条: 人力成本, 物料成本, 宣传费用 …, and 场地 where a venue
 * is hired), each an amount in integer fen, and the board's money settings: its currency and the
 * process role, if any, whose people approve overruns beside the managers (001 六.1: "超出预算的
 * 费用需经过上级审核批准"). Budgets are the approved plan (001 二.2 "在预算批准后严格按照预算执行"),
 * so only those who approve (managers, owners) set them; the server enforces it
 * (server/policy/moneyPolicy.ts).
 */
import type * as Y from 'yjs';
import { can, type BoardRole } from '../auth/permissions';
import { isCommentId } from './comment-value';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { compareRanked, isRank, rankBetween } from './rank';
import { rolePeople, isRoleKey } from './roles';
import { CardKey, MetaKey, cardMap, childMap, roots, type CardMap } from './schema';
import { cleanName, nameProblem, transact } from './transact';

export const MONEY_LIMITS = {
  lines: 30,
  lineName: 40,
  note: 300,
  expenses: 1000,
  /** ¥100,000,000,000.00: far beyond any campaign, well inside Number.MAX_SAFE_INTEGER. */
  maxFen: 10_000_000_000_000
} as const;

/** The budget lines 001 第十二条 lists (and 场地, which its 会务 sections hire), offered first. */
export const SUGGESTED_LINES: readonly { name: string; alt: string }[] = [
  { name: '人力成本', alt: 'Staff' },
  { name: '物料成本', alt: 'Materials' },
  { name: '宣传费用', alt: 'Promotion' },
  { name: '场地费用', alt: 'Venue' }
];

export const DEFAULT_CURRENCY = 'CNY';

/** A budget line as stored under the card's `budget` map, keyed by line id. */
export interface BudgetLine {
  name: string;
  /** Integer fen (or the currency's minor unit). */
  amount: number;
  rank: string;
}

export interface BudgetLineView extends BudgetLine {
  id: string;
}

/** Who acts on money: the signed-in user and their board role. */
export interface MoneyActor {
  userId: string;
  role: BoardRole | null;
}

/** True for a whole, non-negative amount of minor units within MONEY_LIMITS: never a float. */
export function isFen(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MONEY_LIMITS.maxFen;
}

/** Why a value is not a budget line as setBudgetLine stores it, or null. */
export function budgetLineProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a budget line';
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => k !== 'name' && k !== 'amount' && k !== 'rank'))
    return 'a budget line { name, amount, rank }';
  const bad = nameProblem(v.name, MONEY_LIMITS.lineName);
  if (bad) return bad;
  if (!isFen(v.amount)) return 'an amount in whole fen';
  return isRank(v.rank) ? null : 'a rank';
}

/** The card's `budget` map, if it has one. */
export function budgetMapOf(card: CardMap): Y.Map<unknown> | undefined {
  const map = card.get(CardKey.budget);
  return map && typeof (map as Y.Map<unknown>).forEach === 'function' ? (map as Y.Map<unknown>) : undefined;
}

/** The card's budget lines, in order; values that are not lines are skipped. */
export function readBudget(card: CardMap): BudgetLineView[] {
  const out: BudgetLineView[] = [];
  budgetMapOf(card)?.forEach((value, id) => {
    if (budgetLineProblem(value) === null) out.push({ id, ...(value as BudgetLine) });
  });
  return out.sort(compareRanked);
}

/** True when `actor` may set budgets and decide overruns as a board manager or owner. */
export function maySetBudget(actor: MoneyActor): boolean {
  return can(actor.role, 'approve');
}

/** True when `actor` may approve or reject an overrun: managers, owners, or the board's overrun role. */
export function mayApproveOverrun(doc: Y.Doc, actor: MoneyActor): boolean {
  if (maySetBudget(actor)) return true;
  if (!can(actor.role, 'comment')) return false;
  const role = overrunRoleOf(roots(doc).meta);
  return role !== null && rolePeople(doc, role).includes(actor.userId);
}

/** The board's currency (ISO 4217), CNY unless a manager set another. */
export function currencyOf(meta: Y.Map<unknown>): string {
  const value = meta.get(MetaKey.currency);
  return isCurrency(value) ? value : DEFAULT_CURRENCY;
}

export function isCurrency(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

/** The process role whose people approve overruns beside the managers, or null. */
export function overrunRoleOf(meta: Y.Map<unknown>): string | null {
  const value = meta.get(MetaKey.overrunRole);
  return isRoleKey(value) ? value : null;
}

/** Sets the board's currency (a manager's: meta is edit-board). */
export function setCurrency(doc: Y.Doc, currency: string, origin?: BoardOrigin): void {
  if (!isCurrency(currency)) throw new BoardError('invalid', `Not a currency code: ${currency}.`);
  transact(doc, origin, () => roots(doc).meta.set(MetaKey.currency, currency));
}

/** Names the process role that approves overruns, or clears it (null). */
export function setOverrunRole(doc: Y.Doc, role: string | null, origin?: BoardOrigin): void {
  if (role !== null && !isRoleKey(role)) throw new BoardError('invalid', `Not a role key: ${role}.`);
  transact(doc, origin, () => {
    const { meta } = roots(doc);
    if (role === null) meta.delete(MetaKey.overrunRole);
    else meta.set(MetaKey.overrunRole, role);
  });
}

/**
 * Adds a budget line (lineId null) or changes one's name and amount; returns its id. Only those
 * who set budgets (maySetBudget) should call it; the server refuses anyone else's write.
 */
export function setBudgetLine(
  doc: Y.Doc,
  cardId: string,
  lineId: string | null,
  input: { name: string; amount: number },
  origin?: BoardOrigin
): string {
  const name = cleanName(input.name, MONEY_LIMITS.lineName);
  if (!name) throw new BoardError('invalid', 'A budget line needs a name.');
  if (!isFen(input.amount)) throw new BoardError('invalid', 'A budget is a whole number of fen.');
  const card = cardMap(doc, cardId);
  const lines = readBudget(card);
  if (lineId !== null && !isCommentId(lineId)) throw new BoardError('invalid', 'Not a line id.');
  const existing = lineId === null ? undefined : lines.find((l) => l.id === lineId);
  if (!existing && lines.length >= MONEY_LIMITS.lines)
    throw new BoardError('too-many-items', 'A card has at most 30 budget lines.');
  const id = lineId ?? newId();
  const rank = existing?.rank ?? rankBetween(lines[lines.length - 1]?.rank ?? null, null);
  transact(doc, origin, () => {
    childMap(card, CardKey.budget).set(id, { name, amount: input.amount, rank });
    // With the first line, so editors' first expenses land in one map, not in rival new ones.
    childMap(card, CardKey.expenses);
  });
  return id;
}

/** Removes a budget line that no expense is recorded against. */
export function removeBudgetLine(doc: Y.Doc, cardId: string, lineId: string, origin?: BoardOrigin): void {
  const card = cardMap(doc, cardId);
  const expenses = card.get(CardKey.expenses) as Y.Map<unknown> | undefined;
  let used = false;
  expenses?.forEach?.((value) => {
    if ((value as { line?: unknown } | null)?.line === lineId) used = true;
  });
  if (used) throw new BoardError('line-in-use', 'Expenses are recorded against this line.');
  transact(doc, origin, () => budgetMapOf(card)?.delete(lineId));
}
