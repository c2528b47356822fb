/**
 * The money rules of the update policy (server/policy/moneyPolicy.ts), each forged update judged
 * for every board role: budgets are the managers', an expense is its spender's and `within` only
 * when the budget it leaves allows, overruns are decided only by approvers, amounts are whole fen,
 * and nothing spent is rewritten.
 */
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  decideExpense,
  rankBetween,
  recordExpense,
  removeExpense,
  setBudgetLine,
  setCurrency,
  type ExpenseValue
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit, sync } from '../../helpers/yjs';
import { ME, OTHER, judgeEach, row, type Fixture, type PolicyCase } from './policyFixture';

/** Owners and managers only; editors are refused by the money rules, the rest by role. */
const MANAGERS = row('ok', 'ok', 'forbidden', 'forbidden', 'read-only');
const EDITORS = row('ok', 'ok', 'ok', 'forbidden', 'read-only');
const EDIT_INVALID = row('invalid', 'invalid', 'invalid', 'forbidden', 'read-only');
const EDIT_FORBIDDEN = row('forbidden', 'forbidden', 'forbidden', 'forbidden', 'read-only');
const AUTHOR = row('not-author', 'not-author', 'not-author', 'forbidden', 'read-only');

const RANK = rankBetween(null, null);
const me = { userId: ME, role: 'owner' as const };

