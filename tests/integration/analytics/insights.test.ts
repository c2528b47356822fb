/**
 * The board's charts and the manager's page over real HTTP against a real server, SQLite file and
 * y-websocket clients: moves an editor makes reach the stage history the charts are computed from,
 * a card at a gate is listed for the manager who may sign it and drops off, announced live on the
 * manager's stream, once approved; nobody learns of a board they are not on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { BoardInsights } from '#lib/analytics';
import type { ManagerDigest, ManagerOverview } from '#lib/analytics/manager';
import {
  addCard,
  assignCard,
  localDate,
  moveCard,
  readStages,
  recordExpense,
  setBudgetLine,
  setCardDate,
  setStageRules
} from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';
import * as insightsApi from '#src/routes/api/boards/[id]/insights/+server';
import * as manageApi from '#src/routes/api/manage/+server';
import * as digestApi from '#src/routes/api/manage/digest/+server';
import * as manageStreamApi from '#src/routes/api/manage/stream/+server';
import { svelteRoutes } from '../helpers/svelteRoutes';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

const ROUTES = svelteRoutes([
  { method: 'GET', path: /^\/api\/boards\/([^/]+)\/insights$/, params: ['id'], run: insightsApi.GET },
  { method: 'GET', path: /^\/api\/manage$/, params: [], run: manageApi.GET },
  { method: 'GET', path: /^\/api\/manage\/digest$/, params: [], run: digestApi.GET },
  { method: 'GET', path: /^\/api\/manage\/stream$/, params: [], run: manageStreamApi.GET }
]);

const stageAt = (doc: Y.Doc, index: number) => readStages(doc)[index]!.id;
const gatedIndex = (doc: Y.Doc) => readStages(doc).findIndex((s) => s.gate !== null);

describe('board insights and the manager’s page', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir, {}, undefined, { handler: ROUTES });
    boardId = (
      await server.services.boards.create({
        title: '春季海报',
        templateId: 'design-review',
        creatorId: server.owner.id
      })
    ).id;
    await server.rooms.change(boardId, (doc) => {
      for (const stage of readStages(doc)) setStageRules(doc, stage.id, { requires: null });
    });
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const get = async <T>(cookie: string, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    return { status: res.status, body: (res.status === 200 ? await res.json() : null) as T };
  };

  it('charts the moves an editor makes, from the activity log', async () => {
    const editor = await server.member(boardId, 'editor');
    const client = await connectClient(editor, boardId);
    try {
      const doc = client.doc;
      const [first, second] = [stageAt(doc, 0), stageAt(doc, 1)];
      const a = addCard(doc, { stageId: first, title: '主视觉' });
      const b = addCard(doc, { stageId: first, title: '海报' });
      moveCard(doc, a, second, 0);
      await waitFor('the move on the server', () =>
        server.rooms.read(
          boardId,
          (d) => roots(d).cards.get(a)?.get(CardKey.stageId) === second && roots(d).cards.has(b)
        )
      );
      const { status, body } = await get<BoardInsights>(editor.cookie, `/api/boards/${boardId}/insights`);
      expect(status).toBe(200);
      expect(body.stages.map((s) => s.id)).toEqual(readStages(doc).map((s) => s.id));
      const last = (id: string) => body.flow.counts[id]!.at(-1);
      // Today: b still in the first stage, a in the second.
      expect(last(first)).toBe(1);
      expect(last(second)).toBe(1);
      // a's stay in the first stage is finished; b's is not, so one stay is timed.
      expect(body.times.find((t) => t.stageId === first)).toMatchObject({ stays: 1 });
      expect(body.times.find((t) => t.stageId === first)!.median).toBeGreaterThanOrEqual(0);
      expect(body.revisions.cards).toEqual([]);
      expect(body.throughput).toEqual([]);

      const stranger = await server.member(
        (await server.services.boards.create({ title: 'other', creatorId: server.owner.id })).id,
        'editor'
      );
      expect((await get(stranger.cookie, `/api/boards/${boardId}/insights`)).status).toBe(403);
    } finally {
      client.destroy();
    }
  });

  it('lists a card waiting at a gate for the manager, and drops it live once approved', async () => {
    const manager = await server.member(boardId, 'manager');
    const editor = await server.member(boardId, 'editor');
    const client = await connectClient(editor, boardId);
    const stream = new AbortController();
    try {
      const doc = client.doc;
      const gated = stageAt(doc, gatedIndex(doc));
      const cardId = addCard(doc, { stageId: gated, title: '终稿' });
      await waitFor('the card on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.has(cardId))
      );

      const waiting = await get<ManagerOverview>(manager.cookie, '/api/manage');
      expect(waiting.status).toBe(200);
      expect(waiting.body.awaiting.map((c) => [c.cardId, c.boardId, c.title])).toEqual([
        [cardId, boardId, '终稿']
      ]);
      expect(waiting.body.boards).toEqual([{ id: boardId, title: '春季海报', templateId: 'design-review' }]);
      // The editor may not sign this gate: nothing waits for them.
      expect((await get<ManagerOverview>(editor.cookie, '/api/manage')).body.awaiting).toEqual([]);

      const res = await fetch(`${server.url}/api/manage/stream`, {
        headers: { cookie: manager.cookie },
        signal: stream.signal
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let heard = '';
      const hear = async (what: string) => {
        while (!heard.includes(what)) heard += new TextDecoder().decode((await reader.read()).value);
      };
      await hear('event: ready');
      await server.services.reviews.approve(manager.user, boardId, cardId, '');
      await hear(`event: changed\ndata: {"boardId":"${boardId}"}`);
      expect((await get<ManagerOverview>(manager.cookie, '/api/manage')).body.awaiting).toEqual([]);
    } finally {
      stream.abort();
      client.destroy();
    }
  });

  it('shows late and at-risk cards and open cards per person, only of the reader’s boards', async () => {
    const editor = await server.member(boardId, 'editor');
    const client = await connectClient(editor, boardId);
    try {
      const doc = client.doc;
      const first = stageAt(doc, 0);
      const late = addCard(doc, { stageId: first, title: '迟了' });
      const later = addCard(doc, { stageId: first, title: '不急' });
      setCardDate(doc, late, '2020-01-01');
      setCardDate(doc, later, '2099-01-01');
      assignCard(doc, late, editor.user.id);
      assignCard(doc, later, editor.user.id);
      await waitFor('the cards on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.size === 2)
      );
      const { body } = await get<ManagerOverview>(server.cookie, '/api/manage');
      expect(body.late.map((c) => [c.cardId, c.status])).toEqual([[late, 'overdue']]);
      expect(body.work).toEqual([{ userId: editor.user.id, boardId, cards: 2 }]);
      expect(body.people).toEqual([{ id: editor.user.id, name: editor.user.name }]);

      const outsider = await server.member(
        (await server.services.boards.create({ title: 'other', creatorId: server.owner.id })).id,
        'manager'
      );
      const theirs = (await get<ManagerOverview>(outsider.cookie, '/api/manage')).body;
      expect(theirs.boards.map((b) => b.title)).toEqual(['other']);
      expect(theirs.late).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('sums the spending of the period and tells in the digest who moved what this week', async () => {
    const manager = await server.member(boardId, 'manager');
    const editor = await server.member(boardId, 'editor');
    const client = await connectClient(editor, boardId);
    try {
      const doc = client.doc;
      const cardId = addCard(doc, { stageId: stageAt(doc, 0), title: '双十一海报' });
      await waitFor('the card on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.has(cardId))
      );
      // The budget is the manager's to set (the policy refuses the editor); the editor spends.
      let line = '';
      await server.rooms.change(boardId, (d) => {
        line = setBudgetLine(d, cardId, null, { name: '物料成本', amount: 10_000 });
      });
      await waitFor('the budget at the editor', () => roots(doc).cards.get(cardId)?.has('budget') === true);
      const today = localDate(Date.now());
      const actor = { userId: editor.user.id, role: 'editor' as const };
      recordExpense(doc, cardId, { line, amount: 4_000, date: today }, actor);
      recordExpense(doc, cardId, { line, amount: 2_000, date: '2020-01-01' }, actor);
      moveCard(doc, cardId, stageAt(doc, 1), 0);

      // This week: ¥40 of ¥100; all time: ¥60. Both in fen, in the board's CNY.
      const week = async () =>
        (await get<ManagerOverview>(manager.cookie, '/api/manage?period=week')).body.budgets;
      await waitFor('the expenses on the server', async () => (await week())[0]?.spent === 4_000);
      expect((await week()).map((b) => [b.cardId, b.currency, b.budget, b.spent, b.pending])).toEqual([
        [cardId, 'CNY', 10_000, 4_000, 0]
      ]);
      const all = (await get<ManagerOverview>(manager.cookie, '/api/manage')).body;
      expect([all.period.name, all.budgets[0]?.spent]).toEqual(['all', 6_000]);

      await waitFor('the move on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.get(cardId)?.get('stageId') === stageAt(d, 1))
      );
      const { status, body } = await get<ManagerDigest>(manager.cookie, '/api/manage/digest');
      expect(status).toBe(200);
      expect(body.period.name).toBe('last7');
      const digest = body.digests.find((d) => d.boardId === boardId)!;
      expect(digest.moved.map((m) => [m.cardId, m.toStage, m.by])).toEqual([
        [cardId, stageAt(doc, 1), editor.user.id]
      ]);
      expect(digest.spent).toBe(4_000);
      expect(body.people).toContainEqual({ id: editor.user.id, name: editor.user.name });
    } finally {
      client.destroy();
    }
  });
});
