import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  approversFor,
  gateOf,
  initBoard,
  readBoard,
  readFieldDefs,
  setCardFieldValue,
  setStageRules,
  type Gate,
  type StageView,
  type TimeRule
} from '#lib/board';
import { opsFor, type ConditionField } from '#lib/components/board/condition-draft.svelte';
import { DraftProblem, StageRulesDraft } from '#lib/components/board/stage-rules-draft.svelte';

/**
 * The stage settings' edit buffer and the conditions (`if`) it edits: a condition nobody touched is
 * written back as it was stored, even one naming a field the board no longer has; one typed in
 * yuan is stored in fen; a value that is not one is refused on the tab that holds it.
 */

const GATE: Gate = {
  approvers: [
    { title: '上级审核人员', level: 'manager' },
    { title: '总经理', level: 'general-manager', if: { field: 'budget', op: 'gt', value: 50_000_000 } },
    { title: '技术总监', level: 'director', if: { field: 'gone', op: 'gte', value: 7 } },
    { title: '市场营销部主管领导', level: 'manager', when: '修改或取消已批准的方案', whenAlt: 'a change' }
  ],
  mode: 'all'
};
const VIDEO_ONLY: TimeRule = {
  kind: 'start-by',
  amount: 10,
  unit: 'working-days',
  if: { field: 'type', op: 'eq', value: '影视' }
};

function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    title: '推广',
    fields: [
      { id: 'budget', name: '预算', kind: 'money' },
      { id: 'type', name: '需求类型', kind: 'text' },
      { id: 'major', name: '重大项目', kind: 'flag' }
    ],
    stages: [{ name: '策划', gate: GATE, timeRule: VIDEO_ONLY }, { name: '执行' }]
  });
  const [plan, run] = readBoard(doc).stages as [StageView, StageView];
  const fields: ConditionField[] = [
    { id: 'date', kind: 'date' },
    ...readFieldDefs(doc).map((f) => ({ id: f.id, kind: f.kind }))
  ];
  return { doc, plan, run, fields, draft: new StageRulesDraft(plan, fields) };
}

describe('stage settings conditions', () => {
  it('writes back every condition it was not asked to change, a removed field’s and a words-only one’s too', () => {
    const { draft } = board();
    const patch = draft.patch();
    expect(patch.gate?.approvers).toEqual(GATE.approvers);
    expect(patch.timeRule).toEqual(VIDEO_ONLY);
  });

  it('shows a money condition in yuan and stores one typed in yuan in fen', () => {
    const { draft } = board();
    const big = draft.approvers[1]!.condition;
    expect(big.text).toBe('500000.00');
    big.text = '800000';
    expect(draft.patch().gate?.approvers[1]?.if).toEqual({ field: 'budget', op: 'gt', value: 80_000_000 });
  });

  it('gives a new approver a condition on a field, and 始终 takes it away', () => {
    const { draft } = board();
    draft.addApprover();
    draft.editApprover(4, '营销总监');
    const row = draft.approvers[4]!;
    row.condition.choose('budget', 'money', null);
    row.condition.op = 'gte';
    row.condition.text = '1,000.5';
    expect(draft.patch().gate?.approvers[4]).toEqual({
      title: '营销总监',
      level: 'manager',
      if: { field: 'budget', op: 'gte', value: 100_050 }
    });
    draft.approvers[1]!.condition.choose('', null, 'money');
    expect(draft.patch().gate?.approvers[1]).toEqual({ title: '总经理', level: 'general-manager' });
  });

  it('offers a flag only “is yes”, and moving a test to a flag makes it one', () => {
    const { draft } = board();
    expect(opsFor('flag')).toEqual(['set']);
    expect(opsFor('money')).toEqual(['set', 'gt', 'gte', 'eq']);
    const c = draft.approvers[1]!.condition;
    c.choose('major', 'flag', 'money');
    expect(c.op).toBe('set');
    expect(draft.patch().gate?.approvers[1]?.if).toEqual({ field: 'major', op: 'set' });
  });

  it('keeps the time rule’s condition when its kind changes, and edits it', () => {
    const { draft } = board();
    draft.kind = 'stage-days';
    draft.amount = 5;
    expect(draft.patch().timeRule).toEqual({
      kind: 'stage-days',
      days: 5,
      working: false,
      if: VIDEO_ONLY.if
    });
    draft.timeIf.text = '平面';
    expect(draft.patch().timeRule?.if).toEqual({ field: 'type', op: 'eq', value: '平面' });
    draft.timeIf.choose('', null, 'text');
    expect(draft.patch().timeRule).toEqual({ kind: 'stage-days', days: 5, working: false });
  });

  it('refuses an empty or unreadable value on the tab that holds it', () => {
    const { draft } = board();
    const problem = (): DraftProblem => {
      try {
        draft.patch();
      } catch (e) {
        if (e instanceof DraftProblem) return e;
        throw e;
      }
      throw new Error('the draft was saved');
    };
    draft.approvers[1]!.condition.text = '';
    expect(problem()).toMatchObject({
      key: 'stage.settings.invalid.conditionEmpty',
      tab: 'gate',
      target: 'approver-1-if'
    });
    draft.approvers[1]!.condition.text = '五十万';
    expect(problem()).toMatchObject({ key: 'stage.settings.invalid.conditionValue', tab: 'gate' });
    draft.approvers[1]!.condition.text = '500000';
    draft.timeIf.choose('budget', 'money', 'text');
    draft.timeIf.op = 'gt';
    expect(problem()).toMatchObject({ tab: 'time', target: 'time-if' });
    draft.timeIf.choose('', null, 'money');
    draft.amount = 0;
    expect(problem()).toMatchObject({ key: 'stage.settings.invalid.amount', tab: 'time', target: 'amount' });
    draft.amount = 3;
    draft.wip = 0;
    expect(problem()).toMatchObject({ key: 'stage.settings.invalid.wip', tab: 'basic', target: 'wip' });
  });

  it('drops an approver’s words on request, so the approver is always needed', () => {
    const { draft } = board();
    draft.dropWhen(3);
    expect(draft.patch().gate?.approvers[3]).toEqual({ title: '市场营销部主管领导', level: 'manager' });
  });

  it('a condition saved from the form decides whom a card needs: 预算 above ¥500,000 brings the 总经理 in', () => {
    const { doc, plan, fields } = board();
    const draft = new StageRulesDraft(plan, fields);
    const c = draft.approvers[1]!.condition;
    c.choose('', null, 'money');
    c.choose('budget', 'money', null);
    c.op = 'gt';
    c.text = '500000';
    setStageRules(doc, plan.id, draft.patch());
    const big = addCard(doc, { stageId: plan.id, title: '大项目' });
    const small = addCard(doc, { stageId: plan.id, title: '小项目' });
    setCardFieldValue(doc, big, 'budget', 60_000_000);
    setCardFieldValue(doc, small, 'budget', 10_000_000);
    const titles = (card: string) =>
      approversFor(doc, card, gateOf(doc, plan.id)!).map((a) => a.approver.title);
    expect(titles(big)).toContain('总经理');
    expect(titles(small)).not.toContain('总经理');
    expect(titles(small)).toContain('上级审核人员');
  });
});
