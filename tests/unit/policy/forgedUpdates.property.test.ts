/**
 * Issue 14, done-when 2: seeded random sequences of forged updates, for each role, through the
 * server's policy as the room uses it (an update is applied only when checkUpdate accepts it; a
 * refused client starts again from the server's state, as Stageboard's client does). After every
 * accepted update: every card stands in a stage the board has, no card that existed moved past a
 * gate its round has no approval for, and the board's two first cards (never approved) never
 * stand past the gated stage. Bounded by counts: SEQUENCES x STEPS updates per role.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROLES, type BoardRole } from '#lib/auth/permissions';
import { addCard, gateBlocks, moveCard, readStages } from '#lib/board';
import { CardKey, StageKey, roots } from '#lib/board/schema';
import { checkUpdate } from '#server/policy/updatePolicy';
import { pick, seededRandom } from '../../helpers/random';
import { edit, replica } from '../../helpers/yjs';
import { withoutDeletes } from './forgeries';
import { ME, fixture, type Fixture } from './policyFixture';

const SEQUENCES = 60;
const STEPS = 8;
const CARD_KEYS = [...Object.values(CardKey), 'gateApproved'];
const STAGE_KEYS = [...Object.values(StageKey), 'extra'];
const NESTED = [
  CardKey.checklist,
  CardKey.checklists,
  CardKey.seeded,
  CardKey.assignees,
  CardKey.labels,
  CardKey.comments,
  CardKey.resolvedComments
];

type Random = () => number;
const oneOf = <T>(random: Random, list: readonly T[]): T => list[pick(random, list.length)] as T;

/** Any value a forger may write: every JSON type, each Y type, stage ids live and dead, bulk. */
function anyValue(random: Random, f: Fixture): unknown {
  const makers: (() => unknown)[] = [
    () => 42,
    () => -0.5,
    () => '',
    () => 'nowhere',
    () => f.draft,
    () => f.review,
    () => f.done,
    () => true,
    () => null,
    () => ({ author: ME, text: 'Hi', at: 1 }),
    () => [f.done],
    () => new Y.Map(),
    () => new Y.Array(),
    () => new Y.Text('Forged'),
    () => 'x'.repeat(600),
    () => 'a\u202Eb'
  ];
  return oneOf(random, makers)();
}

/** One forged change on the client's copy: a raw write, a delete, an operation, or a new card. */
function forgeOne(random: Random, f: Fixture, doc: Y.Doc): unknown {
  const { cards, stages, approvals, meta } = roots(doc);
  const cardIds = [...cards.keys()];
  const card = cards.get(oneOf(random, cardIds.length ? cardIds : ['c1']));
  const stageId = oneOf(random, [f.draft, f.review, f.done]);
  const stage = stages.get(stageId);
  switch (pick(random, 11)) {
    case 0:
    case 1: {
      // Half the time the stage: the key the gate bypass of issue 14 went through.
      const key = random() < 0.5 ? CardKey.stageId : oneOf(random, CARD_KEYS);
      return card?.set(key, anyValue(random, f));
    }
    case 2:
      return card?.delete(random() < 0.5 ? CardKey.stageId : oneOf(random, CARD_KEYS));
    case 3: {
      const nested = card?.get(oneOf(random, NESTED));
      if (!(nested instanceof Y.Map)) return;
      if (random() < 0.3) nested.delete(oneOf(random, [...nested.keys(), 'k']));
      else nested.set(oneOf(random, [...nested.keys(), `k${pick(random, 3)}`]), anyValue(random, f));
      return;
    }
    case 4:
      // An honest move, which the operation refuses past a closed gate; the forger tries anyway.
      if (card) moveCard(doc, card.get(CardKey.id) as string, stageId, 0);
      return;
    case 5:
      if (random() < 0.5) return stage?.set(oneOf(random, STAGE_KEYS), anyValue(random, f));
      return stage?.delete(oneOf(random, STAGE_KEYS));
    case 6:
      return stages.delete(stageId);
    case 7: {
      // A card made by hand, with some of a card's keys.
      const made = new Y.Map<unknown>();
      cards.set(`n${pick(random, 1e6)}`, made);
      for (const key of CARD_KEYS) if (random() < 0.5) made.set(key, anyValue(random, f));
      return;
    }
    case 8:
      return void addCard(doc, { stageId, title: 'Made' });
    case 9: {
      const text = card?.get(oneOf(random, [CardKey.title, CardKey.description]));
      if (text instanceof Y.Text)
        text.insert(pick(random, text.length + 1), 'y'.repeat(1 + pick(random, 700)));
      return;
    }
    default:
      if (random() < 0.5) return cards.delete(oneOf(random, cardIds.length ? cardIds : ['c1']));
      if (random() < 0.5) return approvals.set(`g1/${f.review}/0`, { by: ME, name: 'x', at: 1, note: '' });
      return meta.set('title', anyValue(random, f));
  }
}

