/**
 * Budgets and expenses (src/lib/board/budget.ts, expenses.ts, fen.ts): amounts are whole fen and
 * add up exactly; an expense that takes its line or the card over budget waits for approval and
 * counts as spent only once approved; expense claims list a person's month.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  SERVER_ORIGIN,
  addCard,
  addAttachmentVersion,
  decideExpense,
  expenseClaims,
  formatMoney,
  initBoard,
  mayApproveOverrun,
  parseYuan,
  readBoard,
  readCardMoney,
  recordExpense,
  removeBudgetLine,
  removeExpense,
  setBudgetLine,
  setOverrunRole,
  setRole
} from '#lib/board';

const EDITOR = { userId: 'u-ed', role: 'editor' as const };
const MANAGER = { userId: 'u-boss', role: 'manager' as const };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: '双十一', stages: [{ name: '策划' }, { name: '执行' }] }, SERVER_ORIGIN);
  const stageId = readBoard(doc).stages[0]!.id;
  addCard(doc, { stageId, title: '门店活动', id: 'c1' });
  const staff = setBudgetLine(doc, 'c1', null, { name: '人力成本', amount: 100_000 });
  const print = setBudgetLine(doc, 'c1', null, { name: '物料成本', amount: 30 });
  return { doc, staff, print };
}

describe('money as text', () => {
  it('reads 元 into fen digit by digit, never through a float', () => {
    expect(parseYuan('0.10')).toBe(10);
    expect(parseYuan('0.2')).toBe(20);
    expect(parseYuan('1,200.5')).toBe(120_050);
    expect(parseYuan('¥１２.３４')).toBe(1234);
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('1e3')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('shows fen in the reader’s locale and the board’s currency', () => {
    expect(formatMoney(123_450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(5, 'CNY', 'en')).toBe('CN¥0.05');
    expect(formatMoney(1999, 'USD', 'en')).toBe('$19.99');
    // Beyond a double's exact cents it still prints the digits stored.
    expect(formatMoney(9_007_199_254_740_991, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.91');
  });
});

describe('budgets and expenses', () => {
  it('adds ¥0.10 and ¥0.20 to exactly 30 fen', () => {
    const { doc, staff } = board();
    recordExpense(doc, 'c1', { line: staff, amount: parseYuan('0.10')!, date: '2026-11-02' }, EDITOR);
    recordExpense(doc, 'c1', { line: staff, amount: parseYuan('0.20')!, date: '2026-11-03' }, EDITOR);
    const money = readCardMoney(doc, 'c1');
    expect(money.totals.spent).toBe(30);
    expect(money.totals.lines.get(staff)).toEqual({ budget: 100_000, spent: 30, pending: 0 });
    expect(money.totals.budget).toBe(100_030);
  });

  it('records an expense within budget as spent, and one past its line as pending', () => {
    const { doc, print } = board();
    expect(recordExpense(doc, 'c1', { line: print, amount: 30, date: '2026-11-02' }, EDITOR).status).toBe(
      'within'
    );
    const over = recordExpense(doc, 'c1', { line: print, amount: 1, date: '2026-11-02' }, EDITOR);
    expect(over.status).toBe('pending');
    expect(readCardMoney(doc, 'c1').totals).toMatchObject({ spent: 30, pending: 1 });
    expect(readBoard(doc).columns.values().next().value![0]!.money).toEqual({
      budget: 100_030,
      spent: 30,
      pending: 1
    });
  });

  it('holds an expense that fits its line but takes the card over budget', () => {
    const { doc, staff, print } = board();
    // An approved overrun on one line leaves the card over budget: the next expense anywhere waits too.
    const over = recordExpense(doc, 'c1', { line: print, amount: 5_000, date: '2026-11-02' }, EDITOR);
    decideExpense(doc, 'c1', over.id, true, MANAGER);
    expect(recordExpense(doc, 'c1', { line: staff, amount: 96_000, date: '2026-11-02' }, EDITOR).status).toBe(
      'pending'
    );
  });

  it('counts an overrun as spent only once approved, never once rejected', () => {
    const { doc, print } = board();
    const a = recordExpense(doc, 'c1', { line: print, amount: 500, date: '2026-11-02' }, EDITOR);
    const b = recordExpense(doc, 'c1', { line: print, amount: 700, date: '2026-11-02' }, EDITOR);
    expect(() => decideExpense(doc, 'c1', a.id, true, EDITOR)).toThrow(BoardError);
    decideExpense(doc, 'c1', a.id, true, MANAGER, 42);
    decideExpense(doc, 'c1', b.id, false, MANAGER);
    const { totals, expenses } = readCardMoney(doc, 'c1');
    expect(totals).toMatchObject({ spent: 500, pending: 0 });
    expect(expenses.find((e) => e.id === a.id)).toMatchObject({
      status: 'approved',
      decidedBy: 'u-boss',
      decidedAt: 42
    });
    expect(() => decideExpense(doc, 'c1', a.id, false, MANAGER)).toThrow(BoardError);
  });

  it('lets the board’s overrun role approve, as 001 lets a named superior', () => {
    const { doc } = board();
    const finance = { userId: 'u-fin', role: 'editor' as const };
    expect(mayApproveOverrun(doc, finance)).toBe(false);
    setRole(doc, 'finance', { name: '财务', people: ['u-fin'] });
    setOverrunRole(doc, 'finance');
    expect(mayApproveOverrun(doc, finance)).toBe(true);
    expect(mayApproveOverrun(doc, { userId: 'u-fin', role: 'viewer' })).toBe(false);
  });

  it('takes a receipt only from the card’s attachments', () => {
    const { doc, staff } = board();
    expect(() =>
      recordExpense(doc, 'c1', { line: staff, amount: 1, date: '2026-11-02', receipt: 'nope' }, EDITOR)
    ).toThrow(BoardError);
    addAttachmentVersion(
      doc,
      'c1',
      'a1',
      { name: '发票.pdf', size: 9, type: 'application/pdf', by: 'u-ed' },
      SERVER_ORIGIN
    );
    recordExpense(doc, 'c1', { line: staff, amount: 1, date: '2026-11-02', receipt: 'a1' }, EDITOR);
    expect(readCardMoney(doc, 'c1').expenses[0]!.receipt).toBe('a1');
  });

  it('keeps a line with expenses, and lets an author remove an expense until it is approved', () => {
    const { doc, print } = board();
    const e = recordExpense(doc, 'c1', { line: print, amount: 500, date: '2026-11-02' }, EDITOR);
    expect(() => removeBudgetLine(doc, 'c1', print)).toThrow(/Expenses/);
    decideExpense(doc, 'c1', e.id, true, MANAGER);
    expect(() => removeExpense(doc, 'c1', e.id, EDITOR)).toThrow(BoardError);
    removeExpense(doc, 'c1', e.id, MANAGER);
    removeBudgetLine(doc, 'c1', print);
    expect(readCardMoney(doc, 'c1').lines.map((l) => l.name)).toEqual(['人力成本']);
  });

  it('refuses amounts that are not whole fen', () => {
    const { doc, staff } = board();
    expect(() => recordExpense(doc, 'c1', { line: staff, amount: 0.1, date: '2026-11-02' }, EDITOR)).toThrow(
      BoardError
    );
    expect(() => setBudgetLine(doc, 'c1', null, { name: '宣传费用', amount: 10.5 })).toThrow(BoardError);
  });

  it('lists a person’s expense claims for a month', () => {
    const { doc, staff } = board();
    recordExpense(doc, 'c1', { line: staff, amount: 100, date: '2026-11-30', note: '打车' }, EDITOR);
    recordExpense(doc, 'c1', { line: staff, amount: 200, date: '2026-12-01' }, EDITOR);
    recordExpense(doc, 'c1', { line: staff, amount: 300, date: '2026-11-02' }, MANAGER);
    const rows = expenseClaims(doc, { month: '2026-11', person: 'u-ed' });
    expect(rows.map((r) => [r.amount, r.lineName, r.cardTitle, r.note])).toEqual([
      [100, '人力成本', '门店活动', '打车']
    ]);
    expect(expenseClaims(doc, { month: '2026-11' }).map((r) => r.amount)).toEqual([300, 100]);
  });
});

describe('where a card keeps its money', () => {
  it('makes the budget and expense maps with the first budget line, not with the card', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: '门店', stages: [{ name: '策划' }] }, SERVER_ORIGIN);
    addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: '开业', id: 'c2' });
    const card = doc.getMap<Y.Map<unknown>>('cards').get('c2')!;
    expect([card.has('budget'), card.has('expenses')]).toEqual([false, false]);
    setBudgetLine(doc, 'c2', null, { name: '场地费用', amount: 500_000 });
    // Both at once: editors' first expenses then land in one map rather than in rival new ones.
    expect(card.get('budget')).toBeInstanceOf(Y.Map);
    expect(card.get('expenses')).toBeInstanceOf(Y.Map);
  });
});
