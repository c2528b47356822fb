/**
 * Issue 19 Done-when 2: a board exported as JSON and imported again is the same board. A rich
 * board (a template's stages and rules, a gate signed, a send-back, comments and a resolution,
 * checklists, money, targets, attachments' metadata, an archived card, labels, assignees) goes
 * out over GET /api/boards/:id/export.json and back in over POST /api/boards/import-json, on a real
 * server and SQLite file; the two documents are compared key by key (every root, generically)
 * and so are the activity logs. Bad files are refused with a code and leave no board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  addAttachmentVersion,
  addCard,
  addChecklist,
  addChecklistItem,
  addComment,
  addLabel,
  archiveCard,
  assignCard,
  moveCard,
  readStages,
  recordExpense,
  resolveComment,
  setActual,
  setBudgetLine,
  setCardDescription,
  setCardLabel,
  setCardRetro,
  setChecklistItemDone,
  setStageRules,
  setTarget
} from '#lib/board';
import type { PublicUser } from '#server/auth/AuthService';
import * as exportCsv from '#src/routes/api/boards/[id]/export.csv/+server';
import * as exportJson from '#src/routes/api/boards/[id]/export.json/+server';
import { withBoardImport } from '#server/transfer/importRoute';
import { startTestServer, storedDoc, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';
import { svelteRoutes } from '../helpers/svelteRoutes';

const ROUTES = svelteRoutes([
  { method: 'GET', path: /^\/api\/boards\/([^/]+)\/export\.json$/, params: ['id'], run: exportJson.GET },
  { method: 'GET', path: /^\/api\/boards\/([^/]+)\/export\.csv$/, params: ['id'], run: exportCsv.GET }
]);

/**
 * Both documents' top-level types as Yjs itself renders them, so the comparison owes nothing to
 * the exporter. Every root of either is read from both: Yjs stores no empty root (an empty map
 * and an absent one are the same document), so a root only one has is compared as empty.
 */
function docsJson(a: Y.Doc, b: Y.Doc): [Record<string, unknown>, Record<string, unknown>] {
  const names = [...new Set([...a.share.keys(), ...b.share.keys()])];
  const render = (doc: Y.Doc) => Object.fromEntries(names.map((n) => [n, doc.getMap(n).toJSON()]));
  return [render(a), render(b)];
}

