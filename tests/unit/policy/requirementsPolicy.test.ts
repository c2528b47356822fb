/**
 * What a stage requires before a card leaves it forward, and the card fields it names, judged by the
 * update policy for every role: a forged move that skips the operations' own check is refused as
 * requirements-unmet, whoever sends it, and field values keep their kind.
 */
import { describe } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  archiveCard,
  defineCardField,
  setActual,
  setBudgetLine,
  setCardFieldValue,
  setStageRules,
  setTarget
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { edit, sync } from '../../helpers/yjs';
import {
  CARD_INVALID,
  CARD_OK,
  STAGE_INVALID,
  STAGE_OK,
  judgeEach,
  row,
  type Fixture
} from './policyFixture';

/** Draft requires a budget (c1 already has a draft attached); the server's change is synced to the client. */
function requireBudget(f: Fixture, budget?: number): void {
  defineCardField(f.server, { name: '预算', alt: 'Budget', kind: 'money' }, 'budget', SERVER_ORIGIN);
  defineCardField(f.server, { name: '链接', kind: 'link' }, 'link', SERVER_ORIGIN);
  setStageRules(f.server, f.draft, { requires: { draft: true, fields: ['budget'] } }, SERVER_ORIGIN);
  if (budget !== undefined) setCardFieldValue(f.server, 'c1', 'budget', budget, SERVER_ORIGIN);
  sync(f.server, f.client);
}

/** Rewrites the budget's definition on the client, as a forged update would. */
function redefineBudget(f: Fixture, change: { name?: string; kind?: string }) {
  const defs = roots(f.client).fields;
  return edit(f.client, () => defs.set('budget', { ...(defs.get('budget') as object), ...change }));
}

/**
 * Draft asks for a budget line and a target (planning), Review for every actual (evaluation), as
 * the campaign template does; `have` says what c1 already has, written on the server.
 */
function requireResults(f: Fixture, have: { line?: boolean; target?: boolean; actual?: boolean } = {}) {
  setStageRules(f.server, f.draft, { requires: { budget: true, targets: true } }, SERVER_ORIGIN);
  setStageRules(f.server, f.review, { gate: null, requires: { actuals: true } }, SERVER_ORIGIN);
  if (have.line) setBudgetLine(f.server, 'c1', null, { name: '宣传费用', amount: 5_000_00 }, SERVER_ORIGIN);
  if (have.target) {
    const id = setTarget(
      f.server,
      'c1',
      null,
      { name: '线索数', kind: 'count', unit: '条', target: 300 },
      SERVER_ORIGIN
    );
    if (have.actual) setActual(f.server, 'c1', id, 280, SERVER_ORIGIN);
  }
  sync(f.server, f.client);
}

const card = (f: Fixture, id = 'c1') => roots(f.client).cards.get(id)!;
const valuesOf = (f: Fixture) => card(f).get('fields') as Y.Map<unknown>;
const UNMET = row('requirements-unmet', 'requirements-unmet', 'requirements-unmet', 'forbidden', 'read-only');

