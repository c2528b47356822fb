/**
 * The update policy for process roles (src/lib/board/roles.ts): who writes the board's roles and a
 * stage's owner, and who may move a card out of a stage that keeps that to its owners. Each case
 * is a hand-made update, as a client skipping the operations' checks would send, judged for every
 * board role.
 */
import { describe } from 'vitest';
import * as Y from 'yjs';
import { SERVER_ORIGIN, moveCard, removeRole, setRole, setStageRules, type ExitRule } from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit } from '../../helpers/yjs';
import {
  CARD_OK,
  ME,
  OTHER,
  STAGE_INVALID,
  STAGE_OK,
  judgeEach,
  row,
  type Fixture,
  type PolicyCase
} from './policyFixture';

const ROLES_OK = row('ok', 'ok', 'forbidden', 'forbidden', 'read-only');
const ROLES_INVALID = row('invalid', 'invalid', 'forbidden', 'forbidden', 'read-only');

/** Draft is owned by 设计部 (held by `people`) with `exit`; the client is brought up to date. */
function owned(f: Fixture, exit: ExitRule, people: string[]): void {
  setRole(f.server, 'design', { name: '设计部', people }, SERVER_ORIGIN);
  setStageRules(f.server, f.draft, { owner: { role: 'design', handoff: 'add', exit } }, SERVER_ORIGIN);
  Y.applyUpdate(f.client, Y.encodeStateAsUpdate(f.server, Y.encodeStateVector(f.client)));
}

const rolesOf = (f: Fixture) => roots(f.client).roles;

const CASES: PolicyCase[] = [
  {
    name: 'maps people to a process role',
    update: (f) => edit(f.client, () => setRole(f.client, 'finance', { name: '财务', people: [ME] })),
    expected: ROLES_OK
  },
  {
    name: 'removes a process role',
    update: (f) => {
      owned(f, 'anyone', [OTHER]);
      return edit(f.client, () => removeRole(f.client, 'design'));
    },
    expected: ROLES_OK
  },
  {
    name: 'writes a role with a field the board does not know',
    update: (f) => edit(f.client, () => rolesOf(f).set('finance', { name: '财务', people: [], admin: true })),
    expected: ROLES_INVALID
  },
  {
    name: 'writes a role whose people are not user ids',
    update: (f) => edit(f.client, () => rolesOf(f).set('finance', { name: '财务', people: ['<b>', 7] })),
    expected: ROLES_INVALID
  },
  {
    name: 'writes a role under a key that is not a role key',
    update: (f) => edit(f.client, () => rolesOf(f).set('a/b c', { name: '财务', people: [] })),
    expected: ROLES_INVALID
  },
  {
    name: 'writes a role as a Y.Map instead of a plain value',
    update: (f) => edit(f.client, () => rolesOf(f).set('finance', new Y.Map())),
    expected: ROLES_INVALID
  },
  {
    name: 'names a stage’s owner role, hand-off and exit rule',
    update: (f) =>
      edit(f.client, () =>
        setStageRules(f.client, f.review, { owner: { role: 'design', handoff: 'replace', exit: 'owners' } })
      ),
    expected: STAGE_OK
  },
  {
    name: 'writes a stage owner with an unknown hand-off rule',
    update: (f) =>
      edit(f.client, () =>
        roots(f.client)
          .stages.get(f.review)
          ?.set('owner', { role: 'design', handoff: 'steal', exit: 'anyone' })
      ),
    expected: STAGE_INVALID
  },
  {
    name: 'moves a card out of a stage only its owners leave, holding no role there',
    update: (f) => {
      owned(f, 'owners', [OTHER]);
      return edit(f.client, () => moveCard(f.client, 'c1', f.review, 0));
    },
    expected: row('ok', 'ok', 'exit-restricted', 'forbidden', 'read-only')
  },
  {
    name: 'writes a card’s stage by hand out of a stage only its owners leave',
    update: (f) => {
      owned(f, 'owners', [OTHER]);
      return edit(f.client, () => roots(f.client).cards.get('c1')?.set('stageId', f.review));
    },
    expected: row('ok', 'ok', 'exit-restricted', 'forbidden', 'read-only')
  },
  {
    name: 'moves a card out of a stage only its owners leave, as one of its owners',
    update: (f) => {
      owned(f, 'owners', [ME]);
      return edit(f.client, () => moveCard(f.client, 'c1', f.review, 0));
    },
    expected: CARD_OK
  },
  {
    name: 'reorders a card within a stage only its owners leave',
    update: (f) => {
      owned(f, 'owners', [OTHER]);
      return edit(f.client, () => moveCard(f.client, 'c1', f.draft, 0));
    },
    expected: CARD_OK
  },
  {
    name: 'moves a card out of a stage anyone may leave',
    update: (f) => {
      owned(f, 'anyone', [OTHER]);
      return edit(f.client, () => moveCard(f.client, 'c1', f.review, 0));
    },
    expected: CARD_OK
  },
  {
    name: 'moves a card into an owned stage, handing it to the owners in the same update',
    update: (f) => {
      setRole(f.server, 'design', { name: '设计部', people: [OTHER] }, SERVER_ORIGIN);
      setStageRules(
        f.server,
        f.done,
        { owner: { role: 'design', handoff: 'replace', exit: 'owners' } },
        SERVER_ORIGIN
      );
      Y.applyUpdate(f.client, Y.encodeStateAsUpdate(f.server, Y.encodeStateVector(f.client)));
      return edit(f.client, () => moveCard(f.client, 'c1', f.review, 0));
    },
    expected: CARD_OK
  }
];

describe('refusing role and stage-owner updates by the sender’s board role', () => {
  judgeEach(CASES);
});
