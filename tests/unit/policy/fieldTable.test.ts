/**
 * A new card field is one row in the field table (src/lib/board/fields.ts). This file adds three
 * rows no other code names — a budget anyone who edits cards sets, a cost centre only the server
 * writes, a currency every card is made with — and shows the board operations and the server's
 * update policy treat them as the table says: who writes each, its shape and check, whether a
 * card is made with it and may lose it. Nothing else learns of them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, BoardError, SERVER_ORIGIN, setCardField } from '#lib/board';
import type { Field } from '#lib/board/field-shape';
import { CARD_FIELDS } from '#lib/board/fields';
import { roots } from '#lib/board/schema';
import { edit } from '../../helpers/yjs';
import { deleteCardKey, setCardKey } from './forgeries';
import {
  CARD_INVALID,
  CARD_OK,
  check,
  fixture,
  judgeEach,
  row,
  type Fixture,
  type PolicyCase
} from './policyFixture';

// Added before any card is made or judged (the policy reads the table as it is when asked).
Object.assign(CARD_FIELDS as Record<string, Field>, {
  budget: {
    write: 'edit-card',
    shape: 'number',
    check: (v) => ((v as number) >= 0 ? null : 'zero or more')
  },
  costCentre: { write: 'server', shape: 'string' },
  currency: {
    write: 'edit-card',
    shape: 'string',
    required: true,
    check: (v) => (/^[A-Z]{3}$/.test(v as string) ? null : 'a currency code'),
    initial: () => 'CNY'
  }
} satisfies Record<string, Field>);

const SERVER_ONLY = row('server-only', 'server-only', 'server-only', 'server-only', 'read-only');

/** The update of making card n1 in Draft with the operations, then `also` in the same update. */
const newCard = (f: Fixture, also: (card: Y.Map<unknown>) => void = () => {}) =>
  edit(f.client, () =>
    f.client.transact(() => {
      addCard(f.client, { stageId: f.draft, title: 'New', id: 'n1' });
      also(roots(f.client).cards.get('n1')!);
    })
  );

/** A case of writing `value` under `key` of card c1. */
const sets = (name: string, key: string, value: unknown, expected: PolicyCase['expected']): PolicyCase => ({
  name,
  update: (f) => setCardKey(f, 'c1', key, value),
  expected
});

const CASES: PolicyCase[] = [
  sets('sets a card’s budget', 'budget', 1200, CARD_OK),
  sets('sets a negative budget', 'budget', -5, CARD_INVALID),
  sets('writes the budget as text', 'budget', '1200', CARD_INVALID),
  sets('writes the server’s cost centre on a card', 'costCentre', 'K-1', SERVER_ONLY),
  {
    name: 'makes a card with the server’s cost centre already on it',
    update: (f) => newCard(f, (card) => card.set('costCentre', 'K-1')),
    // A commenter may not make the card at all: told that first.
    expected: row('server-only', 'server-only', 'server-only', 'forbidden', 'read-only')
  },
  { name: 'makes a card with the operations', update: (f) => newCard(f), expected: CARD_OK },
  {
    name: 'makes a card without its currency',
    update: (f) => newCard(f, (card) => card.delete('currency')),
    expected: CARD_INVALID
  },
  {
    name: 'removes a card’s currency',
    update: (f) => deleteCardKey(f, 'c1', 'currency'),
    expected: CARD_INVALID
  },
  sets('writes a currency that is no code', 'currency', 'yen', CARD_INVALID)
];

describe('a card field added as one row of the field table', () => {
  judgeEach(CASES);

  it('is given its first value when a card is made', () => {
    const f = fixture();
    expect(roots(f.server).cards.get('c1')?.get('currency')).toBe('CNY');
  });

  it('is set by the operations through its row’s check, and the result passes the policy', () => {
    const f = fixture();
    const update = edit(f.client, () => setCardField(f.client, 'c1', 'budget', 1200));
    expect(check(f.server, update, 'editor')).toMatchObject({ ok: true });
    expect(() => setCardField(f.client, 'c1', 'budget', -1)).toThrow(BoardError);
    expect(() => setCardField(f.client, 'c1', 'currency', null)).toThrow(BoardError);
    expect(() => setCardField(f.client, 'c1', 'currency', 'yen')).toThrow(BoardError);
    expect(roots(f.client).cards.get('c1')?.get('budget')).toBe(1200);
  });

  it('is written by the server with the same operation, and refused from a client', () => {
    const f = fixture();
    setCardField(f.server, 'c1', 'costCentre', 'K-1', SERVER_ORIGIN);
    expect(roots(f.server).cards.get('c1')?.get('costCentre')).toBe('K-1');
    const forged = edit(f.client, () => setCardField(f.client, 'c1', 'costCentre', 'K-2'));
    expect(check(f.server, forged, 'owner')).toMatchObject({ ok: false, reason: 'server-only' });
  });
});
