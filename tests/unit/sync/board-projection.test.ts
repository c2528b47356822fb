import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  addStage,
  archiveCard,
  deleteCard,
  initBoard,
  moveCard,
  moveStage,
  readBoard,
  removeStage,
  renameBoard,
  renameStage,
  BoardError,
  readCardDetail,
  sendBackCard,
  setCardDate,
  setCardDescription,
  setCardTitle,
  setChecklistItemDone,
  setStageRules,
  type CardView,
  type StageView
} from '../../../src/lib/board';
import { BoardProjection } from '../../../src/lib/sync/board-projection';
import { pick, seededRandom } from '../../helpers/random';

const projections: BoardProjection[] = [];

afterEach(() => {
  for (const p of projections.splice(0)) p.destroy();
});

function project(doc: Y.Doc): BoardProjection {
  const projection = new BoardProjection(doc);
  projections.push(projection);
  return projection;
}

function board(stages = ['A', 'B', 'C'], clientID?: number): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initBoard(doc, { title: 'Launch', stages: stages.map((name) => ({ name })) });
  return { doc, ids: readBoard(doc).stages.map((s) => s.id) };
}

function replicaOf(doc: Y.Doc, clientID?: number): Y.Doc {
  const other = new Y.Doc();
  if (clientID !== undefined) other.clientID = clientID;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Everything the projection shows, in readBoard's shape, so the two compare with toEqual. */
function shown(projection: BoardProjection) {
  const stages = projection.stages;
  return {
    meta: projection.meta,
    stages,
    columns: new Map(stages.map((s) => [s.id, [...projection.column(s.id)]])),
    archived: [...projection.archived]
  };
}

function expectMatchesDoc(projection: BoardProjection, doc: Y.Doc): void {
  const view = readBoard(doc);
  expect(shown(projection)).toEqual(view);
  expect(projection.cardCount).toBe(doc.getMap('cards').size);
}

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

function snapshotColumns(projection: BoardProjection, stageIds: string[]): Map<string, readonly CardView[]> {
  return new Map(stageIds.map((id) => [id, projection.column(id)]));
}

describe('BoardProjection', () => {
  it.each([1, 2, 3])(
    'shows exactly what a fresh read shows after every local and remote edit (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      const { doc } = board(undefined, 1);
      const remote = replicaOf(doc, 2);
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

  it('keeps every other column array and every other card view identical when one card changes', () => {
    const { doc, ids } = board();
    const [a, b, c] = ids as [string, string, string];
    for (const stageId of ids)
      for (let i = 0; i < 4; i++) addCard(doc, { stageId, title: `${stageId}-${i}` });
    const archived = addCard(doc, { stageId: c, title: 'old' });
    archiveCard(doc, archived);
    const projection = project(doc);
    const before = snapshotColumns(projection, ids);
    const archivedBefore = projection.archived;
    const edited = before.get(b)![1]!;

    setCardTitle(doc, edited.id, 'renamed');

    expect(projection.column(a)).toBe(before.get(a));
    expect(projection.column(c)).toBe(before.get(c));
    expect(projection.archived).toBe(archivedBefore);
    const column = projection.column(b);
    expect(column).not.toBe(before.get(b));
    expect(column.map((card) => card.title)).toEqual([`${b}-0`, 'renamed', `${b}-2`, `${b}-3`]);
    column.forEach((card, i) => {
      if (card.id === edited.id) expect(card).not.toBe(edited);
      else expect(card).toBe(before.get(b)![i]);
    });
  });

  it('keeps untouched columns and cards identical when a remote move arrives', () => {
    const { doc, ids } = board();
    const [a, b, c] = ids as [string, string, string];
    for (const stageId of ids)
      for (let i = 0; i < 3; i++) addCard(doc, { stageId, title: `${stageId}-${i}` });
    const remote = replicaOf(doc);
    const projection = project(doc);
    const before = snapshotColumns(projection, ids);
    const moving = before.get(a)![0]!;

    moveCard(remote, moving.id, b, 1);
    sync(remote, doc);

    expect(projection.column(c)).toBe(before.get(c));
    expect(projection.column(a)).toEqual(before.get(a)!.slice(1));
    projection.column(a).forEach((card, i) => expect(card).toBe(before.get(a)![i + 1]));
    const column = projection.column(b);
    expect(column.map((card) => card.id)).toEqual([
      before.get(b)![0]!.id,
      moving.id,
      before.get(b)![1]!.id,
      before.get(b)![2]!.id
    ]);
    for (const card of column) if (card.id !== moving.id) expect(before.get(b)).toContain(card);
  });

  it('notifies once per transaction that changes what it shows, however many changes it holds', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    const projection = project(doc);
    let calls = 0;
    projection.onChange(() => calls++);

    addCard(doc, { stageId: a, title: 'one' });
    expect(calls).toBe(1);

    doc.transact(() => {
      addCard(doc, { stageId: a, title: 'two' });
      addCard(doc, { stageId: b, title: 'three' });
      renameBoard(doc, 'Renamed');
      renameStage(doc, b, 'Bee');
    });
    expect(calls).toBe(2);

    const remote = replicaOf(doc);
    addCard(remote, { stageId: b, title: 'remote one' });
    addCard(remote, { stageId: b, title: 'remote two' });
    sync(remote, doc);
    expect(calls).toBe(3);
    expect(projection.column(b).map((card) => card.title)).toEqual(['three', 'remote one', 'remote two']);
  });

  it('does not notify for a transaction that changes nothing it shows', () => {
    const { doc, ids } = board();
    const card = addCard(doc, { stageId: ids[0]!, title: 'one' });
    // Only a description's first character shows on the face (its marker); later ones do not.
    setCardDescription(doc, card, 'Brief');
    const projection = project(doc);
    let calls = 0;
    projection.onChange(() => calls++);
    const quiet = () => {
      doc.transact(() => {});
      doc.getMap('approvals').set(card, { by: 'someone' });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(doc));
      doc.getMap('meta').set('createdAt', 1);
      (doc.getMap<Y.Map<unknown>>('cards').get(card)!.get('description') as Y.Text).insert(0, 'notes');
    };

    quiet();
    expect(calls).toBe(0);

    // Also right after a change nobody has read yet: the pending change must not be announced twice.
    setCardTitle(doc, card, 'two');
    expect(calls).toBe(1);
    quiet();
    expect(calls).toBe(1);
    expect(projection.card(card)?.title).toBe('two');
  });

  it('shows a card whose stage was removed concurrently in the first column', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    const card = addCard(doc, { stageId: a, title: 'orphan' });
    addCard(doc, { stageId: a, title: 'neighbour' });
    const remote = replicaOf(doc);
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

  it('stops notifying and stops following the document once destroyed', () => {
    const { doc, ids } = board();
    const projection = project(doc);
    let calls = 0;
    projection.onChange(() => calls++);
    addCard(doc, { stageId: ids[0]!, title: 'seen' });
    expect(calls).toBe(1);

    projection.destroy();
    addCard(doc, { stageId: ids[0]!, title: 'unseen' });
    renameBoard(doc, 'Unseen');
    expect(calls).toBe(1);
    expect(projection.column(ids[0]!).map((c) => c.title)).toEqual(['seen']);
  });

  it('stops calling a listener that unsubscribed while others keep hearing', () => {
    const { doc, ids } = board();
    const projection = project(doc);
    let first = 0;
    let second = 0;
    const off = projection.onChange(() => first++);
    projection.onChange(() => second++);
    addCard(doc, { stageId: ids[0]!, title: 'one' });
    off();
    addCard(doc, { stageId: ids[0]!, title: 'two' });
    expect([first, second]).toEqual([1, 2]);
  });
});

describe('search text', () => {
  it('is read once and kept until its card changes, and only then are searchers told', () => {
    const { doc, ids } = board();
    const id = addCard(doc, { stageId: ids[0]!, title: 'Poster' });
    const other = addCard(doc, { stageId: ids[0]!, title: 'Banner' });
    const projection = project(doc);
    let told = 0;
    projection.onSearchTextChange(() => told++);
    const first = projection.searchText(id);
    expect(projection.searchText(id)).toBe(first);
    setCardTitle(doc, other, 'Banner 2');
    expect(told).toBe(0);
    addComment(doc, id, { author: 'mia', text: '用潘通色卡' });
    expect(told).toBe(1);
    expect(projection.searchText(id)?.comment).toBe('用潘通色卡');
    // A description keystroke changes nothing on the face, but what a search finds.
    setCardDescription(doc, id, 'Ａ2 size');
    expect(told).toBe(2);
    expect(projection.searchText(id)?.description).toBe('a2 size');
  });
});
