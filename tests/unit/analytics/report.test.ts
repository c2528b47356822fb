/**
 * The summary report (src/lib/analytics/report.ts) of a card built by hand: every figure below is
 * worked out in the test from the numbers it put in, not read back from the functions it checks.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { summaryReport, type StageEvent } from '#lib/analytics';
import {
  SERVER_ORIGIN,
  addCard,
  addLabel,
  assignCard,
  decideExpense,
  initBoard,
  putAttachment,
  readBoard,
  recordExpense,
  sendBackCard,
  setActual,
  setBudgetLine,
  setCardLabel,
  setCardRetro,
  setTarget,
  signatureKey
} from '#lib/board';
import { roots } from '#lib/board/schema';

const EDITOR = { userId: 'u-ed', role: 'editor' as const };
const MANAGER = { userId: 'u-boss', role: 'manager' as const };
const names = new Map([
  ['u-ed', '李执行'],
  ['u-boss', '王经理']
]);
/** Day `d` of November 2026 at `h` o'clock UTC. */
const T = (d: number, h: number) => Date.UTC(2026, 10, d, h);

function fixture() {
  const doc = new Y.Doc();
  initBoard(
    doc,
    {
      title: '双十一',
      stages: [{ name: '策划', altName: 'Plan' }, { name: '审批', sendBackTo: 0 }, { name: '评估' }]
    },
    SERVER_ORIGIN
  );
  const [plan, review, judge] = readBoard(doc).stages.map((s) => s.id) as [string, string, string];
  addCard(doc, { stageId: plan, title: '门店活动', id: 'c1' });
  addCard(doc, { stageId: plan, title: '别的卡片', id: 'c2' });
  assignCard(doc, 'c1', 'u-ed');
  const label = addLabel(doc, { name: '重点', color: 'red' });
  setCardLabel(doc, 'c1', label);

  const staff = setBudgetLine(doc, 'c1', null, { name: '人力成本', amount: 500_000 });
  const print = setBudgetLine(doc, 'c1', null, { name: '物料成本', amount: 100_000 });
  recordExpense(doc, 'c1', { line: staff, amount: 320_000, date: '2026-11-03' }, EDITOR);
  recordExpense(doc, 'c1', { line: print, amount: 90_000, date: '2026-11-04' }, EDITOR);
  // Over its line: waits, then approved (counts as spent).
  const over = recordExpense(doc, 'c1', { line: print, amount: 25_000, date: '2026-11-05' }, EDITOR);
  decideExpense(doc, 'c1', over.id, true, MANAGER);
  // Over again: still waiting (pending, not spent).
  recordExpense(doc, 'c1', { line: print, amount: 7_000, date: '2026-11-06' }, EDITOR);

  const visitors = setTarget(doc, 'c1', null, { name: '到店人数', kind: 'count', unit: '人', target: 800 });
  const sales = setTarget(doc, 'c1', null, { name: '销售额', kind: 'money', target: 2_000_000 });
  const rate = setTarget(doc, 'c1', null, { name: '转化率', kind: 'percent', unit: '%', target: 20 });
  setActual(doc, 'c1', visitors, 1000);
  setActual(doc, 'c1', sales, 1_300_000);
  void rate;

  // Moved to review and sent back with a reason, as the server records it.
  roots(doc).cards.get('c1')!.set('stageId', review);
  sendBackCard(doc, 'c1', SERVER_ORIGIN, { by: 'u-boss', note: '主视觉不清楚' });
  doc.transact(() =>
    roots(doc).approvals.set(signatureKey('c1', review, 1, 0), {
      by: 'u-boss',
      name: '王经理',
      at: T(6, 10),
      note: '同意',
      approver: 0,
      title: '市场经理'
    })
  );
  // Another card's signature must not show.
  doc.transact(() =>
    roots(doc).approvals.set(signatureKey('c2', review, 0, 0), {
      by: 'u-boss',
      name: '王经理',
      at: 1,
      note: ''
    })
  );
  putAttachment(doc, 'c1', 'a1', {
    name: '海报-v2.png',
    type: 'image/png',
    versions: [
      { v: 1, size: 10, at: T(2, 9), by: 'u-ed', type: 'image/png', name: '海报.png' },
      { v: 2, size: 12, at: T(4, 9), by: 'u-ed', type: 'image/png', name: '海报-v2.png' }
    ]
  });
  setCardRetro(doc, 'c1', '物料到货晚了两天。\n下次提前一周下单。');
  // The document's stage as the history ends: the card is in 评估 since day 8.
  const card = roots(doc).cards.get('c1')!;
  card.set('stageId', judge);
  card.set('createdAt', T(1, 9));
  card.set('enteredAt', T(8, 12));
  const events: StageEvent[] = [
    { cardId: 'c1', at: T(1, 9), kind: 'card.created', toStage: plan },
    { cardId: 'c2', at: T(1, 10), kind: 'card.created', toStage: plan },
    { cardId: 'c1', at: T(3, 21), kind: 'card.moved', fromStage: plan, toStage: review },
    { cardId: 'c1', at: T(5, 9), kind: 'card.sent-back', fromStage: review, toStage: plan },
    { cardId: 'c1', at: T(6, 9), kind: 'card.moved', fromStage: plan, toStage: review },
    { cardId: 'c1', at: T(8, 12), kind: 'card.moved', fromStage: review, toStage: judge }
  ];
  return { doc, events, plan, review, judge };
}

