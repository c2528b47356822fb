/**
 * A BoardProjection shows exactly what a fresh readBoard shows, after any mix of local and remote
 * edits through the board operations, including edits that conflict.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addCard,
  addStage,
  archiveCard,
  BoardError,
  deleteCard,
  moveCard,
  moveStage,
  readBoard,
  readCardDetail,
  removeStage,
  renameBoard,
  renameStage,
  sendBackCard,
  setCardDate,
  setCardTitle,
  setChecklistItemDone,
  setStageRules,
  type StageView
} from '#lib/board';
import { pick, seededRandom } from '../../helpers/random';
import { replica, sync } from '../../helpers/yjs';
import { board, expectMatchesDoc, shown, useProjections } from './projectionFixture';

const project = useProjections();

/**
 * One random edit through the board operations, as a person on that replica might make it. Ids
 * come from the edit number (and replicas get fixed client ids), so a seed replays exactly.
 */
function randomEdit(doc: Y.Doc, random: () => number, n: number): void {
  const view = readBoard(doc);
  const { stages } = view;
  const cards = [...[...view.columns.values()].flat(), ...view.archived].map((c) => c.id);
  const stage = stages[pick(random, stages.length)]!;
  const card = cards[pick(random, cards.length)];
  const roll = random();
  if (roll < 0.3 || card === undefined) {
    const index = pick(random, view.columns.get(stage.id)!.length + 1);
    addCard(doc, { id: `card-${n}`, stageId: stage.id, title: `card ${n}`, index });
  } else if (roll < 0.55) {
    const others = view.columns.get(stage.id)!.filter((c) => c.id !== card);
    moveCard(doc, card, stage.id, pick(random, others.length + 1));
  } else if (roll < 0.65) {
    cardDetailEdit(doc, random, card, n);
  } else if (roll < 0.73) {
    archiveCard(doc, card, random() < 0.7);
  } else if (roll < 0.8) {
    deleteCard(doc, card);
  } else if (roll < 0.84) {
    renameBoard(doc, `Board ${n}`);
  } else if (roll < 0.88) {
    renameStage(doc, stage.id, `Stage ${n}`);
  } else if (roll < 0.91) {
    moveStage(doc, stage.id, pick(random, stages.length));
  } else if (roll < 0.94) {
    stageRulesEdit(doc, random, stage.id, stages, n);
  } else if (roll < 0.97 && stages.length < 6) {
    addStage(doc, { id: `stage-${n}`, name: `New ${n}`, index: pick(random, stages.length + 1) });
  } else if (stages.length > 2) {
    const target = stages.find((s) => s.id !== stage.id)!;
    removeStage(doc, stage.id, { moveCardsTo: target.id });
  }
}

/** A title, a tick, a date or a send-back: what the card's face shows besides its place. */
function cardDetailEdit(doc: Y.Doc, random: () => number, cardId: string, n: number): void {
  const roll = random();
  const map = doc.getMap<Y.Map<unknown>>('cards').get(cardId)!;
  const items = readCardDetail(cardId, map).checklist;
  if (roll < 0.4) setCardTitle(doc, cardId, `title ${n}`);
  else if (roll < 0.7 && items.length) {
    const item = items[pick(random, items.length)]!;
    setChecklistItemDone(doc, cardId, item.id, !item.done);
  } else if (roll < 0.85)
    setCardDate(doc, cardId, random() < 0.2 ? null : `2027-0${1 + pick(random, 9)}-1${pick(random, 9)}`);
  else {
    try {
      sendBackCard(doc, cardId);
    } catch (e) {
      if (!(e instanceof BoardError)) throw e; // its stage sends nothing back
    }
  }
}

/** A WIP limit, a checklist, a time rule or a loop on a stage. */
function stageRulesEdit(
  doc: Y.Doc,
  random: () => number,
  stageId: string,
  stages: StageView[],
  n: number
): void {
  const roll = random();
  if (roll < 0.25) setStageRules(doc, stageId, { wipLimit: random() < 0.5 ? null : 1 + pick(random, 9) });
  else if (roll < 0.5) {
    setStageRules(doc, stageId, {
      checklist: [
        { key: `k${n}`, text: `item ${n}` },
        { key: 'k', text: 'shared' }
      ]
    });
  } else if (roll < 0.75) {
    setStageRules(doc, stageId, {
      timeRule: random() < 0.3 ? null : { kind: 'monthly', day: 1 + pick(random, 28) }
    });
  } else {
    const other = stages.find((s) => s.id !== stageId);
    setStageRules(doc, stageId, { sendBackTo: other && random() < 0.7 ? other.id : null });
  }
}

describe('BoardProjection shows what a fresh read shows', () => {
  it.each([1, 2, 3])(
    'shows exactly what a fresh read shows after every local and remote edit (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      const { doc } = board(undefined, 1);
      const remote = replica(doc, 2);
      const projection = project(doc);
      expectMatchesDoc(projection, doc);
      for (let n = 0; n < 250; n++) {
        const roll = random();
        if (roll < 0.5) randomEdit(doc, random, n);
        else if (roll < 0.9) randomEdit(remote, random, n);
        else {
          // Both sides edited concurrently; the projection sees the remote edits arrive as one update.
          sync(remote, doc);
          sync(doc, remote);
        }
        expectMatchesDoc(projection, doc);
      }
      sync(remote, doc);
      expectMatchesDoc(projection, doc);
      // A projection built over the finished document agrees with the one that followed it edit by edit.
      expect(shown(project(doc))).toEqual(shown(projection));
    }
  );

  it('shows a card whose stage was removed concurrently in the first column', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    const card = addCard(doc, { stageId: a, title: 'orphan' });
    addCard(doc, { stageId: a, title: 'neighbour' });
    const remote = replica(doc);
    const projection = project(doc);
    const remoteProjection = project(remote);

    moveCard(doc, card, b, 0);
    expect(projection.column(b).map((c) => c.id)).toEqual([card]);
    removeStage(remote, b);
    sync(remote, doc);
    sync(doc, remote);

    expect(projection.stages.map((s) => s.id)).toEqual([a, ids[2]]);
    expect(projection.column(b)).toEqual([]);
    expect(projection.column(a).map((c) => c.title)).toContain('orphan');
    expect(projection.card(card)?.stageId).toBe(b);
    expectMatchesDoc(projection, doc);
    expectMatchesDoc(remoteProjection, remote);

    // The relocated card keeps its identity while an unrelated column changes.
    const first = projection.column(a);
    addCard(doc, { stageId: ids[2]!, title: 'elsewhere' });
    expect(projection.column(a)).toBe(first);
  });
});
