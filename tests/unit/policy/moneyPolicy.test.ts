/**
 * The money rules of the update policy (server/policy/moneyPolicy.ts), each forged update judged
 * for every board role: budgets are the managers', an expense is its spender's and `within` only
 * when the budget it leaves allows, overruns are decided only by approvers, amounts are whole fen,
 * and nothing spent is rewritten; an overrun that lost a race is accepted and demoted to pending.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  decideExpense,
  demoteOverruns,
  readCardMoney,
  rankBetween,
  recordExpense,
  removeExpense,
  setBudgetLine,
  setCurrency,
  type ExpenseValue
} from '#lib/board';
import { roots } from '#lib/board/schema';
import type { BoardRole } from '#lib/auth/permissions';
import { checkUpdate } from '#server/policy/updatePolicy';
import { edit, sync } from '../../helpers/yjs';
import { ME, OTHER, fixture, judgeEach, row, type Fixture, type PolicyCase } from './policyFixture';

/** Owners and managers only; editors are refused by the money rules, the rest by role. */
const MANAGERS = row('ok', 'ok', 'forbidden', 'forbidden', 'read-only');
const EDITORS = row('ok', 'ok', 'ok', 'forbidden', 'read-only');
const EDIT_INVALID = row('invalid', 'invalid', 'invalid', 'forbidden', 'read-only');
const EDIT_FORBIDDEN = row('forbidden', 'forbidden', 'forbidden', 'forbidden', 'read-only');
const AUTHOR = row('not-author', 'not-author', 'not-author', 'forbidden', 'read-only');

const RANK = rankBetween(null, null);
const me = { userId: ME, role: 'owner' as const };

/** Records `amount` on `ads` as `userId`, written by the server (the fixture's history). */
function spend(f: Fixture, userId: string, amount: number, at: number) {
  const actor = { userId, role: 'editor' as const };
  return recordExpense(
    f.server,
    'c1',
    { line: 'ads', amount, date: `2026-11-0${at}` },
    actor,
    at,
    SERVER_ORIGIN
  ).id;
}

/** c1 has a budget: line `ads` 100.00 with 90.00 spent by OTHER, and OTHER's pending 50.00 on it. */
function funded(f: Fixture) {
  setBudgetLine(f.server, 'c1', 'ads', { name: '宣传费用', amount: 10_000 }, SERVER_ORIGIN);
  const ids = { spent: spend(f, OTHER, 9_000, 1), pending: spend(f, OTHER, 5_000, 2) };
  sync(f.server, f.client);
  return ids;
}

/** A case on the funded card c1: `update` gets the fixture and the ids of its two expenses. */
const onFunded = (
  name: string,
  update: (f: Fixture, ids: ReturnType<typeof funded>) => Uint8Array,
  expected: PolicyCase['expected']
): PolicyCase => ({ name, update: (f) => update(f, funded(f)), expected });

const expensesOf = (doc: Y.Doc) => roots(doc).cards.get('c1')!.get('expenses') as Y.Map<unknown>;
const budgetOf = (doc: Y.Doc) => roots(doc).cards.get('c1')!.get('budget') as Y.Map<unknown>;
const value = (over: Partial<ExpenseValue> = {}): ExpenseValue => ({
  line: 'ads',
  amount: 500,
  date: '2026-11-03',
  by: ME,
  at: 3,
  note: '',
  status: 'within',
  ...over
});
const forge = (f: Fixture, id: string, v: unknown) => edit(f.client, () => expensesOf(f.client).set(id, v));
const current = (f: Fixture, id: string) => expensesOf(f.client).get(id) as ExpenseValue;

