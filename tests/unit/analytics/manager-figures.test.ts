/**
 * The manager's page figures over a fixture of two boards with known history: budget burn per
 * card and per currency, attainment of finished campaigns, the weekly digest, and the periods
 * they are read over. Every expected value below is worked out by hand from the fixture.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  addCard,
  assignCard,
  decideExpense,
  initBoard,
  localDate,
  moveCard,
  readBoard,
  recordExpense,
  setActual,
  setBudgetLine,
  setCurrency,
  setTarget
} from '#lib/board';
import { boardBurn, burnOf, sumBurn, topBurn } from '#lib/analytics/money';
import { finishedCampaigns } from '#lib/analytics/attainment';
import { boardDigest, type DigestEvent } from '#lib/analytics/digest';
import { filterFromQuery, queryOf } from '#lib/analytics/manager';
import { DIGEST_PERIODS, PERIODS, inPeriod, periodRange, type PeriodName } from '#lib/analytics/period';

/** 2026-11-`d` at `h` o'clock, local time (the digest reads days as the server does). */
const at = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
const TODAY = '2026-11-18'; // a Wednesday
const ANN = { userId: 'u-ann', role: 'editor' as const };
const BOSS = { userId: 'u-boss', role: 'manager' as const };
const range = (name: PeriodName) => periodRange(name, TODAY);

/*
 * Board A (CNY), stages 策划 → 执行 → 完成:
 * c1 门店活动: 人力 ¥1,000 + 物料 ¥500. Expenses: 人力 ¥600 on 11-03; 物料 ¥300 on 11-17 (within);
 *    物料 ¥300 on 11-17 (over the line: pending, approved by the boss on 11-17); 物料 ¥50 on 10-20
 *    (over: pending, undecided). Assigned to Ann. Moved 策划 → 执行 on 11-13 by Ann.
 * c2 会员日: 人力 ¥200; ¥200 on 11-18 (exactly the budget: within). Sent back 执行 → 策划 on 11-18.
 * c3 no budget.
 * c5 春季新品: finished (entered 完成) 11-10: 销售额 ¥500,000 target, ¥600,000 actual (1.2);
 *    到店人数 800 → 600 (0.75); 转化率 5% unmeasured. Mean (1.2 + 0.75) / 2 = 0.975.
 * c6 老客回馈: finished 11-17, assigned to Ann: 线索数 200 → 50 (0.25).
 * c7 finished 11-17 without targets; c8 has a target but stands in 执行.
 * Board B (USD): c4 budget $100, $25 spent on 11-05.
 */
