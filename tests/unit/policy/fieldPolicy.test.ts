/**
 * The update policy's field rules (src/lib/board/fields.ts): every guarded key keeps its schema
 * shape, a live card or stage keeps the keys it must have, values are checked as the board
 * operations check them (stage ids; limits and control characters: fieldTexts.test.ts), and a
 * move is judged from the card's last valid stage. Each case is an update no operation makes: a
 * forging client's.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_ORIGIN, moveCard, removeStage } from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit, replica } from '../../helpers/yjs';
import { deleteCardKey, nestedOf, setCardKey, setStageKey, withoutDeletes } from './forgeries';
import {
  CARD_INVALID,
  CARD_OK,
  check,
  fixture,
  judgeEach,
  STAGE_INVALID,
  STAGE_OK,
  type PolicyCase
} from './policyFixture';

const STAGE_VALUES: PolicyCase[] = [
  {
    name: 'writes a card’s stage as a number',
    update: (f) => setCardKey(f, 'g1', 'stageId', 42),
    expected: CARD_INVALID
  },
  {
    name: 'writes a card’s stage as a map',
    update: (f) => setCardKey(f, 'g1', 'stageId', new Y.Map()),
    expected: CARD_INVALID
  },
  {
    name: 'writes a card’s stage as a string that names no stage',
    update: (f) => setCardKey(f, 'g1', 'stageId', 'nowhere'),
    expected: CARD_INVALID
  },
  {
    name: 'deletes a card’s stage',
    update: (f) => deleteCardKey(f, 'g1', 'stageId'),
    expected: CARD_INVALID
  },
  {
    name: 'writes a card’s stage as deleted content, a delete without a delete set',
    update: (f) =>
      withoutDeletes(
        edit(f.client, () =>
          f.client.transact(() => {
            const card = roots(f.client).cards.get('g1')!;
            card.set('stageId', f.done);
            card.delete('stageId');
          })
        )
      ),
    expected: CARD_INVALID
  },
  {
    // Yjs places a write whose origin is older than the key's value before that value, where it is
    // deleted on arrival; with the value deleted too, the key is left with nothing.
    name: 'deletes a card’s stage by a write placed before its value, plus a delete of the value',
    update: (f) => {
      const stale = new Y.Doc();
      stale.clientID = 1; // below the server's: Yjs orders the two writes by client id
      Y.applyUpdate(stale, Y.encodeStateAsUpdate(f.server));
      moveCard(f.server, 'c1', f.review, 0, SERVER_ORIGIN);
      const write = setCardKey({ ...f, client: stale }, 'c1', 'stageId', f.draft);
      const knowing = replica(f.server);
      const drop = edit(knowing, () => roots(knowing).cards.get('c1')!.delete('stageId'));
      return Y.mergeUpdates([write, drop]);
    },
    expected: CARD_INVALID
  },
  {
    name: 'moves a card twice in one update (the first write arrives as deleted content)',
    update: (f) =>
      edit(f.client, () =>
        f.client.transact(() => {
          moveCard(f.client, 'c1', f.review, 0);
          moveCard(f.client, 'c1', f.draft, 0);
        })
      ),
    expected: CARD_OK
  },
  {
    name: 'creates a card in a stage that does not exist',
    update: (f) =>
      edit(f.client, () => {
        const card = new Y.Map<unknown>();
        roots(f.client).cards.set('c9', card);
        card.set('id', 'c9');
        card.set('stageId', 'nowhere');
      }),
    expected: CARD_INVALID
  },
  {
    name: 'creates a card without the keys a card has',
    update: (f) =>
      edit(f.client, () => {
        const card = new Y.Map<unknown>();
        roots(f.client).cards.set('c9', card);
        card.set('id', 'c9');
        card.set('stageId', f.draft);
      }),
    expected: CARD_INVALID
  }
];

const REQUIRED_CARD_KEYS = [
  'id',
  'title',
  'description',
  'rank',
  'archived',
  'createdAt',
  'enteredAt',
  'checklist',
  'seeded',
  'assignees',
  'labels',
  'checklists'
];

const DELETES: PolicyCase[] = REQUIRED_CARD_KEYS.map((key) => ({
  name: `deletes the ${key} every card has`,
  update: (f) => deleteCardKey(f, 'c1', key),
  expected: CARD_INVALID
}));

const TYPES: PolicyCase[] = [
  {
    name: 'writes a rank as a number',
    update: (f) => setCardKey(f, 'c1', 'rank', 5),
    expected: CARD_INVALID
  },
  {
    name: 'writes archived as a string',
    update: (f) => setCardKey(f, 'c1', 'archived', 'yes'),
    expected: CARD_INVALID
  },
  {
    name: 'writes the title as a plain string',
    update: (f) => setCardKey(f, 'c1', 'title', 'Plain'),
    expected: CARD_INVALID
  },
  {
    name: 'writes the description as a map',
    update: (f) => setCardKey(f, 'c1', 'description', new Y.Map()),
    expected: CARD_INVALID
  },
  {
    name: 'writes a date that is not a date',
    update: (f) => setCardKey(f, 'c1', 'date', 'soon'),
    expected: CARD_INVALID
  },
  {
    name: 'writes a field cards do not have',
    update: (f) => setCardKey(f, 'c1', 'gateApproved', true),
    expected: CARD_INVALID
  },
  {
    name: 'replaces a card’s checklist with a plain object',
    update: (f) => setCardKey(f, 'c1', 'checklist', { x: 1 }),
    expected: CARD_INVALID
  },
  {
    name: 'replaces a card’s whole checklist map, dropping everyone’s items',
    update: (f) => setCardKey(f, 'c1', 'checklist', new Y.Map()),
    expected: CARD_INVALID
  },
  {
    name: 'replaces a card’s assignees with a list',
    update: (f) => setCardKey(f, 'c1', 'assignees', new Y.Array()),
    expected: CARD_INVALID
  },
  {
    name: 'assigns someone with a value other than true',
    update: (f) => edit(f.client, () => nestedOf(f, 'c1', 'assignees').set('u-x', { big: 'x' })),
    expected: CARD_INVALID
  },
  {
    name: 'marks a stage seeded with a string',
    update: (f) => edit(f.client, () => nestedOf(f, 'c1', 'seeded').set(f.done, 'yes')),
    expected: CARD_INVALID
  },
  {
    name: 'writes a checklist item as a plain value',
    update: (f) => edit(f.client, () => nestedOf(f, 'c1', 'checklist').set('i9', 'do it')),
    expected: CARD_INVALID
  },
  {
    name: 'ticks a checklist item with a number',
    update: (f) =>
      edit(f.client, () =>
        (nestedOf(f, 'c1', 'checklist').get(`${f.draft}.a`) as Y.Map<unknown>).set('done', 1)
      ),
    expected: CARD_INVALID
  },
  {
    name: 'deletes the text of a checklist item',
    update: (f) =>
      edit(f.client, () =>
        (nestedOf(f, 'c1', 'checklist').get(`${f.draft}.a`) as Y.Map<unknown>).delete('text')
      ),
    expected: CARD_INVALID
  }
];

const STAGES: PolicyCase[] = [
  {
    name: 'writes a stage’s gate as a string',
    update: (f) => setStageKey(f, f.review, 'gate', 'closed'),
    expected: STAGE_INVALID
  },
  {
    name: 'writes a stage’s name as a number',
    update: (f) => setStageKey(f, f.review, 'name', 7),
    expected: STAGE_INVALID
  },
  {
    name: 'deletes a stage’s name',
    update: (f) => edit(f.client, () => roots(f.client).stages.get(f.draft)!.delete('name')),
    expected: STAGE_INVALID
  },
  {
    name: 'removes a stage cards stand in, leaving them nowhere',
    update: (f) => edit(f.client, () => roots(f.client).stages.delete(f.review)),
    expected: STAGE_INVALID
  },
  {
    name: 'removes a stage, its cards moving to another (the operation)',
    update: (f) => edit(f.client, () => removeStage(f.client, f.review, { moveCardsTo: f.draft })),
    expected: STAGE_OK
  },
  {
    name: 'removes an empty stage',
    update: (f) => edit(f.client, () => roots(f.client).stages.delete(f.done)),
    expected: STAGE_OK
  },
  {
    name: 'sends a stage’s cards back to nowhere',
    update: (f) => setStageKey(f, f.review, 'sendBackTo', 'nowhere'),
    expected: STAGE_INVALID
  }
];

describe('the update policy keeps every guarded field in its schema shape', () => {
  judgeEach([...STAGE_VALUES, ...DELETES, ...TYPES, ...STAGES]);
});

describe('a gate is judged from the card’s last valid stage', () => {
  it('refuses moving a card whose stage is not a stage past a gate (a board damaged before this rule)', () => {
    const f = fixture();
    // The first step of the bypass, as a server that accepted it before stored it.
    roots(f.server).cards.get('c1')!.set('stageId', 42);
    Y.applyUpdate(f.client, Y.encodeStateAsUpdate(f.server, Y.encodeStateVector(f.client)));
    const update = setCardKey(f, 'c1', 'stageId', f.done);
    expect(check(f.server, update, 'editor')).toMatchObject({ ok: false, reason: 'gate-closed' });
  });

  it('refuses the two-step bypass: a non-stage first, then a move past the gate', () => {
    const f = fixture();
    const first = setCardKey(f, 'g1', 'stageId', 42);
    expect(check(f.server, first, 'editor')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