const CASES: PolicyCase[] = [
  onFunded(
    'sets a budget line through the operation',
    (f) =>
      edit(f.client, () => setBudgetLine(f.client, 'c1', 'ads', { name: '宣传费用', amount: 99_999_00 })),
    MANAGERS
  ),
  {
    name: 'adds a budget line to a card without one',
    update: (f) => edit(f.client, () => setBudgetLine(f.client, 'c1', null, { name: '场地费用', amount: 1 })),
    expected: MANAGERS
  },
  onFunded(
    'writes a budget line in fractions of a fen',
    (f) =>
      edit(f.client, () => budgetOf(f.client).set('ads', { name: '宣传费用', amount: 100.5, rank: RANK })),
    row('invalid', 'invalid', 'forbidden', 'forbidden', 'read-only')
  ),
  onFunded('removes a budget line', (f) => edit(f.client, () => budgetOf(f.client).delete('ads')), MANAGERS),
  {
    name: 'creates a card that comes with a budget already filled in',
    update: (f) =>
      edit(f.client, () => {
        const card = new Y.Map<unknown>();
        roots(f.client).cards.set('c-new', card);
        card.set('id', 'c-new');
        card.set('title', new Y.Text('Forged'));
        card.set('description', new Y.Text());
        card.set('stageId', f.draft);
        card.set('rank', RANK);
        card.set('archived', false);
        card.set('createdAt', 1);
        card.set('enteredAt', 1);
        for (const key of ['checklist', 'seeded', 'assignees', 'labels', 'checklists'])
          card.set(key, new Y.Map());
        const budget = new Y.Map<unknown>();
        card.set('budget', budget);
        budget.set('big', { name: '人力成本', amount: 1e12, rank: RANK });
      }),
    expected: MANAGERS
  },
  onFunded(
    'records an expense within budget through the operation',
    (f) =>
      edit(f.client, () =>
        recordExpense(f.client, 'c1', { line: 'ads', amount: 1_000, date: '2026-11-03' }, me)
      ),
    EDITORS
  ),
  onFunded(
    'records an overrun as pending through the operation',
    (f) =>
      edit(f.client, () =>
        recordExpense(f.client, 'c1', { line: 'ads', amount: 1_001, date: '2026-11-03' }, me)
      ),
    EDITORS
  ),
  // Accepted, and demoted to pending right after (the race; see 'an overrun that lost the race').
  onFunded('writes an overrun as within budget', (f) => forge(f, 'x1', value({ amount: 1_001 })), EDITORS),
  onFunded(
    'writes an overrun as already approved by themselves',
    (f) => forge(f, 'x1', value({ amount: 1_001, status: 'approved', decidedBy: ME, decidedAt: 3 })),
    MANAGERS
  ),
  onFunded(
    'writes an overrun as approved by someone else',
    (f) => forge(f, 'x1', value({ amount: 1_001, status: 'approved', decidedBy: 'u-boss', decidedAt: 3 })),
    EDIT_FORBIDDEN
  ),
  onFunded(
    'raises the budget and spends within it in one update',
    (f) =>
      edit(f.client, () => {
        budgetOf(f.client).set('ads', { name: '宣传费用', amount: 20_000, rank: RANK });
        expensesOf(f.client).set('x1', value({ amount: 10_000 }));
      }),
    MANAGERS
  ),
  onFunded(
    'writes two expenses that fit alone but not together',
    (f) =>
      edit(f.client, () => {
        expensesOf(f.client).set('x1', value({ amount: 600 }));
        expensesOf(f.client).set('x2', value({ amount: 600 }));
      }),
    EDITORS
  ),
  onFunded(
    'writes an amount that is not a whole number of fen',
    (f) => forge(f, 'x1', value({ amount: 0.5 })),
    EDIT_INVALID
  ),
  onFunded(
    'writes an amount as a string',
    (f) => forge(f, 'x1', value({ amount: '5' as unknown as number })),
    EDIT_INVALID
  ),
  onFunded(
    'writes a negative expense to make room in the budget',
    (f) => forge(f, 'x1', value({ amount: -9_000 })),
    EDIT_INVALID
  ),
  onFunded(
    'records an expense against a line the card does not have',
    (f) => forge(f, 'x1', value({ line: 'nope', status: 'pending' })),
    EDIT_INVALID
  ),
  onFunded(
    'names a receipt that is not an attachment of the card',
    (f) => forge(f, 'x1', value({ receipt: 'a-elsewhere' })),
    EDIT_INVALID
  ),
  onFunded(
    'names the card’s attachment as a receipt',
    (f) => forge(f, 'x1', value({ receipt: 'a-server' })),
    EDITORS
  ),
  onFunded('records an expense as someone else’s', (f) => forge(f, 'x1', value({ by: OTHER })), AUTHOR),
  onFunded(
    'approves a pending overrun through the operation',
    (f, { pending }) => edit(f.client, () => decideExpense(f.client, 'c1', pending, true, me)),
    MANAGERS
  ),
  onFunded(
    'rejects a pending overrun',
    (f, { pending }) =>
      forge(f, pending, { ...current(f, pending), status: 'rejected', decidedBy: ME, decidedAt: 9 }),
    MANAGERS
  ),
  onFunded(
    'turns a pending overrun into within budget',
    (f, { pending }) => forge(f, pending, { ...current(f, pending), status: 'within' }),
    EDIT_FORBIDDEN
  ),
  onFunded(
    'lowers the amount of an expense already spent',
    (f, { spent }) => forge(f, spent, { ...current(f, spent), amount: 1 }),
    EDIT_FORBIDDEN
  ),
  onFunded(
    'removes someone else’s expense',
    (f, { spent }) => edit(f.client, () => expensesOf(f.client).delete(spent)),
    MANAGERS
  ),
  onFunded(
    'removes their own pending expense',
    (f) => {
      const mine = spend(f, ME, 9_999, 3);
      sync(f.server, f.client);
      return edit(f.client, () => removeExpense(f.client, 'c1', mine, { userId: ME, role: 'owner' }));
    },
    EDITORS
  ),
  {
    name: 'sets the board’s currency',
    update: (f) => edit(f.client, () => setCurrency(f.client, 'USD')),
    expected: MANAGERS
  },
  {
    name: 'writes a currency that is not a code',
    update: (f) => edit(f.client, () => roots(f.client).meta.set('currency', 'yuan')),
    expected: row('invalid', 'invalid', 'forbidden', 'forbidden', 'read-only')
  }
];

