import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addStage,
  archiveCard,
  deleteCard,
  initBoard,
  moveCard,
  readBoard,
  removeStage,
  setCardTitle,
  type BoardView
} from '../../../src/lib/board';
import { pick, seededRandom } from '../../helpers/random';

const REPLICAS = 3;
const ROUNDS = 400;

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function visibleIds(view: BoardView): string[] {
  return [...view.columns.values()].flat().map((c) => c.id);
}

/** One random edit, as a person on that replica might make it; returns the id it deleted, if any. */
function randomEdit(doc: Y.Doc, random: () => number, round: number, n: number): string | null {
  const view = readBoard(doc);
  const stages = view.stages;
  const cards = [...visibleIds(view), ...view.archived.map((c) => c.id)];
  const stage = stages[pick(random, stages.length)]!;
  const card = cards[pick(random, cards.length)];
  const roll = random();
  if (roll < 0.3 || card === undefined) {
    const column = view.columns.get(stage.id)!;
    addCard(doc, { stageId: stage.id, title: `r${round}-${n}`, index: pick(random, column.length + 1) });
  } else if (roll < 0.7) {
    const column = view.columns.get(stage.id)!.filter((c) => c.id !== card);
    moveCard(doc, card, stage.id, pick(random, column.length + 1));
  } else if (roll < 0.8) {
    deleteCard(doc, card);
    return card;
  } else if (roll < 0.88) {
    archiveCard(doc, card, random() < 0.7);
  } else if (roll < 0.96) {
    setCardTitle(doc, card, `t${round}-${n}`);
  } else if (roll < 0.98 && stages.length < 8) {
    addStage(doc, { name: `S${round}`, index: pick(random, stages.length + 1) });
  } else if (stages.length > 2) {
    const target = stages.find((s) => s.id !== stage.id)!;
    removeStage(doc, stage.id, { moveCardsTo: target.id });
  }
  return null;
}

function expectConverged(docs: Y.Doc[], deleted: Set<string>, added: Set<string>): void {
  const views = docs.map(readBoard);
  const first = views[0]!;
  for (const view of views.slice(1)) expect(view).toEqual(first);
  const visible = visibleIds(first);
  const all = [...visible, ...first.archived.map((c) => c.id)];
  // No card twice: not duplicated within a column, nor in two stages, nor both visible and archived.
  expect(new Set(all).size).toBe(all.length);
  // No card lost: exactly the cards added and not deleted by anyone.
  const expected = [...added].filter((id) => !deleted.has(id)).sort();
  expect([...all].sort()).toEqual(expected);
  for (const [stageId, column] of first.columns) {
    for (const card of column) expect(card.stageId).toBe(stageId);
  }
}

describe('concurrent editing converges', () => {
  for (const seed of [1, 2, 3]) {
    it(`replicas that move, insert, archive and delete the same cards concurrently end identical (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const origin = new Y.Doc();
      initBoard(origin, { title: 'Convergence', stages: ['A', 'B', 'C', 'D'].map((name) => ({ name })) });
      const docs = Array.from({ length: REPLICAS }, () => {
        const d = new Y.Doc();
        sync(origin, d);
        return d;
      });
      const added = new Set<string>();
      const deleted = new Set<string>();
      const track = (doc: Y.Doc) => {
        doc.getMap('cards').observe((e) => {
          for (const [key, change] of e.changes.keys) if (change.action === 'add') added.add(key);
        });
      };
      docs.forEach(track);

      let checks = 0;
      for (let round = 0; round < ROUNDS; round++) {
        docs.forEach((doc, i) => {
          const edits = 1 + pick(random, 3);
          for (let n = 0; n < edits; n++) {
            const gone = randomEdit(doc, random, round, i * 10 + n);
            if (gone) deleted.add(gone);
          }
        });
        if (random() < 0.6) {
          // Full exchange in a random order, then every replica must agree.
          const order = docs.map((_, i) => i).sort(() => random() - 0.5);
          for (const i of order) for (const j of order) if (i !== j) sync(docs[i]!, docs[j]!);
          expectConverged(docs, deleted, added);
          checks++;
        } else {
          // Partial gossip: one replica hears from one other, the rest stay behind.
          const a = pick(random, REPLICAS);
          const b = (a + 1 + pick(random, REPLICAS - 1)) % REPLICAS;
          sync(docs[a]!, docs[b]!);
        }
      }
      for (const a of docs) for (const b of docs) if (a !== b) sync(a, b);
      expectConverged(docs, deleted, added);
      expect(checks).toBeGreaterThan(ROUNDS / 3);
      expect(added.size).toBeGreaterThan(100);
    });
  }
});
