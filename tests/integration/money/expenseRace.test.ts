/**
 * The overrun race (001 六.1) over the WebSocket, with two real editors on a real server and SQLite
 * file: each records an expense that fits the budget on their copy, together they pass it. Both
 * are kept, the later one ends pending (its sender is sent the demotion, the other editor sees it
 * arrive already pending), the totals count only the first, nobody's socket is closed, and the
 * stored log replays to the same: the demotion was appended with the update it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  readBoard,
  readCardMoney,
  readExpenses,
  recordExpense,
  setBudgetLine,
  type ExpenseView
} from '#lib/board';
import { roots } from '#lib/board/schema';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

describe('two editors racing within-budget expenses', () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;
  const clients: { client: TestClient; userId: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    boardId = (await server.services.boards.create({ title: 'Race', creatorId: server.owner.id })).id;
    await server.rooms.change(boardId, (doc) => {
      addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title: '门店活动', id: 'c1' });
      setBudgetLine(doc, 'c1', 'ads', { name: '宣传费用', amount: 10_000 });
    });
    for (const name of ['甲', '乙']) {
      const m = await server.member(boardId, 'editor', name);
      clients.push({ client: await connectClient(m, boardId), userId: m.user.id });
    }
  });

  afterAll(async () => {
    for (const { client } of clients) client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const expensesOf = (doc: Y.Doc): ExpenseView[] => readExpenses(roots(doc).cards.get('c1')!);

  it('keeps both, the later pending, counts only the first, and closes nobody', async () => {
    // In one tick: neither client has the other's expense when it records its own.
    const recorded = clients.map(({ client, userId }, i) =>
      recordExpense(
        client.doc,
        'c1',
        { line: 'ads', amount: 6_000, date: '2026-11-0' + (i + 1) },
        { userId, role: 'editor' }
      )
    );
    expect(recorded.map((r) => r.status)).toEqual(['within', 'within']);

    const onServer = await waitFor('both expenses on the server, one demoted', async () => {
      const list = await server.rooms.read(boardId, (doc) => expensesOf(doc));
      return list.length === 2 && list.some((e) => e.status === 'pending') ? list : null;
    });
    expect(onServer.map((e) => e.status).sort()).toEqual(['pending', 'within']);
    expect(await server.rooms.read(boardId, (doc) => readCardMoney(doc, 'c1').totals)).toMatchObject({
      budget: 10_000,
      spent: 6_000,
      pending: 6_000
    });

    // Both editors converge on the server's answer, the loser included, and stay connected.
    const statusOf = new Map(onServer.map((e) => [e.id, e.status]));
    for (const { client } of clients) {
      await waitFor('the client to agree with the server', () =>
        expensesOf(client.doc).every((e) => e.status === statusOf.get(e.id)) &&
        expensesOf(client.doc).length === 2
          ? true
          : null
      );
      expect(readCardMoney(client.doc, 'c1').totals).toMatchObject({ spent: 6_000, pending: 6_000 });
      expect(client.closes).toEqual([]);
      expect(client.provider.wsconnected).toBe(true);
    }
    expect(server.log.find('update refused')).toBeUndefined();

    // What is durable replays to the same: no append holds the overrun as spent on its own.
    await server.rooms.change(boardId, () => {}); // resolves once everything before it is durable
    const stored = await server.store.loadDoc(boardId);
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const update of stored.updates) {
      Y.applyUpdate(replay, update);
      const cards = roots(replay).cards;
      if (cards.has('c1')) expect(readCardMoney(replay, 'c1').totals.spent).toBeLessThanOrEqual(10_000);
    }
    expect(readCardMoney(replay, 'c1').totals).toMatchObject({ spent: 6_000, pending: 6_000 });
  });
});
