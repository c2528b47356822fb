import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  SERVER_ORIGIN,
  addAttachmentVersion,
  addCard,
  approversFor,
  assignCard,
  cardDeadlines,
  defineCardField,
  initBoard,
  moveCard,
  readBoard,
  readCardDetail,
  readStages,
  requirementsBlocking,
  setCardDate,
  setCardFieldValue,
  setActual,
  setBudgetLine,
  setChecklistItemDone,
  setStageRules,
  setTarget,
  type Missing
} from '#lib/board';
import { roots } from '#lib/board/schema';

/** 设计稿 requires its named item, a draft, the budget and the date; 校稿 requires all its items and someone assigned. */
function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    title: 'Poster',
    stages: [
      {
        name: '设计稿',
        checklist: [
          { key: 'draft', text: '出设计稿', alt: 'Draft the design' },
          { key: 'self', text: '内部自查' }
        ],
        requires: { checklist: ['draft'], draft: true, fields: ['budget', 'date'] }
      },
      {
        name: '校稿',
        checklist: [{ key: 'a', text: '校对文字' }],
        requires: { checklist: 'all', assignee: true }
      },
      { name: '完成' }
    ]
  });
  defineCardField(doc, { name: '预算', alt: 'Budget', kind: 'money' }, 'budget');
  const [design, proof, done] = readStages(doc).map((s) => s.id) as [string, string, string];
  const card = addCard(doc, { stageId: design, title: '春节海报' });
  return { doc, design, proof, done, card };
}

const refusal = (fn: () => void): BoardError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof BoardError) return e;
  }
  throw new Error('no BoardError');
};

describe('what a stage requires before a card leaves it forward', () => {
  it('names everything missing, in the order the stage lists it, and refuses the move with it', () => {
    const { doc, card, design, proof } = board();
    const expected: Missing[] = [
      { kind: 'item', text: '出设计稿', alt: 'Draft the design' },
      { kind: 'draft' },
      { kind: 'field', name: '预算', alt: 'Budget' },
      { kind: 'date', label: null }
    ];
    expect(requirementsBlocking(doc, card, proof)).toEqual({ stageId: design, missing: expected });
    const e = refusal(() => moveCard(doc, card, proof, 0));
    expect([e.code, e.stageId, e.missing]).toEqual(['requirements-unmet', design, expected]);
    expect(
      readBoard(doc)
        .columns.get(design)!
        .map((c) => c.id)
    ).toEqual([card]);
  });

  it('lets the card go once each is there, and asks nothing to go back', () => {
    const { doc, card, design, proof } = board();
    const item = readCardDetail(card, roots(doc).cards.get(card)!).checklist.find(
      (i) => i.text === '出设计稿'
    )!;
    setChecklistItemDone(doc, card, item.id, true);
    setCardFieldValue(doc, card, 'budget', 123450);
    setCardDate(doc, card, '2026-02-01');
    expect(requirementsBlocking(doc, card, proof)?.missing).toEqual([{ kind: 'draft' }]);
    addAttachmentVersion(
      doc,
      card,
      'a1',
      { name: 'v1.png', size: 9, type: 'image/png', by: 'u1' },
      SERVER_ORIGIN
    );
    expect(requirementsBlocking(doc, card, proof)).toBeNull();
    moveCard(doc, card, proof, 0);
    // Back is always fine, even with 校稿's checklist open.
    expect(requirementsBlocking(doc, card, design)).toBeNull();
    moveCard(doc, card, design, 0);
  });

  it('cannot skip a stage whose requirements are unmet, and checks every stage passed', () => {
    const { doc, card, design, done } = board();
    expect(requirementsBlocking(doc, card, done)?.stageId).toBe(design);
  });

  it('asks for all the items its stage gave the card, and for someone assigned', () => {
    const { doc, card, proof, done } = board();
    setStageRules(doc, readStages(doc)[0]!.id, { requires: null });
    moveCard(doc, card, proof, 0);
    expect(requirementsBlocking(doc, card, done)?.missing).toEqual([
      { kind: 'checklist' },
      { kind: 'assignee' }
    ]);
    const item = readCardDetail(card, roots(doc).cards.get(card)!).checklist.find(
      (i) => i.text === '校对文字'
    )!;
    setChecklistItemDone(doc, card, item.id, true);
    assignCard(doc, card, 'u1');
    expect(requirementsBlocking(doc, card, done)).toBeNull();
  });

  it('asks planning for a budget line and a target, and evaluation for every target’s actual (001 监测指标)', () => {
    const doc = new Y.Doc();
    initBoard(doc, {
      title: '双十一',
      stages: [
        { name: '策划阶段', requires: { budget: true, targets: true } },
        { name: '监控与评估', requires: { actuals: true } },
        { name: '总结与反馈' }
      ]
    });
    const [plan, watch, summary] = readStages(doc).map((s) => s.id) as [string, string, string];
    const card = addCard(doc, { stageId: plan, title: '门店开业' });
    expect(requirementsBlocking(doc, card, watch)?.missing).toEqual([
      { kind: 'budget' },
      { kind: 'targets' }
    ]);
    setBudgetLine(doc, card, null, { name: '宣传费用', amount: 5_000_00 });
    const visitors = setTarget(doc, card, null, { name: '到店人数', kind: 'count', unit: '人', target: 800 });
    expect(requirementsBlocking(doc, card, watch)).toBeNull();
    moveCard(doc, card, watch, 0);
    const sales = setTarget(doc, card, null, { name: '销售额', kind: 'money', target: 20_000_00 });
    expect(requirementsBlocking(doc, card, summary)?.missing).toEqual([
      { kind: 'actuals', names: ['到店人数', '销售额'] }
    ]);
    setActual(doc, card, visitors, 912);
    expect(requirementsBlocking(doc, card, summary)?.missing).toEqual([
      { kind: 'actuals', names: ['销售额'] }
    ]);
    setActual(doc, card, sales, 0);
    expect(requirementsBlocking(doc, card, summary)).toBeNull();
    // A card with no targets has nothing to measure: actuals alone do not ask for one.
    const order = addCard(doc, { stageId: watch, title: '物料印刷' });
    expect(requirementsBlocking(doc, order, summary)).toBeNull();
  });

  it('stores requirements cleaned, and refuses unusable ones', () => {
    const { doc, design } = board();
    setStageRules(doc, design, {
      requires: {
        draft: true,
        fields: ['x', 'x', 'bad key!'],
        targets: true,
        actuals: 'yes' as unknown as boolean
      }
    });
    expect(readStages(doc)[0]!.requires).toEqual({ draft: true, fields: ['x'], targets: true });
    expect(() => setStageRules(doc, design, { requires: {} })).toThrow(BoardError);
  });
});

