/**
 * Overruns need approval first (001 六.1), enforced by the server over the WebSocket: with real
 * clients of each role on a real server, an editor's overrun written as approved is refused
 * (UpdateRefused, nothing applied); written as within budget, or recorded as pending, it lands
 * pending and counts for nothing; only a manager's approval makes it spent, and that reaches the
 * editor live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { BOARD_ROLES, type BoardRole } from '#lib/auth/permissions';
import {
  addCard,
  decideExpense,
  readBoard,
  readCardMoney,
  recordExpense,
  setBudgetLine,
  type ExpenseValue
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestServer
} from '../helpers/syncHarness';

describe('overrun approval over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;
  const people = new Map<BoardRole, SyncTarget & { userId: string }>();

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    boardId = (await server.services.boards.create({ title: 'Money', creatorId: server.owner.id })).id;
    people.set('owner', { ...server, userId: server.owner.id });
    for (const role of BOARD_ROLES.filter((r) => r !== 'owner')) {
      const m = await server.member(boardId, role);
      people.set(role, { ...m, userId: m.user.id });
    }
    await server.rooms.change(boardId, (doc) => {
      addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: '门店活动', id: 'c1' });
      setBudgetLine(doc, 'c1', 'ads', { name: '宣传费用', amount: 10_000 });
    });
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const spent = () => server.rooms.read(boardId, (doc) => readCardMoney(doc, 'c1').totals);
  const expensesOf = (doc: Y.Doc) => roots(doc).cards.get('c1')!.get('expenses') as Y.Map<unknown>;

  /** Sends `write` as `role`; says whether the server applied it (its state vector moved) or refused it. */
  async function attempt(role: BoardRole, write: (doc: Y.Doc, userId: string) => void) {
    const person = people.get(role)!;
    const client = await connectClient(person, boardId);
    try {
      const before = await server.rooms.read(boardId, (doc) => expensesOf(doc).size);
      write(client.doc, person.userId);
      return await waitFor('the outcome', async () => {
        if (client.closes.length > 0) {
          expect(client.closes[0]?.code).toBe(CloseCode.UpdateRefused);
          return 'refused' as const;
        }
        const after = await server.rooms.read(boardId, (doc) => expensesOf(doc));
        return after.size !== before ||
          [...after.values()].some((v) => (v as ExpenseValue).status === 'approved')
          ? ('applied' as const)
          : null;
      });
    } finally {
      client.destroy();
    }
  }

  const overrun = (userId: string, over: Partial<ExpenseValue> = {}): ExpenseValue => ({
    line: 'ads',
    amount: 10_001,
    date: '2026-11-03',
    by: userId,
    at: 1,
    note: '',
    status: 'within',
    ...over
  });

  it('lands an editor’s overrun written as within budget as pending, and refuses it approved by themselves', async () => {
    // A forged `within` gains nothing: it is taken as an overrun that lost a race, and demoted.
    expect(await attempt('editor', (doc, me) => expensesOf(doc).set('x1', overrun(me)))).toBe('applied');
    expect(await spent()).toMatchObject({ spent: 0, pending: 10_001 });
    await server.rooms.change(boardId, (doc) => expensesOf(doc).delete('x1'));
    expect(
      await attempt('editor', (doc, me) =>
        expensesOf(doc).set('x2', overrun(me, { status: 'approved', decidedBy: me, decidedAt: 1 }))
      )
    ).toBe('refused');
    expect(
      await attempt('commenter', (doc, me) => expensesOf(doc).set('x3', overrun(me, { status: 'pending' })))
    ).toBe('refused');
    expect((await spent()).spent).toBe(0);
  });

  it('lands an editor’s overrun as pending, refuses their approval of it, and counts it once a manager approves', async () => {
    const editor = await connectClient(people.get('editor')!, boardId);
    const { id, status } = recordExpense(
      editor.doc,
      'c1',
      { line: 'ads', amount: 10_001, date: '2026-11-03' },
      { userId: people.get('editor')!.userId, role: 'editor' }
    );
    expect(status).toBe('pending');
    await waitFor('the pending expense on the server', async () =>
      (await spent()).pending === 10_001 ? true : null
    );

    // The editor's own client would not offer it; a forged decision is refused.
    expect(
      await attempt('editor', (doc, me) => {
        const value = expensesOf(doc).get(id) as ExpenseValue;
        expensesOf(doc).set(id, { ...value, status: 'approved', decidedBy: me, decidedAt: 2 });
      })
    ).toBe('refused');

    const manager = people.get('manager')!;
    expect(
      await attempt('manager', (doc) =>
        decideExpense(doc, 'c1', id, true, { userId: manager.userId, role: 'manager' })
      )
    ).toBe('applied');
    expect(await spent()).toMatchObject({ spent: 10_001, pending: 0, budget: 10_000 });
    await waitFor('the approval at the editor', () =>
      readCardMoney(editor.doc, 'c1').totals.spent === 10_001 ? true : null
    );
    editor.destroy();
  });
});
