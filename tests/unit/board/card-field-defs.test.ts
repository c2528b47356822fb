/**
 * Defining a board's card fields (card-field-ops.ts): the rules the card-fields dialog relies on
 * and the server's policy repeats — a kind fixed once a card holds a value, names unique, at most
 * CARD_FIELD_LIMITS.fields, an order by rank, and no removal from under a stage's rules.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  CARD_FIELD_LIMITS,
  addCard,
  archiveCard,
  cardsHoldingField,
  defineCardField,
  initBoard,
  moveCardField,
  readFieldDefs,
  readStages,
  removeCardField,
  setCardFieldValue,
  setStageRules,
  stagesUsingField
} from '#lib/board';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Campaign', stages: [{ name: '策划' }, { name: '审批' }, { name: '执行' }] });
  const [plan, review, run] = readStages(doc).map((s) => s.id) as [string, string, string];
  defineCardField(doc, { name: '预算', alt: 'Budget', kind: 'money' }, 'budget');
  const card = addCard(doc, { stageId: plan, title: '双十一海报' });
  return { doc, plan, review, run, card };
}

const codeOf = (fn: () => void): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof BoardError) return e.code;
    throw e;
  }
  return 'ran';
};

describe('defining card fields', () => {
  it('adds fields after the last one, and renames one keeping its place', () => {
    const { doc } = board();
    defineCardField(doc, { name: '上线日期', kind: 'date' }, 'launch');
    defineCardField(doc, { name: '预算金额', alt: 'Budget amount', kind: 'money' }, 'budget');
    expect(readFieldDefs(doc).map((f) => [f.id, f.name, f.alt, f.kind])).toEqual([
      ['budget', '预算金额', 'Budget amount', 'money'],
      ['launch', '上线日期', undefined, 'date']
    ]);
  });

  it('changes a kind while no card holds a value, and keeps it once one does, archived cards too', () => {
    const { doc, card } = board();
    defineCardField(doc, { name: '预算', kind: 'number' }, 'budget');
    expect(readFieldDefs(doc)[0]!.kind).toBe('number');
    setCardFieldValue(doc, card, 'budget', 5000);
    archiveCard(doc, card);
    expect(cardsHoldingField(doc, 'budget')).toBe(1);
    expect(codeOf(() => defineCardField(doc, { name: '预算', kind: 'money' }, 'budget'))).toBe(
      'field-kind-locked'
    );
    expect(readFieldDefs(doc)[0]!.kind).toBe('number');
    // Renaming a used field is fine: its values keep their meaning.
    defineCardField(doc, { name: '预算（元）', alt: 'Budget', kind: 'number' }, 'budget');
    expect(readFieldDefs(doc)[0]).toMatchObject({ name: '预算（元）', alt: 'Budget', kind: 'number' });
    // Once the value is cleared the kind may change again.
    setCardFieldValue(doc, card, 'budget', null);
    defineCardField(doc, { name: '预算（元）', kind: 'money' }, 'budget');
    expect(readFieldDefs(doc)[0]!.kind).toBe('money');
  });

  it('refuses a name another field has (either language, any case), an empty name, and a 31st field', () => {
    const { doc } = board();
    expect(codeOf(() => defineCardField(doc, { name: '预算', kind: 'text' }, 'other'))).toBe(
      'field-name-taken'
    );
    expect(codeOf(() => defineCardField(doc, { name: 'BUDGET', kind: 'text' }, 'other'))).toBe(
      'field-name-taken'
    );
    expect(codeOf(() => defineCardField(doc, { name: '  ', kind: 'text' }, 'other'))).toBe('invalid');
    for (let i = readFieldDefs(doc).length; i < CARD_FIELD_LIMITS.fields; i++)
      defineCardField(doc, { name: `字段${i}`, kind: 'text' }, `f${i}`);
    expect(codeOf(() => defineCardField(doc, { name: '再来一个', kind: 'text' }, 'extra'))).toBe(
      'too-many-fields'
    );
    // The 30 there may still be renamed.
    defineCardField(doc, { name: '字段一', kind: 'text' }, 'f1');
    expect(readFieldDefs(doc)).toHaveLength(CARD_FIELD_LIMITS.fields);
  });

  it('reorders fields by rank, up and down', () => {
    const { doc } = board();
    defineCardField(doc, { name: '上线日期', kind: 'date' }, 'launch');
    defineCardField(doc, { name: '重大项目', kind: 'flag' }, 'major');
    const order = () => readFieldDefs(doc).map((f) => f.id);
    moveCardField(doc, 'major', 0);
    expect(order()).toEqual(['major', 'budget', 'launch']);
    moveCardField(doc, 'major', 1);
    expect(order()).toEqual(['budget', 'major', 'launch']);
    moveCardField(doc, 'budget', 2);
    expect(order()).toEqual(['major', 'launch', 'budget']);
    expect(codeOf(() => moveCardField(doc, 'nope', 0))).toBe('not-found');
  });

  it('refuses to remove a field a stage requires or a condition names, listing those stages', () => {
    const { doc, plan, review, run } = board();
    setStageRules(doc, plan, { requires: { fields: ['budget'] } });
    setStageRules(doc, review, {
      gate: {
        approvers: [
          { title: '市场经理', level: 'manager' },
          { title: '总经理', level: 'general-manager', if: { field: 'budget', op: 'gt', value: 10_000_00 } }
        ]
      }
    });
    setStageRules(doc, run, {
      timeRule: { kind: 'stage-days', days: 3, working: true, if: { field: 'budget', op: 'set' } }
    });
    expect(stagesUsingField(readStages(doc), 'budget').map((s) => s.id)).toEqual([plan, review, run]);
    let error: unknown;
    try {
      removeCardField(doc, 'budget');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BoardError);
    expect((error as BoardError).code).toBe('field-in-rules');
    expect((error as BoardError).stageIds).toEqual([plan, review, run]);
    expect(readFieldDefs(doc).map((f) => f.id)).toEqual(['budget']);

    setStageRules(doc, plan, { requires: null });
    setStageRules(doc, review, { gate: null });
    setStageRules(doc, run, { timeRule: null });
    removeCardField(doc, 'budget');
    expect(readFieldDefs(doc)).toEqual([]);
  });
});