describe('stage requirements in the update policy', () => {
  judgeEach([
    {
      name: 'moves a card on whose stage requires a budget it lacks',
      update: (f) => (requireBudget(f), edit(f.client, () => card(f).set('stageId', f.review))),
      expected: UNMET
    },
    {
      name: 'moves a card past the next (ungated) stage, skipping the unmet one',
      update: (f) => {
        setStageRules(f.server, f.review, { gate: null }, SERVER_ORIGIN);
        requireBudget(f);
        return edit(f.client, () => card(f).set('stageId', f.done));
      },
      expected: UNMET
    },
    {
      name: 'fills the budget and moves on in the same update (judged, like gates, before it)',
      update: (f) => (
        requireBudget(f),
        edit(f.client, () => {
          valuesOf(f).set('budget', 100);
          card(f).set('stageId', f.review);
        })
      ),
      expected: UNMET
    },
    {
      name: 'moves the card on once the budget is filled',
      update: (f) => (requireBudget(f, 5_000_00), edit(f.client, () => card(f).set('stageId', f.review))),
      expected: CARD_OK
    },
    {
      name: 'moves a card back from a later stage',
      update: (f) => (requireBudget(f), edit(f.client, () => card(f, 'g1').set('stageId', f.draft))),
      expected: CARD_OK
    },
    {
      name: 'fills a budget in whole fen',
      update: (f) => (requireBudget(f), edit(f.client, () => valuesOf(f).set('budget', 1_234_50))),
      expected: CARD_OK
    },
    {
      name: 'fills a budget that is not a whole number of fen',
      update: (f) => (requireBudget(f), edit(f.client, () => valuesOf(f).set('budget', 12.5))),
      expected: CARD_INVALID
    },
    {
      name: 'fills a link that is not http(s)',
      update: (f) => (requireBudget(f), edit(f.client, () => valuesOf(f).set('link', 'javascript:alert(1)'))),
      expected: CARD_INVALID
    },
    {
      name: 'fills a field the board does not define',
      update: (f) => (requireBudget(f), edit(f.client, () => valuesOf(f).set('nope', 'x'))),
      expected: CARD_INVALID
    },
    {
      name: 'defines a card field',
      update: (f) =>
        edit(f.client, () =>
          roots(f.client).fields.set('major', { name: '重大项目', kind: 'flag', rank: 'm' })
        ),
      expected: STAGE_OK
    },
    {
      name: 'defines a card field of a kind there is none of',
      update: (f) =>
        edit(f.client, () =>
          roots(f.client).fields.set('major', { name: '重大项目', kind: 'script', rank: 'm' })
        ),
      expected: STAGE_INVALID
    },
    {
      name: 'defines a flag and ticks it on a card in one update',
      update: (f) =>
        edit(f.client, () => {
          roots(f.client).fields.set('major', { name: '重大项目', kind: 'flag', rank: 'm' });
          (card(f).get('fields') as Y.Map<unknown>).set('major', true);
        }),
      expected: row('ok', 'ok', 'forbidden', 'forbidden', 'read-only')
    },
    {
      name: 'changes the kind of a field no card holds a value for',
      update: (f) => (requireBudget(f), redefineBudget(f, { kind: 'number' })),
      expected: STAGE_OK
    },
    {
      name: 'changes the kind of a field a card holds a value for (money read as a date)',
      update: (f) => (requireBudget(f, 5_000_00), redefineBudget(f, { kind: 'date' })),
      expected: STAGE_INVALID
    },
    {
      name: 'changes the kind of a field only an archived card holds a value for',
      update: (f) => {
        requireBudget(f, 5_000_00);
        archiveCard(f.server, 'c1', true, SERVER_ORIGIN);
        sync(f.server, f.client);
        return redefineBudget(f, { kind: 'text' });
      },
      expected: STAGE_INVALID
    },
    {
      name: 'renames a field cards hold values for, keeping its kind',
      update: (f) => (requireBudget(f, 5_000_00), redefineBudget(f, { name: '预算（元）' })),
      expected: STAGE_OK
    },
    {
      name: 'writes what a stage requires',
      update: (f) =>
        edit(f.client, () =>
          roots(f.client).stages.get(f.draft)!.set('requires', { draft: true, assignee: true })
        ),
      expected: STAGE_OK
    },
    {
      name: 'moves a card on whose planning stage requires a budget line and a target it lacks',
      update: (f) => (
        requireResults(f, { target: true }),
        edit(f.client, () => card(f).set('stageId', f.review))
      ),
      expected: UNMET
    },
    {
      name: 'moves a card on whose planning stage requires a target it lacks',
      update: (f) => (
        requireResults(f, { line: true }),
        edit(f.client, () => card(f).set('stageId', f.review))
      ),
      expected: UNMET
    },
    {
      name: 'moves a card on with a budget line and a target',
      update: (f) => (
        requireResults(f, { line: true, target: true }),
        edit(f.client, () => card(f).set('stageId', f.review))
      ),
      expected: CARD_OK
    },
    {
      name: 'moves a planned card past evaluation before its actual is recorded',
      update: (f) => (
        requireResults(f, { line: true, target: true }),
        edit(f.client, () => card(f).set('stageId', f.done))
      ),
      expected: UNMET
    },
    {
      name: 'moves a planned and measured card past evaluation',
      update: (f) => (
        requireResults(f, { line: true, target: true, actual: true }),
        edit(f.client, () => card(f).set('stageId', f.done))
      ),
      expected: CARD_OK
    },
    {
      name: 'writes what a stage requires of budgets, targets and actuals',
      update: (f) =>
        edit(f.client, () =>
          roots(f.client).stages.get(f.draft)!.set('requires', { budget: true, targets: true, actuals: true })
        ),
      expected: STAGE_OK
    },
    {
      name: 'writes a results requirement that is not yes or no',
      update: (f) =>
        edit(f.client, () => roots(f.client).stages.get(f.draft)!.set('requires', { targets: 'some' })),
      expected: STAGE_INVALID
    },
    {
      name: 'writes requirements with unknown parts riding along',
      update: (f) =>
        edit(f.client, () =>
          roots(f.client).stages.get(f.draft)!.set('requires', { draft: true, script: 'x' })
        ),
      expected: STAGE_INVALID
    }
  ]);
});