describe('the summary report of a card with known history', () => {
  const { doc, events } = fixture();
  const now = T(10, 0);
  const report = summaryReport({ doc, cardId: 'c1', events, names, now });

  it('names the card, its board, its people and labels', () => {
    expect(report.title).toBe('门店活动');
    expect(report.boardTitle).toBe('双十一');
    expect(report.stage.name).toBe('评估');
    expect(report.assignees).toEqual(['李执行']);
    expect(report.labels).toEqual(['重点']);
    expect(report.currency).toBe('CNY');
  });

  it('gives each goal its attainment, cost per result and return on spending', () => {
    // Spent: 320,000 + 90,000 + 25,000 (approved) = 435,000 fen; 7,000 still waits.
    const spent = 320_000 + 90_000 + 25_000;
    expect(report.goals.map((g) => g.name)).toEqual(['到店人数', '销售额', '转化率']);
    const [visitors, sales, rate] = report.goals;
    expect(visitors).toMatchObject({ target: 800, actual: 1000, attainment: 1.25, returnOnSpend: null });
    expect(visitors!.costPerResult).toBe(Math.round(spent / 1000));
    expect(sales).toMatchObject({ attainment: 0.65, costPerResult: null });
    expect(sales!.returnOnSpend).toBeCloseTo(1_300_000 / spent, 12);
    expect(rate).toMatchObject({ actual: null, attainment: null, costPerResult: null, returnOnSpend: null });
  });

  it('gives budget, spent and pending by line and in total, in fen', () => {
    expect(report.lines).toEqual([
      { name: '人力成本', budget: 500_000, spent: 320_000, pending: 0 },
      { name: '物料成本', budget: 100_000, spent: 115_000, pending: 7_000 }
    ]);
    expect(report.totals).toEqual({ budget: 600_000, spent: 435_000, pending: 7_000 });
  });

  it('lays out the stages with dates and days, and the revision round with its reason', () => {
    const day = 86_400_000;
    expect(report.timeline.map((s) => [s.name, s.entered, s.left])).toEqual([
      ['策划', T(1, 9), T(3, 21)],
      ['审批', T(3, 21), T(5, 9)],
      ['策划', T(5, 9), T(6, 9)],
      ['审批', T(6, 9), T(8, 12)],
      ['评估', T(8, 12), null]
    ]);
    // 2.5 days, 1.5, 1, 2 days 3 h (2.125 → 2.1), and the open stay up to the report: 1.5.
    expect(report.timeline.map((s) => s.days)).toEqual([2.5, 1.5, 1, 2.1, (now - T(8, 12)) / day]);
    expect(report.timeline[0]!.altName).toBe('Plan');
    expect(report.revisions).toHaveLength(1);
    expect(report.revisions[0]).toMatchObject({ round: 1, by: '王经理', reason: '主视觉不清楚' });
    expect(report.revisions[0]!.from.name).toBe('审批');
    expect(report.revisions[0]!.to.name).toBe('策划');
  });

  it('lists only this card’s approvals with who, when, which stage and round', () => {
    expect(report.approvals).toEqual([
      {
        stage: { name: '审批', altName: '' },
        round: 1,
        by: '王经理',
        title: '市场经理',
        at: T(6, 10),
        note: '同意'
      }
    ]);
  });

  it('gives each draft its newest name and version count, and the team’s issues and suggestions', () => {
    expect(report.drafts).toEqual([
      { name: '海报-v2.png', versions: 2, latestAt: T(4, 9), latestBy: '李执行' }
    ]);
    expect(report.retro).toBe('物料到货晚了两天。\n下次提前一周下单。');
  });

  it('is empty where the card has nothing yet', () => {
    const bare = summaryReport({ doc, cardId: 'c2', events, names, now });
    expect(bare.approvals.map((a) => a.at)).toEqual([1]);
    expect(bare).toMatchObject({ goals: [], lines: [], drafts: [], revisions: [], retro: '' });
    expect(bare.totals).toEqual({ budget: 0, spent: 0, pending: 0 });
    expect(bare.timeline).toHaveLength(1);
  });
});
