/**
 * Targets and results (src/lib/board/targets.ts) in the update policy, each forged update judged
 * for every board role: whoever may edit a card writes its targets and actuals, each stored target
 * is checked whole (money in whole fen, no keys beyond the six, nothing negative), and commenters
 * and viewers are refused by role.
 */
import * as Y from 'yjs';
import { SERVER_ORIGIN, removeTarget, setActual, setTarget, type TargetValue } from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit, sync } from '../../helpers/yjs';
import { CARD_INVALID, CARD_OK, judgeEach, type Fixture, type PolicyCase } from './policyFixture';

/** c1 has a target 销售额 of ¥20,000.00 set on the server; its id. */
function planned(f: Fixture): string {
  const id = setTarget(
    f.server,
    'c1',
    null,
    { name: '销售额', kind: 'money', target: 20_000_00 },
    SERVER_ORIGIN
  );
  sync(f.server, f.client);
  return id;
}

const targetsOf = (doc: Y.Doc) => roots(doc).cards.get('c1')!.get('targets') as Y.Map<unknown>;
/** Writes `value` straight under c1's targets, as a client that skips the operations' checks. */
const forge = (f: Fixture, id: string, value: unknown) =>
  edit(f.client, () => targetsOf(f.client).set(id, value));
/** Rewrites the planned target with `change`, as a forged update would. */
function rewrite(f: Fixture, change: Partial<Record<keyof TargetValue | 'script', unknown>>) {
  const id = planned(f);
  return forge(f, id, { ...(targetsOf(f.client).get(id) as TargetValue), ...change });
}

const CASES: PolicyCase[] = [
  {
    name: 'sets a target through the operation',
    update: (f) =>
      edit(f.client, () =>
        setTarget(f.client, 'c1', null, { name: '到店人数', kind: 'count', unit: '人', target: 800 })
      ),
    expected: CARD_OK
  },
  {
    name: 'records an actual through the operation',
    update: (f) => {
      const id = planned(f);
      return edit(f.client, () => setActual(f.client, 'c1', id, 23_456_78));
    },
    expected: CARD_OK
  },
  {
    name: 'removes a target',
    update: (f) => {
      const id = planned(f);
      return edit(f.client, () => removeTarget(f.client, 'c1', id));
    },
    expected: CARD_OK
  },
  {
    name: 'writes a money target that is not a whole number of fen',
    update: (f) => rewrite(f, { target: 100.5 }),
    expected: CARD_INVALID
  },
  {
    name: 'writes a money actual that is not a whole number of fen',
    update: (f) => rewrite(f, { actual: 0.01 }),
    expected: CARD_INVALID
  },
  {
    name: 'writes a target with a key the model does not know riding along',
    update: (f) => rewrite(f, { script: '<img onerror>' }),
    expected: CARD_INVALID
  },
  {
    name: 'writes a negative actual',
    update: (f) => rewrite(f, { actual: -1 }),
    expected: CARD_INVALID
  },
  {
    name: 'writes a target of a kind there is none of',
    update: (f) => rewrite(f, { kind: 'ratio' }),
    expected: CARD_INVALID
  },
  {
    name: 'writes a target as text instead of a value',
    update: (f) => forge(f, planned(f), '销售额 20000'),
    expected: CARD_INVALID
  }
];

judgeEach(CASES);