/** One update: one to three forged changes in one transaction, sometimes sent without its delete set. */
function forgeUpdate(random: Random, f: Fixture, doc: Y.Doc): Uint8Array {
  const update = edit(doc, () =>
    doc.transact(() => {
      for (let n = 1 + pick(random, 3); n > 0; n--) {
        try {
          forgeOne(random, f, doc);
        } catch {
          // An operation refusing (a closed gate, no such card): the forger sends what it has.
        }
      }
    })
  );
  return random() < 0.2 ? withoutDeletes(update) : update;
}

/**
 * Why the board breaks an invariant after an update (`before`: the board before it), or null.
 * `gateKept`: Review has kept its gate since the start (a manager may drop a gate: the process is
 * theirs to change; each move is still judged against the gates standing when it is made).
 */
function violation(f: Fixture, before: Y.Doc, gateKept: boolean): string | null {
  const { server } = f;
  if (server.store.pendingStructs || server.store.pendingDs) return 'an update left something pending';
  const stageIds = new Set(readStages(server).map((s) => s.id));
  const order = readStages(server).map((s) => s.id);
  for (const [id, card] of roots(server).cards) {
    const stageId = card.get(CardKey.stageId);
    if (typeof stageId !== 'string' || !stageIds.has(stageId)) {
      return `card ${id} stands in ${JSON.stringify(stageId)}, which is not a stage`;
    }
    if (roots(before).cards.has(id) && gateBlocks(before, id, stageId)) {
      return `card ${id} moved to ${stageId} past a gate not approved for its round`;
    }
    // c1 and g1 started at or before the gated stage, and nothing approves them here.
    if (gateKept && (id === 'c1' || id === 'g1') && order.indexOf(stageId) > order.indexOf(f.review)) {
      return `card ${id} stands past the gated stage without an approval`;
    }
  }
  return null;
}

/** Runs one role's sequences; returns the first violation found, with its seed and step. */
function runRole(role: BoardRole, seed: number): { accepted: number; found: string | null } {
  const random = seededRandom(seed);
  let accepted = 0;
  for (let s = 0; s < SEQUENCES; s++) {
    const f = fixture();
    let client = f.client;
    let gateKept = true;
    for (let step = 0; step < STEPS; step++) {
      const update = forgeUpdate(random, f, client);
      const verdict = checkUpdate(f.server, update, { userId: ME, role });
      if (!verdict.ok) {
        client = replica(f.server);
        continue;
      }
      const before = replica(f.server);
      Y.applyUpdate(f.server, update);
      accepted++;
      gateKept &&= readStages(f.server).some((x) => x.id === f.review && x.gate !== null);
      const problem = violation(f, before, gateKept);
      if (problem) return { accepted, found: `seed ${seed}, sequence ${s}, step ${step}: ${problem}` };
    }
  }
  return { accepted, found: null };
}

describe('random forged updates through the server policy', () => {
  it.each(BOARD_ROLES.map((role, i) => [role, 1400 + i] as const))(
    'as %s (seed %i): every card stays in a stage and behind every unapproved gate',
    (role, seed) => {
      const { accepted, found } = runRole(role, seed);
      expect(found).toBeNull();
      // The sequences must exercise the policy's yes as well as its no (a viewer's only yes is none).
      if (role !== 'viewer' && role !== 'commenter') expect(accepted).toBeGreaterThan(SEQUENCES);
    }
  );
});
