import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStage,
  dueOccurrences,
  initBoard,
  makeOccurrenceCard,
  nextDue,
  readBoard,
  readCardDetail,
  readRecurringRules,
  readStages,
  removeRecurringRule,
  setRecurringRule,
  type RecurringRule
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { boardInitFromTemplate, findBuiltinTemplate } from '#lib/templates';

const monthly26: RecurringRule = {
  title: '月度销售计划',
  every: { kind: 'monthly', day: 26 },
  nonWorking: 'before',
  leadDays: 0,
  paused: false
};

describe('when a recurring plan falls due', () => {
  it('monthly on the 26th moves a day off to the working day before', () => {
    // 2026-11-26 is a Thursday; 2026-12-26 a Saturday, so Friday the 25th.
    expect(nextDue(monthly26, '2026-11-20', 'cn-mainland')).toBe('2026-11-26');
    expect(nextDue(monthly26, '2026-11-27', 'cn-mainland')).toBe('2026-12-25');
    expect(nextDue({ ...monthly26, nonWorking: 'keep' }, '2026-11-27', 'cn-mainland')).toBe('2026-12-26');
    expect(nextDue({ ...monthly26, nonWorking: 'after' }, '2026-11-27', 'cn-mainland')).toBe('2026-12-28');
    expect(nextDue({ ...monthly26, paused: true }, '2026-11-27', 'cn-mainland')).toBeNull();
  });

  it('counts holidays by the board calendar: 2026-10-01 falls in National Day', () => {
    const first: RecurringRule = { ...monthly26, every: { kind: 'monthly', day: 1 }, nonWorking: 'after' };
    expect(nextDue(first, '2026-09-30', 'cn-mainland')).toBe('2026-10-08');
    expect(nextDue(first, '2026-09-30', 'mon-fri')).toBe('2026-10-01');
    // A short month uses its last day: the 31st in February 2027 is the 28th (a Sunday → Friday 26th).
    const last: RecurringRule = { ...monthly26, every: { kind: 'monthly', day: 31 } };
    expect(nextDue(last, '2027-02-01', 'mon-fri')).toBe('2027-02-26');
  });

  it('makes the card on its day, or lead days before, and never for a period already past', () => {
    expect(dueOccurrences(monthly26, '2026-11-25', 'mon-fri')).toEqual([]);
    expect(dueOccurrences(monthly26, '2026-11-26', 'mon-fri')).toEqual([
      { period: '2026-11', due: '2026-11-26', makeOn: '2026-11-26' }
    ]);
    expect(dueOccurrences(monthly26, '2026-11-27', 'mon-fri')).toEqual([]);
    const early = { ...monthly26, leadDays: 3 };
    expect(dueOccurrences(early, '2026-11-23', 'mon-fri').map((o) => o.period)).toEqual(['2026-11']);
    expect(dueOccurrences({ ...monthly26, paused: true }, '2026-11-26', 'mon-fri')).toEqual([]);
  });

  it('weekly rules are claimed by the Monday of their week', () => {
    const friday: RecurringRule = { ...monthly26, every: { kind: 'weekly', weekday: 5 } };
    expect(dueOccurrences(friday, '2026-12-11', 'mon-fri')).toEqual([
      { period: '2026-12-07', due: '2026-12-11', makeOn: '2026-12-11' }
    ]);
    // Friday 2026-10-02 is in the National Day holiday: the working day before is 09-30.
    expect(nextDue(friday, '2026-09-29', 'cn-mainland')).toBe('2026-09-30');
  });
});

describe('recurring plans on a board', () => {
  const board = () => {
    const doc = new Y.Doc();
    initBoard(doc, {
      title: 'Sales',
      stages: [{ name: 'Draft', checklist: [{ key: 'c0', text: '填写销售计划表' }] }]
    });
    return doc;
  };

  it('are written, read and removed; bad rules and unknown stages are refused', () => {
    const doc = board();
    const id = setRecurringRule(doc, null, monthly26);
    expect(readRecurringRules(doc)).toEqual([{ id, ...monthly26 }]);
    setRecurringRule(doc, id, { ...monthly26, paused: true });
    expect(readRecurringRules(doc)[0]!.paused).toBe(true);
    expect(() => setRecurringRule(doc, null, { ...monthly26, leadDays: 400 })).toThrow();
    expect(() => setRecurringRule(doc, null, { ...monthly26, stageId: 'nope' })).toThrow();
    removeRecurringRule(doc, id);
    expect(readRecurringRules(doc)).toEqual([]);
  });

  it('an occurrence card lands in the rule stage with its checklist, dated the day it is due', () => {
    const doc = board();
    const second = addStage(doc, { name: 'Review' });
    const id = setRecurringRule(doc, null, { ...monthly26, stageId: second });
    const o = dueOccurrences(monthly26, '2026-11-26', 'mon-fri')[0]!;
    expect(makeOccurrenceCard(doc, id, o, 'card-2026-11')).toBe(true);
    const card = readBoard(doc).columns.get(second)![0]!;
    expect(card).toMatchObject({ id: 'card-2026-11', title: '月度销售计划 2026-11', date: '2026-11-26' });
    const first = readStages(doc)[0]!.id;
    setRecurringRule(doc, id, monthly26);
    makeOccurrenceCard(doc, id, o, 'card-b');
    const detail = readCardDetail('card-b', roots(doc).cards.get('card-b')!);
    expect(detail.stageId).toBe(first);
    expect(detail.checklist.map((i) => i.text)).toEqual(['填写销售计划表']);
    setRecurringRule(doc, id, { ...monthly26, paused: true });
    expect(makeOccurrenceCard(doc, id, o, 'card-c')).toBe(false);
    expect(roots(doc).cards.has('card-c')).toBe(false);
  });

  it('the monthly sales plan template ships its 26th rule; the campaign its paused weekly review', () => {
    const sales = new Y.Doc();
    initBoard(sales, boardInitFromTemplate(findBuiltinTemplate('monthly-sales-plan')!, '12月'));
    expect(readRecurringRules(sales)).toEqual([expect.objectContaining({ ...monthly26 })]);
    const campaign = new Y.Doc();
    initBoard(campaign, boardInitFromTemplate(findBuiltinTemplate('campaign-execution')!, '旺季'));
    const [review] = readRecurringRules(campaign);
    const monitoring = readStages(campaign).find((s) => s.name === '监控与评估')!;
    expect(review).toMatchObject({
      paused: true,
      every: { kind: 'weekly', weekday: 1 },
      stageId: monitoring.id
    });
  });
});