describe('card fields', () => {
  it('keep values of their kind only: money in whole fen, links http(s), flags yes/no', () => {
    const { doc, card } = board();
    defineCardField(doc, { name: '链接', kind: 'link' }, 'link');
    defineCardField(doc, { name: '重大项目', kind: 'flag' }, 'major');
    expect(() => setCardFieldValue(doc, card, 'budget', 12.5)).toThrow(BoardError);
    expect(() => setCardFieldValue(doc, card, 'link', 'javascript:alert(1)')).toThrow(BoardError);
    expect(() => setCardFieldValue(doc, card, 'major', 'yes')).toThrow(BoardError);
    expect(() => setCardFieldValue(doc, card, 'nope', 1)).toThrow(BoardError);
    setCardFieldValue(doc, card, 'link', 'https://example.com/brief');
    setCardFieldValue(doc, card, 'major', true);
    expect(readBoard(doc).columns.get(readStages(doc)[0]!.id)![0]!.fields).toEqual({
      link: 'https://example.com/brief',
      major: true
    });
    setCardFieldValue(doc, card, 'major', null);
    expect(readCardDetail(card, roots(doc).cards.get(card)!).fields).toEqual({
      link: 'https://example.com/brief'
    });
  });
});

describe('conditions on card fields', () => {
  it('add a conditional approver only for cards that meet it (重大项目, or a budget above an amount)', () => {
    const { doc, card } = board();
    defineCardField(doc, { name: '重大项目', kind: 'flag' }, 'major');
    const gate = {
      approvers: [
        { title: '产品市场部经理', level: 'manager' as const },
        { title: '总经理', level: 'general-manager' as const, if: { field: 'major', op: 'set' as const } },
        {
          title: '财务',
          level: 'other' as const,
          if: { field: 'budget', op: 'gt' as const, value: 5_000_000 }
        }
      ]
    };
    expect(approversFor(doc, card, gate).map((a) => a.approver.title)).toEqual(['产品市场部经理']);
    setCardFieldValue(doc, card, 'major', true);
    setCardFieldValue(doc, card, 'budget', 5_000_001);
    expect(approversFor(doc, card, gate).map((a) => a.approver.title)).toEqual([
      '产品市场部经理',
      '总经理',
      '财务'
    ]);
    setCardFieldValue(doc, card, 'major', false);
    expect(approversFor(doc, card, gate).map((a) => a.approver.title)).toEqual(['产品市场部经理', '财务']);
  });

  it('leave out an approver whose condition is in words only: the board cannot judge it', () => {
    const { doc, card } = board();
    const gate = {
      mode: 'all' as const,
      approvers: [
        { title: '上级审核人员', level: 'manager' as const },
        { title: '市场营销部主管领导', level: 'manager' as const, when: '修改或取消已批准的方案' }
      ]
    };
    expect(approversFor(doc, card, gate)).toEqual([{ index: 0, approver: gate.approvers[0] }]);
  });

  it('apply a conditional time rule only to the cards it names (影视 requests)', () => {
    const doc = new Y.Doc();
    initBoard(doc, {
      title: 'Design',
      stages: [
        {
          name: '提交需求',
          timeRule: {
            kind: 'start-by',
            amount: 10,
            unit: 'working-days',
            if: { field: 'type', op: 'eq', value: '影视' }
          }
        }
      ]
    });
    defineCardField(doc, { name: '需求类型', kind: 'text' }, 'type');
    const stageId = readStages(doc)[0]!.id;
    const card = addCard(doc, { stageId, title: '宣传片' });
    setCardDate(doc, card, '2026-03-02');
    const view = () => readBoard(doc).columns.get(stageId)![0]!;
    expect(cardDeadlines(view(), readStages(doc), '2026-01-05', 'mon-fri')).toEqual([]);
    setCardFieldValue(doc, card, 'type', '影视');
    expect(cardDeadlines(view(), readStages(doc), '2026-01-05', 'mon-fri')).toHaveLength(1);
  });
});
