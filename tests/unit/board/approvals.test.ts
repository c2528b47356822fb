import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  addCard,
  approvalFor,
  approveCard,
  defineCardField,
  gateBlocks,
  initBoard,
  moveCard,
  readBoard,
  roleToApprove,
  sendBackCard,
  setCardFieldValue
} from '#lib/board';

const manager = { title: '市场部经理', level: 'manager' as const };

/** 方案 → 审批 (gated) → 执行 → 复盘, with 复盘 sending back to 执行. */
function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    title: 'Launch',
    stages: [
      { name: '方案' },
      { name: '审批', gate: { approvers: [manager] }, sendBackTo: 0 },
      { name: '执行' },
      { name: '复盘' }
    ]
  });
  const [plan, review, run, retro] = readBoard(doc).stages.map((s) => s.id) as [
    string,
    string,
    string,
    string
  ];
  return { doc, plan, review, run, retro };
}

const approval = { by: 'u-mia', name: 'Mia', at: 1, note: '' };

describe('gates', () => {
  it('a card enters a gated stage freely but cannot skip it or leave it forward unapproved', () => {
    const { doc, plan, review, run, retro } = board();
    const card = addCard(doc, { stageId: plan, title: 'Poster' });
    expect(gateBlocks(doc, card, retro)).not.toBeNull();
    expect(() => moveCard(doc, card, run, 0)).toThrow(BoardError);
    moveCard(doc, card, review, 0);
    expect(() => moveCard(doc, card, run, 0)).toThrow(/approval/);
    // Back is always allowed.
    expect(gateBlocks(doc, card, plan)).toBeNull();
  });

  it('an approval opens the gate for this round only; a send-back starts a round that needs a new one', () => {
    const { doc, review, run, plan } = board();
    const card = addCard(doc, { stageId: review, title: 'Poster' });
    expect(approveCard(doc, card, approval)).toEqual({ stageId: review, round: 0, approver: 0, open: true });
    expect(approvalFor(doc, card, review)).toMatchObject({ by: 'u-mia' });
    expect(() => approveCard(doc, card, approval)).toThrow(/already approved/);
    expect(gateBlocks(doc, card, run)).toBeNull();

    expect(sendBackCard(doc, card)).toBe(plan);
    moveCard(doc, card, review, 0);
    expect(approvalFor(doc, card, review)).toBeNull();
    expect(gateBlocks(doc, card, run)).not.toBeNull();
  });

  it('refuses to approve a card whose stage has no gate', () => {
    const { doc, plan } = board();
    const card = addCard(doc, { stageId: plan, title: 'Brief' });
    expect(() => approveCard(doc, card, approval)).toThrow(expect.objectContaining({ code: 'no-gate' }));
  });

  it('asks the owner for a general-manager sign-off and a manager for the rest', () => {
    expect(roleToApprove({ approvers: [manager] })).toBe('manager');
    expect(roleToApprove({ approvers: [manager, { title: '总经理', level: 'general-manager' }] })).toBe(
      'owner'
    );
    expect(roleToApprove({ approvers: [{ title: '营销总监', level: 'director' }] })).toBe('manager');
  });
});

describe('a closed gate names whom the card needs', () => {
  it('lists only the approvers whose conditions the card meets', () => {
    const doc = new Y.Doc();
    const gm = {
      title: '总经理',
      level: 'general-manager' as const,
      if: { field: 'budget', op: 'gt' as const, value: 50_000_000 }
    };
    initBoard(doc, {
      title: 'Budgets',
      stages: [{ name: '方案', gate: { approvers: [manager, gm], mode: 'all' } }, { name: '执行' }]
    });
    const [plan, run] = readBoard(doc).stages.map((s) => s.id) as [string, string];
    defineCardField(doc, { name: '预算', kind: 'money' }, 'budget');
    const small = addCard(doc, { stageId: plan, title: '小活动' });
    const big = addCard(doc, { stageId: plan, title: '大活动' });
    setCardFieldValue(doc, small, 'budget', 10_000_000);
    setCardFieldValue(doc, big, 'budget', 60_000_000);
    const refusal = (card: string) => {
      try {
        moveCard(doc, card, run, 0);
      } catch (e) {
        return e instanceof BoardError ? e.approvers?.map((a) => a.title) : e;
      }
      return 'moved';
    };
    expect(refusal(small)).toEqual(['市场部经理']);
    expect(refusal(big)).toEqual(['市场部经理', '总经理']);
  });
});
