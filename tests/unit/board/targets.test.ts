/**
 * Targets and results (src/lib/board/targets.ts): a target keeps its kind's number rules, an
 * actual is recorded and cleared without touching the target, and attainment, cost per result and
 * return on spending are computed only where they mean something.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  SERVER_ORIGIN,
  addCard,
  attainment,
  costPerResult,
  initBoard,
  parseTargetInput,
  readResultsFace,
  readBoard,
  readTargets,
  rankBetween,
  removeTarget,
  returnOnSpend,
  setActual,
  setTarget,
  targetProblem
} from '#lib/board';
import { cardMap } from '#lib/board/schema';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: '双十一', stages: [{ name: '策划' }, { name: '评估' }] }, SERVER_ORIGIN);
  addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: '门店活动', id: 'c1' });
  return doc;
}

describe('targets', () => {
  it('keeps targets in the order they were set, with their actuals', () => {
    const doc = board();
    const visitors = setTarget(doc, 'c1', null, {
      name: ' 到店人数 ',
      kind: 'count',
      unit: '人',
      target: 800
    });
    const sales = setTarget(doc, 'c1', null, { name: '销售额', kind: 'money', target: 50_000_000 });
    setActual(doc, 'c1', visitors, 920);
    const read = readTargets(cardMap(doc, 'c1'));
    expect(read.map((t) => [t.id, t.name, t.unit, t.target, t.actual])).toEqual([
      [visitors, '到店人数', '人', 800, 920],
      [sales, '销售额', '', 50_000_000, undefined]
    ]);
  });

  it('changing a target keeps its actual unless the kind changes, and clearing an actual keeps the target', () => {
    const doc = board();
    const id = setTarget(doc, 'c1', null, { name: '线索数', kind: 'count', unit: '条', target: 300 });
    setActual(doc, 'c1', id, 240);
    setTarget(doc, 'c1', id, { name: '线索数', kind: 'count', unit: '条', target: 250 });
    expect(readTargets(cardMap(doc, 'c1'))[0]).toMatchObject({ target: 250, actual: 240 });
    setTarget(doc, 'c1', id, { name: '转化率', kind: 'percent', unit: '%', target: 5 });
    expect(readTargets(cardMap(doc, 'c1'))[0]!.actual).toBeUndefined();
    setActual(doc, 'c1', id, 4.5);
    setActual(doc, 'c1', id, null);
    const cleared = readTargets(cardMap(doc, 'c1'))[0]!;
    expect([cleared.target, 'actual' in cleared]).toEqual([5, false]);
    removeTarget(doc, 'c1', id);
    expect(readTargets(cardMap(doc, 'c1'))).toEqual([]);
  });

  it('refuses what is not a target: money in fractions of a fen, negative numbers, a blank name', () => {
    const doc = board();
    const bad = [
      { name: '销售额', kind: 'money' as const, target: 10.5 },
      { name: '到店人数', kind: 'count' as const, target: -1 },
      { name: '  ', kind: 'count' as const, target: 1 },
      { name: '转化率', kind: 'percent' as const, target: Number.NaN }
    ];
    for (const input of bad) expect(() => setTarget(doc, 'c1', null, input)).toThrow(BoardError);
    const id = setTarget(doc, 'c1', null, { name: '销售额', kind: 'money', target: 100 });
    expect(() => setActual(doc, 'c1', id, 0.5)).toThrow(/whole fen/);
    expect(() => setActual(doc, 'c1', 'nope', 1)).toThrow(/No such target/);
    expect(readTargets(cardMap(doc, 'c1'))).toHaveLength(1);
  });

  it('judges stored values as the server will', () => {
    const ok = { name: '线索数', kind: 'count', unit: '条', target: 300, rank: rankBetween(null, null) };
    expect(targetProblem(ok)).toBeNull();
    expect(targetProblem({ ...ok, actual: 12 })).toBeNull();
    expect(targetProblem({ ...ok, extra: 1 })).toMatch(/target/);
    expect(targetProblem({ ...ok, kind: 'ratio' })).toMatch(/kind/);
    expect(targetProblem({ ...ok, unit: '很长很长很长很长很长很长' })).toMatch(/unit/);
    expect(targetProblem({ ...ok, actual: -3 })).toMatch(/actual/);
  });
});

describe('results', () => {
  it('attainment is actual over target, unknown before the actual or for a target of zero', () => {
    expect(attainment({ target: 800, actual: 920 })).toBeCloseTo(1.15);
    expect(attainment({ target: 800 })).toBeNull();
    expect(attainment({ target: 0, actual: 3 })).toBeNull();
  });

  it('cost per result for counts, return on spending for money, neither for percentages', () => {
    const spent = 1_234_500; // ¥12,345.00
    expect(costPerResult({ kind: 'count', actual: 300 }, spent)).toBe(4115); // ¥41.15 a lead
    expect(costPerResult({ kind: 'count', actual: 0 }, spent)).toBeNull();
    expect(costPerResult({ kind: 'money', actual: 300 }, spent)).toBeNull();
    expect(returnOnSpend({ kind: 'money', actual: 3_703_500 }, spent)).toBeCloseTo(3);
    expect(returnOnSpend({ kind: 'money', actual: 100 }, 0)).toBeNull();
    expect(returnOnSpend({ kind: 'percent', actual: 4 }, spent)).toBeNull();
  });
});

describe('what a person types as a target or an actual', () => {
  it('reads money in 元 as whole fen, and counts and percentages as plain numbers', () => {
    expect(parseTargetInput('money', '20,000.5')).toBe(2_000_050);
    expect(parseTargetInput('money', '¥１２.３４')).toBe(1_234);
    expect(parseTargetInput('money', '0.001')).toBeNull();
    expect(parseTargetInput('count', '1,200')).toBe(1_200);
    expect(parseTargetInput('count', '12%')).toBeNull();
    expect(parseTargetInput('percent', '12.5%')).toBe(12.5);
    expect(parseTargetInput('percent', '20000')).toBeNull();
    for (const kind of ['money', 'count', 'percent'] as const) {
      expect(parseTargetInput(kind, '-3')).toBeNull();
      expect(parseTargetInput(kind, '')).toBeNull();
      expect(parseTargetInput(kind, 'abc')).toBeNull();
    }
  });

  it('counts targets and actuals for the face, without a map for a card that has none', () => {
    const doc = board();
    expect(readResultsFace(cardMap(doc, 'c1'))).toBeNull();
    const id = setTarget(doc, 'c1', null, { name: '线索数', kind: 'count', unit: '条', target: 300 });
    setTarget(doc, 'c1', null, { name: '转化率', kind: 'percent', unit: '%', target: 5 });
    expect(readResultsFace(cardMap(doc, 'c1'))).toEqual({ targets: 2, measured: 0 });
    setActual(doc, 'c1', id, 280);
    expect(readResultsFace(cardMap(doc, 'c1'))).toEqual({ targets: 2, measured: 1 });
  });
});