judgeEach(CASES);

describe('an overrun that lost the race', () => {
  const judged = (
    update: (f: Fixture, ids: ReturnType<typeof funded>) => Uint8Array,
    role: BoardRole = 'editor'
  ) => {
    const f = fixture();
    const bytes = update(f, funded(f));
    const verdict = checkUpdate(f.server, bytes, { userId: ME, role });
    if (!verdict.ok) throw new Error(verdict.detail);
    return { f, bytes, overruns: verdict.overruns };
  };

  it('is accepted and named for demotion, and once demoted counts as pending, never spent', () => {
    const { f, bytes, overruns } = judged((g) => forge(g, 'x1', value({ amount: 1_001 })));
    expect(overruns).toEqual([{ cardId: 'c1', expenseId: 'x1' }]);
    Y.applyUpdate(f.server, bytes);
    expect(demoteOverruns(f.server, overruns, SERVER_ORIGIN)).toEqual(overruns);
    expect(readCardMoney(f.server, 'c1').totals).toMatchObject({ spent: 9_000, pending: 6_001 });
    expect(expensesOf(f.server).get('x1')).toEqual(value({ amount: 1_001, status: 'pending' }));
  });

  it('leaves what fits alone: of two that fit alone but not together, one stays within', () => {
    const { overruns } = judged((f) =>
      edit(f.client, () => {
        expensesOf(f.client).set('x1', value({ amount: 600 }));
        expensesOf(f.client).set('x2', value({ amount: 600 }));
      })
    );
    expect(overruns).toHaveLength(1);
  });

  it('names nothing for an expense that fits, one already pending, or one that is not new', () => {
    expect(judged((f) => forge(f, 'x1', value({ amount: 1_000 }))).overruns).toEqual([]);
    expect(judged((f) => forge(f, 'x1', value({ amount: 1_001, status: 'pending' }))).overruns).toEqual([]);
    const approval = judged(
      (f, { pending }) => edit(f.client, () => decideExpense(f.client, 'c1', pending, true, me)),
      'manager'
    );
    expect(approval.overruns).toEqual([]);
  });

  it('demotes only what is still within: a removed or decided expense stays as it is', () => {
    const f = fixture();
    const { spent, pending } = funded(f);
    expect(
      demoteOverruns(f.server, [
        { cardId: 'c1', expenseId: pending },
        { cardId: 'c1', expenseId: 'gone' },
        { cardId: 'nope', expenseId: spent }
      ])
    ).toEqual([]);
  });
});