/** Paths where two JSON trees differ, so a failure names the field rather than dumping both boards. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return [path || '(root)'];
  if (a !== null && typeof a === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    return [...keys].flatMap((k) =>
      k in ao && k in bo ? differences(ao[k], bo[k], `${path}.${k}`) : [`${path}.${k}`]
    );
  }
  return Object.is(a, b) ? [] : [path];
}

describe('board JSON export and re-import', () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;
  let manager: { user: PublicUser; cookie: string };
  let editor: { user: PublicUser; cookie: string };
  let stranger: { user: PublicUser; cookie: string };
  let base: string;

  const call = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
  const importFile = (cookie: string, body: string) =>
    call('/api/boards/import-json', cookie, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' }
    });

  beforeAll(async () => {
    // The import is served in the Node layer, as in `npm start` (server/transfer/importRoute.ts).
    server = await startTestServer(tmp.dir, {}, undefined, {
      handler: withBoardImport(ROUTES, () => server.services)
    });
    base = `http://127.0.0.1:${server.port}`;
    const { boards, reviews } = server.services;
    boardId = (
      await boards.create({ title: '春季海报', templateId: 'design-review', creatorId: server.owner.id })
    ).id;
    manager = { user: server.owner, cookie: server.cookie };
    editor = await server.member(boardId, 'editor', '李设计');
    stranger = await server.member(
      (await boards.create({ title: 'other', creatorId: server.owner.id })).id,
      'editor'
    );
    const gatedIndex = await server.rooms.read(boardId, (doc) =>
      readStages(doc).findIndex((s) => s.gate !== null)
    );
    const stageIds = await server.rooms.read(boardId, (doc) => readStages(doc).map((s) => s.id));
    const gated = stageIds[gatedIndex]!;
    await server.rooms.change(boardId, (doc) => {
      for (const id of stageIds) setStageRules(doc, id, { requires: null }, SERVER_ORIGIN);
      const label = addLabel(doc, { name: '紧急', color: 'red' }, SERVER_ORIGIN);
      addCard(doc, { stageId: gated, title: '主视觉海报', id: 'poster' }, SERVER_ORIGIN);
      setCardDescription(doc, 'poster', '尺寸 60×90，=SUM(A1) 不是公式', SERVER_ORIGIN);
      assignCard(doc, 'poster', editor.user.id, true, SERVER_ORIGIN);
      setCardLabel(doc, 'poster', label, true, SERVER_ORIGIN);
      const list = addChecklist(doc, 'poster', '交付物', SERVER_ORIGIN);
      const item = addChecklistItem(doc, 'poster', '导出 PDF', list, SERVER_ORIGIN);
      addChecklistItem(doc, 'poster', '发给印厂', list, SERVER_ORIGIN);
      setChecklistItemDone(doc, 'poster', item, true, SERVER_ORIGIN);
      const first = addComment(
        doc,
        'poster',
        { author: manager.user.id, text: '颜色再亮一点' },
        SERVER_ORIGIN
      );
      addComment(doc, 'poster', { author: editor.user.id, text: '好的', replyTo: first }, SERVER_ORIGIN);
      resolveComment(doc, 'poster', first, editor.user.id, SERVER_ORIGIN);
      addAttachmentVersion(
        doc,
        'poster',
        'att1',
        { name: '海报.pdf', size: 1234, type: 'application/pdf', by: editor.user.id },
        SERVER_ORIGIN
      );
      const line = setBudgetLine(doc, 'poster', null, { name: '物料成本', amount: 500_000 }, SERVER_ORIGIN);
      recordExpense(
        doc,
        'poster',
        { line, amount: 12_345, date: '2026-11-04', note: '打样' },
        { userId: editor.user.id, role: 'editor' },
        1,
        SERVER_ORIGIN
      );
      const reach = setTarget(
        doc,
        'poster',
        null,
        { name: '曝光', kind: 'count', unit: '次', target: 10_000 },
        SERVER_ORIGIN
      );
      setActual(doc, 'poster', reach, 12_000, SERVER_ORIGIN);
      setCardRetro(doc, 'poster', '打样晚了一天。', SERVER_ORIGIN);
      addCard(doc, { stageId: stageIds[0]!, title: '旧方案', id: 'old' }, SERVER_ORIGIN);
      addCard(
        doc,
        { stageId: stageIds[0]!, title: '=HYPERLINK("http://x","点我")', id: 'formula' },
        SERVER_ORIGIN
      );
      archiveCard(doc, 'old', true, SERVER_ORIGIN);
    });
    // A gate signed, the card moved on, brought back and sent back: approvals and a revision.
    await reviews.approve(manager.user, boardId, 'poster', '可以');
    await server.rooms.change(boardId, (doc) =>
      moveCard(doc, 'poster', stageIds[gatedIndex + 1]!, 0, SERVER_ORIGIN)
    );
    await server.rooms.change(boardId, (doc) => moveCard(doc, 'poster', gated, 0, SERVER_ORIGIN));
    await reviews.sendBack(manager.user, boardId, 'poster', '字太小');
    await waitFor('the review activity in the log', async () => {
      const log = await server.services.transfer.activityOf(boardId);
      return log.some((e) => e.kind === 'card.sent-back');
    });
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('imports an exported board as a new board equal to it field by field, with the same activity', async () => {
    const exported = await call(`/api/boards/${boardId}/export.json`, editor.cookie);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('.json');
    const text = await exported.text();
    const file = JSON.parse(text) as { format: string; version: number; activity: unknown[] };
    expect(file).toMatchObject({ format: 'stageboard/board', version: 1 });
    expect(file.activity.length).toBeGreaterThanOrEqual(3);

    const answer = await importFile(stranger.cookie, text);
    expect(answer.status).toBe(201);
    const { id, title } = (await answer.json()) as { id: string; title: string };
    expect(title).toBe('春季海报');
    expect(id).not.toBe(boardId);

    const imported = await storedDoc(server.store, id);
    const [original, copy] = await server.rooms.read(boardId, (doc) => docsJson(doc, imported));
    expect(differences(original, copy)).toEqual([]);
    expect(copy).toEqual(original);
    // The rich parts are really there, so an empty compare cannot pass.
    const cards = copy.cards as Record<string, Record<string, unknown>>;
    expect(Object.keys(cards.poster!.comments as object)).toHaveLength(2);
    expect(Object.keys(copy.approvals as object).length).toBeGreaterThan(0);
    expect(cards.poster!.revisions).toHaveLength(1);
    expect(cards.old!.archived).toBe(true);

    const [before, after] = await Promise.all([
      server.services.transfer.activityOf(boardId),
      server.services.transfer.activityOf(id)
    ]);
    expect(after).toEqual(before);
    // The importer owns the copy; nobody else was made a member by the file.
    expect(await server.services.members.roleOf(id, stranger.user.id)).toBe('owner');
    expect(await server.services.members.roleOf(id, editor.user.id)).toBeNull();
  });

  it('gives a non-member of the board 404 for its export', async () => {
    const response = await call(`/api/boards/${boardId}/export.json`, stranger.cookie);
    expect([403, 404]).toContain(response.status);
  });

  it('refuses bad files with a code naming what is wrong and creates no board', async () => {
    const good = JSON.parse(
      await (await call(`/api/boards/${boardId}/export.json`, manager.cookie)).text()
    ) as Record<string, unknown>;
    const boardsBefore = (await server.services.boards.list(true)).length;
    const refused = async (body: string) => {
      const response = await importFile(stranger.cookie, body);
      return {
        status: response.status,
        ...((await response.json()) as { error: { code: string; message: string } }).error
      };
    };
    expect(await refused('not json')).toMatchObject({ status: 400, code: 'invalid-file' });
    expect(await refused(JSON.stringify({ ...good, format: 'trello' }))).toMatchObject({
      code: 'invalid-file'
    });
    expect(await refused(JSON.stringify({ ...good, version: 2 }))).toMatchObject({
      code: 'unsupported-version'
    });
    const document = structuredClone(good.document) as Record<string, { entries: Record<string, unknown> }>;
    const poster = document.cards!.entries.poster as { entries: Record<string, unknown> };
    poster.entries.stageId = 'no-such-stage';
    const strayCard = await refused(JSON.stringify({ ...good, document }));
    expect(strayCard).toMatchObject({ status: 400, code: 'invalid-document' });
    expect(strayCard.message).toContain('poster');
    expect(
      await refused(
        JSON.stringify({ ...good, document: { ...(good.document as object), cards: { $y: 'mystery' } } })
      )
    ).toMatchObject({
      code: 'invalid-document'
    });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const tooDeep = structuredClone(good.document) as Record<string, { entries: Record<string, unknown> }>;
    tooDeep.meta!.entries.deep = deep;
    expect(await refused(JSON.stringify({ ...good, document: tooDeep }))).toMatchObject({
      code: 'invalid-document'
    });
    const badLog = [{ at: 1, userId: null, kind: 'card.exploded', cardId: null, data: {} }];
    expect(await refused(JSON.stringify({ ...good, activity: badLog }))).toMatchObject({
      code: 'invalid-file'
    });
    expect((await server.services.boards.list(true)).length).toBe(boardsBefore);
  });

  it('exports the cards as CSV that Chinese Excel opens, one row a card, formulas kept as text', async () => {
    const response = await call(`/api/boards/${boardId}/export.csv`, editor.cookie, {
      headers: { 'accept-language': 'zh-CN' }
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '阶段,卡片标题,负责人,标签,开始日期,截止日期,检查项（完成/总数）,预算（元）,已花费（元）,评论数,已归档,创建时间'
    );
    expect(lines).toHaveLength(4);
    const poster = lines.find((l) => l.includes('主视觉海报'))!;
    expect(poster).toContain('李设计');
    expect(poster).toContain('紧急');
    // The stage's own checklist seeds count with the two added by hand.
    expect(poster).toMatch(/,1\/\d+,5000\.00,123\.45,2,,\d{4}-/);
    expect(lines.find((l) => l.includes('旧方案'))).toContain(',是,');
    expect(lines).toContainEqual(expect.stringContaining(`"'=HYPERLINK(""http://x"",""点我"")"`));
    expect(await call(`/api/boards/${boardId}/export.csv`, stranger.cookie).then((r) => r.status)).not.toBe(
      200
    );
  });

  it('refuses an import from someone not signed in, from another site, or past the size limit', async () => {
    expect((await importFile('', '{}')).status).toBe(401);
    const crossSite = await call('/api/boards/import-json', stranger.cookie, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' }
    });
    expect(crossSite.status).toBe(403);
    // Past adapter-node's 512 KB cap and past the file's own 32 MB one: the second is refused.
    const boardsBefore = (await server.services.boards.list(true)).length;
    const big = await importFile(stranger.cookie, `{"pad":"${'x'.repeat(33 * 1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('file-too-large');
    expect((await server.services.boards.list(true)).length).toBe(boardsBefore);
  });
});