function boards() {
  vi.setSystemTime(at(1));
  const a = new Y.Doc();
  initBoard(
    a,
    { title: '双十一', stages: [{ name: '策划' }, { name: '执行' }, { name: '完成' }] },
    SERVER_ORIGIN
  );
  const [plan, doing, done] = readBoard(a).stages.map((s) => s.id) as [string, string, string];
  for (const [id, title, stage] of [
    ['c1', '门店活动', plan],
    ['c2', '会员日', doing],
    ['c3', '海报', plan],
    ['c5', '春季新品', doing],
    ['c6', '老客回馈', doing],
    ['c7', '复盘', doing],
    ['c8', '直播', doing]
  ] as const)
    addCard(a, { stageId: stage, title, id });
  assignCard(a, 'c1', ANN.userId);
  assignCard(a, 'c6', ANN.userId);
  const staff = setBudgetLine(a, 'c1', null, { name: '人力成本', amount: 100_000 });
  const stuff = setBudgetLine(a, 'c1', null, { name: '物料成本', amount: 50_000 });
  expect(recordExpense(a, 'c1', { line: staff, amount: 60_000, date: '2026-11-03' }, ANN, at(3)).status).toBe(
    'within'
  );
  expect(
    recordExpense(a, 'c1', { line: stuff, amount: 30_000, date: '2026-11-17' }, ANN, at(17)).status
  ).toBe('within');
  const over = recordExpense(a, 'c1', { line: stuff, amount: 30_000, date: '2026-11-17' }, ANN, at(17, 11));
  expect(over.status).toBe('pending');
  decideExpense(a, 'c1', over.id, true, BOSS, at(17, 12));
  expect(
    recordExpense(a, 'c1', { line: stuff, amount: 5_000, date: '2026-10-20' }, ANN, at(17, 13)).status
  ).toBe('pending');
  const c2 = setBudgetLine(a, 'c2', null, { name: '人力成本', amount: 20_000 });
  expect(recordExpense(a, 'c2', { line: c2, amount: 20_000, date: '2026-11-18' }, ANN, at(18)).status).toBe(
    'within'
  );
  const sales = setTarget(a, 'c5', null, { name: '销售额', kind: 'money', target: 50_000_000 });
  const visitors = setTarget(a, 'c5', null, { name: '到店人数', kind: 'count', unit: '人', target: 800 });
  setTarget(a, 'c5', null, { name: '转化率', kind: 'percent', unit: '%', target: 5 });
  setActual(a, 'c5', sales, 60_000_000);
  setActual(a, 'c5', visitors, 600);
  const leads = setTarget(a, 'c6', null, { name: '线索数', kind: 'count', unit: '条', target: 200 });
  setActual(a, 'c6', leads, 50);
  setTarget(a, 'c8', null, { name: '线索数', kind: 'count', target: 10 });
  vi.setSystemTime(at(10));
  moveCard(a, 'c5', done, 0);
  vi.setSystemTime(at(17));
  moveCard(a, 'c6', done, 0);
  moveCard(a, 'c7', done, 0);

  const b = new Y.Doc();
  initBoard(b, { title: 'Global', stages: [{ name: 'Plan' }, { name: 'Done' }] }, SERVER_ORIGIN);
  setCurrency(b, 'USD');
  addCard(b, { stageId: readBoard(b).stages[0]!.id, title: 'Launch', id: 'c4' });
  const line = setBudgetLine(b, 'c4', null, { name: 'Promotion', amount: 10_000 });
  recordExpense(b, 'c4', { line, amount: 2_500, date: '2026-11-05' }, ANN, at(5));
  const events: DigestEvent[] = [
    { cardId: 'c2', at: at(12), kind: 'card.created', toStage: plan, userId: 'u-ann' },
    { cardId: 'c1', at: at(13), kind: 'card.moved', fromStage: plan, toStage: doing, userId: 'u-ann' },
    { cardId: 'c5', at: at(10), kind: 'card.moved', fromStage: doing, toStage: done, userId: 'u-bo' },
    { cardId: 'c6', at: at(17), kind: 'card.moved', fromStage: doing, toStage: done, userId: 'u-ann' },
    { cardId: 'c2', at: at(18), kind: 'card.sent-back', fromStage: doing, toStage: plan, userId: 'u-boss' },
    { cardId: 'gone', at: at(14), kind: 'card.moved', fromStage: plan, toStage: doing, userId: 'u-ann' }
  ];
  return { a, b, events, stages: { plan, doing, done } };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('periods', () => {
  it('names weeks from Monday, calendar months and quarters, and the last seven days', () => {
    expect(range('week')).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(range('lastweek')).toMatchObject({ from: '2026-11-09', to: '2026-11-15' });
    expect(range('last7')).toMatchObject({ from: '2026-11-12', to: '2026-11-18' });
    expect(range('month')).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(range('quarter')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('week', '2026-11-22')).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodRange('quarter', '2027-02-28')).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
    expect(periodRange('month', '2028-02-10')).toMatchObject({ to: '2028-02-29' });
    expect(inPeriod('1999-01-01', range('all'))).toBe(true);
    expect(inPeriod('2026-11-16', range('week'))).toBe(true);
    expect(inPeriod('2026-11-23', range('week'))).toBe(false);
  });
});

describe('budget burn', () => {
  it('counts spent and pending among expenses dated in the period, per card, in its currency', () => {
    const { a, b } = boards();
    const byId = (rows: ReturnType<typeof boardBurn>) =>
      Object.fromEntries(rows.map((r) => [r.cardId, [r.currency, r.budget, r.spent, r.pending]]));
    // All time: c1 spent 600 + 300 + 300 (approved) = ¥1,200, ¥50 pending; c2 ¥200 of ¥200.
    expect(byId(boardBurn(a, range('all')))).toEqual({
      c1: ['CNY', 150_000, 120_000, 5_000],
      c2: ['CNY', 20_000, 20_000, 0]
    });
    // This week (11-16 … 11-22): c1's two ¥300 on 11-17; c2's ¥200 on 11-18.
    expect(byId(boardBurn(a, range('week')))).toEqual({
      c1: ['CNY', 150_000, 60_000, 0],
      c2: ['CNY', 20_000, 20_000, 0]
    });
    // This quarter takes in October's pending ¥50; this month does not.
    expect(byId(boardBurn(a, range('quarter'))).c1).toEqual(['CNY', 150_000, 120_000, 5_000]);
    expect(byId(boardBurn(a, range('month'))).c1).toEqual(['CNY', 150_000, 120_000, 0]);
    expect(byId(boardBurn(b, range('all')))).toEqual({ c4: ['USD', 10_000, 2_500, 0] });
    expect(boardBurn(a, range('all')).find((r) => r.cardId === 'c1')?.assignees).toEqual(['u-ann']);
  });

  it('totals per currency, never yuan with dollars, and ranks cards by burn', () => {
    const { a, b } = boards();
    const rows = [...boardBurn(a, range('all')), ...boardBurn(b, range('all'))];
    expect(sumBurn(rows)).toEqual([
      { currency: 'CNY', budget: 170_000, spent: 140_000, pending: 5_000, cards: 2 },
      { currency: 'USD', budget: 10_000, spent: 2_500, pending: 0, cards: 1 }
    ]);
    // c2 burnt 200/200 = 100 %, c1 1200/1500 = 80 %, c4 25/100 = 25 %.
    expect(topBurn(rows, 2).map((r) => r.cardId)).toEqual(['c2', 'c1']);
    expect(rows.map((r) => burnOf(r))).toEqual([0.8, 1, 0.25]);
    expect(burnOf({ budget: 0, spent: 5 })).toBeNull();
  });
});

