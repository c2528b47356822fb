import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  addCard,
  addChecklistItem,
  initBoard,
  moveCard,
  readBoard,
  readCardDetail,
  sendBackCard,
  setChecklistItemDone,
  setStageRules
} from '#lib/board';
import { roots } from '#lib/board/schema';

/** A three-stage board where the middle stage has a checklist and the last sends back to it. */
function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    title: 'Review',
    stages: [
      { name: '方案', checklist: [{ key: 'c0', text: '确认需求' }] },
      {
        name: '设计稿',
        checklist: [
          { key: 'c0', text: '出设计稿', alt: 'Draft the design' },
          { key: 'c1', text: '内部自查' }
        ]
      },
      { name: '校稿', checklist: [{ key: 'c0', text: '校对文字' }], sendBackTo: 1 }
    ]
  });
  const [plan, draft, proof] = readBoard(doc).stages.map((s) => s.id) as [string, string, string];
  return { doc, plan, draft, proof };
}

const detail = (doc: Y.Doc, id: string) => readCardDetail(id, roots(doc).cards.get(id)!);
const texts = (doc: Y.Doc, id: string) => detail(doc, id).checklist.map((i) => i.text);

/** Two replicas that exchange every update at once. */
function pair() {
  const a = board();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
  return { ...a, b };
}
const sync = (x: Y.Doc, y: Y.Doc) => {
  Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
  Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
};

describe('stage checklists', () => {
  it('a card created in a stage receives that stage’s checklist', () => {
    const { doc, plan } = board();
    const card = addCard(doc, { stageId: plan, title: '春节海报' });
    expect(texts(doc, card)).toEqual(['确认需求']);
    expect(readBoard(doc).columns.get(plan)![0]).toMatchObject({ stageChecklistTotal: 1, checklistTotal: 1 });
  });

  it('a card entering a stage receives its checklist once, not again when it comes back', () => {
    const { doc, plan, draft, proof } = board();
    const card = addCard(doc, { stageId: plan, title: '春节海报' });
    moveCard(doc, card, draft, 0);
    expect(texts(doc, card)).toEqual(['确认需求', '出设计稿', '内部自查']);
    const first = detail(doc, card).checklist.find((i) => i.text === '出设计稿')!;
    setChecklistItemDone(doc, card, first.id, true);
    moveCard(doc, card, proof, 0);
    moveCard(doc, card, draft, 0);
    moveCard(doc, card, proof, 0);
    expect(texts(doc, card)).toEqual(['确认需求', '出设计稿', '内部自查', '校对文字']);
    expect(detail(doc, card).checklist.find((i) => i.id === first.id)!.done).toBe(true);
  });

  it('keeps the second-language text and counts progress of the current stage apart', () => {
    const { doc, plan, draft } = board();
    const card = addCard(doc, { stageId: plan, title: 'x' });
    moveCard(doc, card, draft, 0);
    const items = detail(doc, card).checklist;
    expect(items[1]).toMatchObject({
      text: '出设计稿',
      alt: 'Draft the design',
      stageId: draft,
      done: false
    });
    setChecklistItemDone(doc, card, items[1]!.id, true);
    expect(detail(doc, card)).toMatchObject({
      stageChecklistDone: 1,
      stageChecklistTotal: 2,
      checklistDone: 1,
      checklistTotal: 3
    });
  });

  it('two people moving the same card into a stage at once end with one copy of its checklist', () => {
    const { doc: a, b, plan, draft } = pair();
    const card = addCard(a, { stageId: plan, title: 'x' });
    sync(a, b);
    moveCard(a, card, draft, 0);
    moveCard(b, card, draft, 0);
    sync(a, b);
    expect(texts(a, card)).toEqual(['确认需求', '出设计稿', '内部自查']);
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
  });

  it('ticks made on two replicas both survive', () => {
    const { doc: a, b, plan, draft } = pair();
    const card = addCard(a, { stageId: plan, title: 'x' });
    moveCard(a, card, draft, 0);
    sync(a, b);
    const [, one, two] = detail(a, card).checklist;
    setChecklistItemDone(a, card, one!.id, true);
    setChecklistItemDone(b, card, two!.id, true);
    sync(a, b);
    expect(detail(b, card).checklist.map((i) => i.done)).toEqual([false, true, true]);
  });

  it('items added by hand belong to no stage and bounded text is enforced', () => {
    const { doc, plan } = board();
    const card = addCard(doc, { stageId: plan, title: 'x' });
    addChecklistItem(doc, card, '  联系印刷厂  ');
    expect(detail(doc, card).checklist.at(-1)).toMatchObject({ text: '联系印刷厂', stageId: null });
    expect(() => addChecklistItem(doc, card, '   ')).toThrow(BoardError);
  });

  it('a changed stage checklist reaches cards that enter later, not cards already there', () => {
    const { doc, plan, draft } = board();
    const early = addCard(doc, { stageId: draft, title: 'early' });
    setStageRules(doc, draft, { checklist: [{ key: 'n0', text: '新的检查项' }] });
    const late = addCard(doc, { stageId: plan, title: 'late' });
    moveCard(doc, late, draft, 0);
    expect(texts(doc, early)).toEqual(['出设计稿', '内部自查']);
    expect(texts(doc, late)).toEqual(['确认需求', '新的检查项']);
  });
});

