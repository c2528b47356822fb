/**
 * The merge property: replicas that edit the same board concurrently and exchange updates in any
 * order end with identical boards, no card lost and none twice. Pure Yjs, no sockets: the merge
 * is the algorithm under test, so updates pass between documents directly and every run is a
 * fixed amount of work (its rounds), the same on a busy machine as on an idle one.
 *
 * Strength comes from edits that collide (two replicas changing the same card or stage before
 * either has seen the other), not from board size: every operation reads the whole board, so a
 * big board only makes each step slower. Runs are therefore short and many, on small boards, and
 * each asserts how many colliding edits it made.
 */
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
} from '#lib/board';
import { pick, seededRandom } from '../../helpers/random';
import { sync } from '../../helpers/yjs';

const REPLICAS = 3;
const ROUNDS = 60;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** Per run: edits that touched a card or stage while another replica's edit of it was unseen. */
const MIN_COLLISIONS = 80;
/** A run is bounded by ROUNDS, not by a clock: a timeout would only fail it on a busy machine. */
const UNTIMED = { timeout: 0 };

function visibleIds(view: BoardView): string[] {
  return [...view.columns.values()].flat().map((c) => c.id);
}

/** What one edit did: the cards and stages it touched, and the card it deleted, if any. */
interface Edit {
  touched: string[];
  deleted: string | null;
}

/** One random edit, as a person on that replica might make it. */
function randomEdit(doc: Y.Doc, random: () => number, round: number, n: number): Edit {
  const view = readBoard(doc);
  const stages = view.stages;
  const cards = [...visibleIds(view), ...view.archived.map((c) => c.id)];
  const stage = stages[pick(random, stages.length)]!;
  const card = cards[pick(random, cards.length)];
  const roll = random();
  if (roll < 0.3 || card === undefined) {
    const column = view.columns.get(stage.id)!;
    addCard(doc, { stageId: stage.id, title: `r${round}-${n}`, index: pick(random, column.length + 1) });
    return { touched: [stage.id], deleted: null };
  }
  if (roll < 0.7) {
    const column = view.columns.get(stage.id)!.filter((c) => c.id !== card);
    moveCard(doc, card, stage.id, pick(random, column.length + 1));
    return { touched: [card, stage.id], deleted: null };
  }
  if (roll < 0.8) {
    deleteCard(doc, card);
    return { touched: [card], deleted: card };
  }
  if (roll < 0.88) archiveCard(doc, card, random() < 0.7);
  else if (roll < 0.96) setCardTitle(doc, card, `t${round}-${n}`);
  else if (roll < 0.98 && stages.length < 8) {
    addStage(doc, { name: `S${round}`, index: pick(random, stages.length + 1) });
    return { touched: [], deleted: null };
  } else if (stages.length > 2) {
    const target = stages.find((s) => s.id !== stage.id)!;
    removeStage(doc, stage.id, { moveCardsTo: target.id });
    return { touched: [stage.id, target.id], deleted: null };
  }
  return { touched: [card], deleted: null };
}

/**
 * Counts colliding edits: for each card or stage, the last edit each replica made to it (as that
 * replica's clock after the edit); an edit collides when another replica's last edit of the same
 * thing is not yet in this replica's document.
 */
class Collisions {
  count = 0;
  readonly #last = new Map<string, Map<Y.Doc, number>>();

  record(doc: Y.Doc, touched: string[]): void {
    for (const key of touched) {
      const byDoc = this.#last.get(key) ?? new Map<Y.Doc, number>();
      for (const [other, clock] of byDoc) {
        if (other !== doc && Y.getState(doc.store, other.clientID) < clock) {
          this.count++;
          break;
        }
      }
      byDoc.set(doc, Y.getState(doc.store, doc.clientID));
      this.#last.set(key, byDoc);
    }
  }
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
  for (const seed of SEEDS) {
    it(
      `replicas that move, insert, archive and delete the same cards concurrently end identical (seed ${seed})`,
      UNTIMED,
      () => {
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
        const collisions = new Collisions();
        for (const doc of docs) {
          doc.getMap('cards').observe((e) => {
            for (const [key, change] of e.changes.keys) if (change.action === 'add') added.add(key);
          });
        }

        let checks = 0;
        for (let round = 0; round < ROUNDS; round++) {
          docs.forEach((doc, i) => {
            const edits = 1 + pick(random, 3);
            for (let n = 0; n < edits; n++) {
              const edit = randomEdit(doc, random, round, i * 10 + n);
              if (edit.deleted) deleted.add(edit.deleted);
              collisions.record(doc, edit.touched);
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
        expect(collisions.count).toBeGreaterThan(MIN_COLLISIONS);
      }
    );
  }
});