describe('attainment of finished campaigns', () => {
  it('lists cards in the last stage with targets, finished in the period, with each target and the mean', () => {
    const { a } = boards();
    const all = finishedCampaigns(a, range('all'), localDate);
    expect(all.map((c) => [c.cardId, c.mean])).toEqual([
      ['c6', 0.25],
      ['c5', 0.975]
    ]);
    const c5 = all.find((c) => c.cardId === 'c5')!;
    expect(c5.finishedAt).toBe(at(10));
    expect(c5.targets.map((t) => [t.name, t.target, t.actual, t.attainment])).toEqual([
      ['销售额', 50_000_000, 60_000_000, 1.2],
      ['到店人数', 800, 600, 0.75],
      ['转化率', 5, null, null]
    ]);
    expect(finishedCampaigns(a, range('week'), localDate).map((c) => c.cardId)).toEqual(['c6']);
    expect(finishedCampaigns(a, range('lastweek'), localDate).map((c) => c.cardId)).toEqual(['c5']);
  });
});

describe('the weekly digest', () => {
  it('tells what moved and finished, who moved it, what was spent and which overruns were decided', () => {
    const { a, events, stages } = boards();
    const d = boardDigest(a, events, range('last7'), localDate);
    // 11-12 … 11-18: c2 sent back (18th), c6 finished (17th), c1 moved (13th); creation is no
    // move, the deleted card is gone, c5's move (10th) is the week before.
    expect(d.moved.map((m) => [m.cardId, m.fromStage, m.toStage, m.sentBack, m.by])).toEqual([
      ['c2', stages.doing, stages.plan, true, 'u-boss'],
      ['c6', stages.doing, stages.done, false, 'u-ann'],
      ['c1', stages.plan, stages.doing, false, 'u-ann']
    ]);
    expect(d.finished.map((m) => m.title)).toEqual(['老客回馈']);
    expect(d.stages[stages.done]?.name).toBe('完成');
    // Spent, dated 11-12 … 11-18: c1 ¥300 + ¥300 approved, c2 ¥200. October's ¥50 waits, not here.
    expect([d.currency, d.spent, d.pending]).toEqual(['CNY', 80_000, 0]);
    expect(d.decided.map((x) => [x.cardId, x.amount, x.approved, x.by, x.at])).toEqual([
      ['c1', 30_000, true, 'u-boss', at(17, 12)]
    ]);
    const before = boardDigest(a, events, range('lastweek'), localDate);
    expect(before.moved.map((m) => m.cardId)).toEqual(['c1', 'c5']);
    expect(before.finished.map((m) => m.cardId)).toEqual(['c5']);
    expect([before.spent, before.decided.length]).toEqual([0, 0]);
  });
});

describe('the filter in the URL', () => {
  it('reads a bookmarked query back, ignoring periods the page does not offer', () => {
    const q = new URLSearchParams('board=b1&person=u-ann&period=quarter');
    const f = filterFromQuery(q, PERIODS, 'all');
    expect(f).toEqual({ board: 'b1', template: null, person: 'u-ann', period: 'quarter' });
    expect(queryOf(f, 'all').toString()).toBe('board=b1&person=u-ann&period=quarter');
    expect(queryOf({ ...f, period: 'all' }, 'all').toString()).toBe('board=b1&person=u-ann');
    expect(filterFromQuery(new URLSearchParams('period=last7'), PERIODS, 'all').period).toBe('all');
    expect(filterFromQuery(new URLSearchParams('period=bogus'), DIGEST_PERIODS, 'last7').period).toBe(
      'last7'
    );
  });
});
