/**
 * Expense claims (报销, GET /api/boards/:id/expenses) over real HTTP against a real server and
 * SQLite file: members get a person's month as JSON or as a CSV Excel opens with its Chinese
 * intact; strangers are refused; a bad month is a clear 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ORIGIN, addCard, readBoard, recordExpense, setBudgetLine } from '#lib/board';
import type { RunningServer } from '#server/app';
import * as expensesApi from '#src/routes/api/boards/[id]/expenses/+server';
import { startMoneyBoard, type MoneyBoard, type MoneyPerson } from '../helpers/moneyBoard';
import { tempDir } from '../helpers/syncHarness';
import { svelteRoutes } from '../helpers/svelteRoutes';

const ROUTES = svelteRoutes([
  { method: 'GET', path: /^\/api\/boards\/([^/]+)\/expenses$/, params: ['id'], run: expensesApi.GET }
]);

describe('expense claims', () => {
  const tmp = tempDir();
  let server: RunningServer;
  let boardId: string;
  let people: MoneyBoard['people'];

  beforeAll(async () => {
    ({ server, boardId, people } = await startMoneyBoard(tmp.dir, ROUTES, 'person'));
    const { rooms } = server.services;
    const li = { userId: people['李执行']!.user.id, role: 'editor' as const };
    await rooms.change(boardId, (doc) => {
      const stageId = readBoard(doc).stages[0]!.id;
      addCard(doc, { stageId, title: '门店活动, "A"', id: 'c1' }, SERVER_ORIGIN);
      const line = setBudgetLine(doc, 'c1', null, { name: '物料成本', amount: 100 }, SERVER_ORIGIN);
      recordExpense(
        doc,
        'c1',
        { line, amount: 10, date: '2026-11-02', note: '=HYPERLINK("x")' },
        li,
        1,
        SERVER_ORIGIN
      );
      recordExpense(doc, 'c1', { line, amount: 20, date: '2026-11-03', note: '海报' }, li, 2, SERVER_ORIGIN);
      recordExpense(doc, 'c1', { line, amount: 500, date: '2026-11-04' }, li, 3, SERVER_ORIGIN);
      recordExpense(doc, 'c1', { line, amount: 7, date: '2026-12-01' }, li, 4, SERVER_ORIGIN);
    });
  });

  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  const get = (as: MoneyPerson, query: string) =>
    fetch(`${server.url}/api/boards/${boardId}/expenses?${query}`, {
      headers: { cookie: people[as]!.cookie }
    });

  it('lists a person’s month as JSON, amounts in whole fen, overruns marked as not counted', async () => {
    const res = await get('王经理', `month=2026-11&person=${people['李执行']!.user.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      currency: string;
      totalFen: number;
      rows: Record<string, unknown>[];
    };
    expect(body.currency).toBe('CNY');
    expect(body.rows.map((r) => [r.date, r.amountFen, r.amount, r.status, r.personName, r.lineName])).toEqual(
      [
        ['2026-11-02', 10, '0.10', 'within', '李执行', '物料成本'],
        ['2026-11-03', 20, '0.20', 'within', '李执行', '物料成本'],
        ['2026-11-04', 500, '5.00', 'pending', '李执行', '物料成本']
      ]
    );
    expect(body.totalFen).toBe(30);
  });

  it('exports CSV with a UTF-8 byte-order mark, cells quoted where they must be and formulas neutralised', async () => {
    const res = await get('李执行', 'month=2026-11&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      '2026-11-02,李执行,"门店活动, ""A""",物料成本,0.10,CNY,within,"\'=HYPERLINK(""x"")",'
    );
  });

  it('answers a bad month with 400 naming it, and refuses a stranger (403, as for a board that does not exist)', async () => {
    for (const month of ['2026-13', '2026-1', 'nov', '']) {
      const res = await get('王经理', `month=${month}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid-month');
    }
    expect((await get('王经理', 'month=2026-11&format=xml')).status).toBe(400);
    expect((await get('路人', 'month=2026-11')).status).toBe(403);
  });
});