/** c1 has a budget: line `ads` 100.00 with 90.00 spent by OTHER, and OTHER's pending 50.00 on it. */
function funded(f: Fixture) {
  setBudgetLine(f.server, 'c1', 'ads', { name: '宣传费用', amount: 10_000 }, SERVER_ORIGIN);
  const other = { userId: OTHER, role: 'editor' as const };
  const spent = recordExpense(
    f.server,
    'c1',
    { line: 'ads', amount: 9_000, date: '2026-11-01' },
    other,
    1,
    SERVER_ORIGIN
  );
  const pending = recordExpense(
    f.server,
    'c1',
    { line: 'ads', amount: 5_000, date: '2026-11-02' },
    other,
    2,
    SERVER_ORIGIN
  );
  sync(f.server, f.client);
  return { spent: spent.id, pending: pending.id };
}

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
  {
    name: 'sets a budget line through the operation',
    update: (f) => {
      funded(f);
      return edit(f.client, () =>
        setBudgetLine(f.client, 'c1', 'ads', { name: '宣传费用', amount: 99_999_00 })
      );
    },
    expected: MANAGERS
  },
  {
    name: 'adds a budget line to a card without one',
    update: (f) => edit(f.client, () => setBudgetLine(f.client, 'c1', null, { name: '场地费用', amount: 1 })),
    expected: MANAGERS
  },
  {
    name: 'writes a budget line in fractions of a fen',
    update: (f) => {
      funded(f);
      return edit(f.client, () =>
        budgetOf(f.client).set('ads', { name: '宣传费用', amount: 100.5, rank: RANK })
      );
    },
    expected: row('invalid', 'invalid', 'forbidden', 'forbidden', 'read-only')
  },
  {
    name: 'removes a budget line',
    update: (f) => {
      funded(f);
      return edit(f.client, () => budgetOf(f.client).delete('ads'));
    },
    expected: MANAGERS
  },
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
  {
    name: 'records an expense within budget through the operation',
    update: (f) => {
      funded(f);
      return edit(f.client, () =>
        recordExpense(f.client, 'c1', { line: 'ads', amount: 1_000, date: '2026-11-03' }, me)
      );
    },
    expected: EDITORS
  },
  {
    name: 'records an overrun as pending through the operation',
    update: (f) => {
      funded(f);
      return edit(f.client, () =>
        recordExpense(f.client, 'c1', { line: 'ads', amount: 1_001, date: '2026-11-03' }, me)
      );
    },
    expected: EDITORS
  },
  {
    name: 'writes an overrun as within budget',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ amount: 1_001 }));
    },
    expected: EDIT_FORBIDDEN
  },
  {
    name: 'writes an overrun as already approved by themselves',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ amount: 1_001, status: 'approved', decidedBy: ME, decidedAt: 3 }));
    },
    expected: MANAGERS
  },
  {
    name: 'writes an overrun as approved by someone else',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ amount: 1_001, status: 'approved', decidedBy: 'u-boss', decidedAt: 3 }));
    },
    expected: EDIT_FORBIDDEN
  },
  {
    name: 'raises the budget and spends within it in one update',
    update: (f) => {
      funded(f);
      return edit(f.client, () => {
        budgetOf(f.client).set('ads', { name: '宣传费用', amount: 20_000, rank: RANK });
        expensesOf(f.client).set('x1', value({ amount: 10_000 }));
      });
    },
    expected: MANAGERS
  },
  {
    name: 'writes two expenses that fit alone but not together',
    update: (f) => {
      funded(f);
      return edit(f.client, () => {
        expensesOf(f.client).set('x1', value({ amount: 600 }));
        expensesOf(f.client).set('x2', value({ amount: 600 }));
      });
    },
    expected: EDIT_FORBIDDEN
  },
  {
    name: 'writes an amount that is not a whole number of fen',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ amount: 0.5 }));
    },
    expected: EDIT_INVALID
  },
  {
    name: 'writes an amount as a string',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ amount: '5' as unknown as number }));
    },
    expected: EDIT_INVALID
  },
  {
    name: 'writes a negative expense to make room in the budget',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ amount: -9_000 }));
    },
    expected: EDIT_INVALID
  },
  {
    name: 'records an expense against a line the card does not have',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ line: 'nope', status: 'pending' }));
    },
    expected: EDIT_INVALID
  },
  {
    name: 'names a receipt that is not an attachment of the card',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ receipt: 'a-elsewhere' }));
    },
    expected: EDIT_INVALID
  },
  {
    name: 'names the card’s attachment as a receipt',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ receipt: 'a-server' }));
    },
    expected: EDITORS
  },
  {
    name: 'records an expense as someone else’s',
    update: (f) => {
      funded(f);
      return forge(f, 'x1', value({ by: OTHER }));
    },
    expected: AUTHOR
  },
  {
    name: 'approves a pending overrun through the operation',
    update: (f) => {
      const { pending } = funded(f);
      return edit(f.client, () => decideExpense(f.client, 'c1', pending, true, me));
    },
    expected: MANAGERS
  },
  {
    name: 'rejects a pending overrun',
    update: (f) => {
      const { pending } = funded(f);
      return forge(f, pending, { ...current(f, pending), status: 'rejected', decidedBy: ME, decidedAt: 9 });
    },
    expected: MANAGERS
  },
  {
    name: 'turns a pending overrun into within budget',
    update: (f) => {
      const { pending } = funded(f);
      return forge(f, pending, { ...current(f, pending), status: 'within' });
    },
    expected: EDIT_FORBIDDEN
  },
  {
    name: 'lowers the amount of an expense already spent',
    update: (f) => {
      const { spent } = funded(f);
      return forge(f, spent, { ...current(f, spent), amount: 1 });
    },
    expected: EDIT_FORBIDDEN
  },
  {
    name: 'removes someone else’s expense',
    update: (f) => {
      const { spent } = funded(f);
      return edit(f.client, () => expensesOf(f.client).delete(spent));
    },
    expected: MANAGERS
  },
  {
    name: 'removes their own pending expense',
    update: (f) => {
      funded(f);
      const mine = recordExpense(
        f.server,
        'c1',
        { line: 'ads', amount: 9_999, date: '2026-11-03' },
        { userId: ME, role: 'editor' },
        3,
        SERVER_ORIGIN
      );
      sync(f.server, f.client);
      return edit(f.client, () => removeExpense(f.client, 'c1', mine.id, { userId: ME, role: 'owner' }));
    },
    expected: EDITORS
  },
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