describe('revision loops', () => {
  it('sending a card back moves it to the named earlier stage, on top, and counts the round', () => {
    const { doc, plan, draft, proof } = board();
    const other = addCard(doc, { stageId: draft, title: 'other' });
    const card = addCard(doc, { stageId: plan, title: '春节海报' });
    moveCard(doc, card, proof, 0);
    expect(sendBackCard(doc, card)).toBe(draft);
    const view = readBoard(doc);
    expect(view.columns.get(draft)!.map((c) => c.id)).toEqual([card, other]);
    expect(view.columns.get(draft)![0]!.revisions).toBe(1);
    moveCard(doc, card, proof, 0);
    sendBackCard(doc, card);
    expect(detail(doc, card).revisions).toBe(2);
    expect(detail(doc, card).revisionLog.map((r) => [r.from, r.to])).toEqual([
      [proof, draft],
      [proof, draft]
    ]);
  });

  it('a stage without a send-back target refuses to send back', () => {
    const { doc, plan } = board();
    const card = addCard(doc, { stageId: plan, title: 'x' });
    expect(() => sendBackCard(doc, card)).toThrow(expect.objectContaining({ code: 'no-send-back' }));
    expect(detail(doc, card).revisions).toBe(0);
  });

  it('two send-backs made at once are both counted', () => {
    const { doc: a, b, plan, proof } = pair();
    const card = addCard(a, { stageId: plan, title: 'x' });
    moveCard(a, card, proof, 0);
    sync(a, b);
    sendBackCard(a, card);
    sendBackCard(b, card);
    sync(a, b);
    expect(detail(a, card).revisions).toBe(2);
    expect(detail(b, card).revisions).toBe(2);
  });

  it('moving a card back by hand is a move, not a revision', () => {
    const { doc, plan, draft, proof } = board();
    const card = addCard(doc, { stageId: plan, title: 'x' });
    moveCard(doc, card, proof, 0);
    moveCard(doc, card, draft, 0);
    expect(detail(doc, card).revisions).toBe(0);
  });
});

describe('stage rules', () => {
  it('stores rules cleaned and refuses unusable ones without writing', () => {
    const { doc, draft, proof } = board();
    setStageRules(doc, draft, {
      timeRule: { kind: 'stage-days', days: 3, working: true },
      gate: { approvers: [{ title: ' 设计总监 ', level: 'director' }] }
    });
    const stage = readBoard(doc).stages.find((s) => s.id === draft)!;
    expect(stage.timeRule).toEqual({ kind: 'stage-days', days: 3, working: true });
    expect(stage.gate).toEqual({ approvers: [{ title: '设计总监', level: 'director' }] });
    expect(() =>
      setStageRules(doc, draft, { timeRule: { kind: 'stage-days', days: 0, working: true } })
    ).toThrow(BoardError);
    expect(() => setStageRules(doc, draft, { sendBackTo: 'nope' })).toThrow(BoardError);
    expect(readBoard(doc).stages.find((s) => s.id === draft)!.timeRule?.kind).toBe('stage-days');
    setStageRules(doc, proof, { sendBackTo: null });
    expect(readBoard(doc).stages.find((s) => s.id === proof)!.sendBackTo).toBeNull();
  });
});
