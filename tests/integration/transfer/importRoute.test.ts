/**
 * The import route (POST /api/boards/import) over real HTTP against a real server and SQLite
 * file: a real Trello export becomes a board whose counts are the plan's, written to the board's
 * log as one update and streamed as progress lines; bad files, refused people and limits create
 * nothing; a failure after the board's row exists leaves no board.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '#server/app';
import * as importApi from '#src/routes/api/boards/import/+server';
import { slimTrelloExport, trelloPeople, readTrelloExport } from '#lib/transfer/trello';
import { boardCounts } from '../../unit/transfer/boardCounts';
import { startMoneyBoard, type MoneyBoard, type MoneyPerson } from '../helpers/moneyBoard';
import { tempDir } from '../helpers/syncHarness';
import { svelteRoutes } from '../helpers/svelteRoutes';

const ROUTES = svelteRoutes([
  { method: 'GET', path: /^\/api\/boards\/import$/, params: [], run: importApi.GET },
  { method: 'POST', path: /^\/api\/boards\/import$/, params: [], run: importApi.POST }
]);

const raw = JSON.parse(readFileSync('tests/fixtures/trello/gocd-test-drive.json', 'utf8')) as Record<
  string,
  unknown
>;
const trello = (file: unknown, options: Record<string, unknown> = {}) => ({
  source: 'trello',
  file,
  options: {
    title: 'Test Drive',
    templateId: null,
    stageFor: {},
    closedLists: 'archive',
    people: {},
    ...options
  }
});

interface Line {
  type: string;
  [key: string]: unknown;
}

describe('importing a board', () => {
  const tmp = tempDir();
  let server: RunningServer;
  let people: MoneyBoard['people'];

  beforeAll(async () => {
    ({ server, people } = await startMoneyBoard(tmp.dir, ROUTES, 'import'));
  });

  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  const post = (as: MoneyPerson | null, body: unknown, gzip = true) =>
    fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: as ? { cookie: people[as].cookie } : {},
      body: new Uint8Array(gzip ? gzipSync(JSON.stringify(body)) : (body as Uint8Array))
    });
  const lines = async (res: Response): Promise<Line[]> =>
    (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  const boardsOf = async (as: MoneyPerson) =>
    (await server.services.boards.listFor(people[as].user.id)).length;

  it('offers the accounts the importer shares a board with, never strangers', async () => {
    const res = await fetch(`${server.url}/api/boards/import`, {
      headers: { cookie: people['王经理'].cookie }
    });
    const body = (await res.json()) as { people: { userId: string }[] };
    expect(body.people.map((p) => p.userId).sort()).toEqual(
      [people['王经理'].user.id, people['李执行'].user.id].sort()
    );
  });

  it('imports the real export: counts as planned, one logged update, progress streamed, mapped people on the board', async () => {
    const member = trelloPeople(readTrelloExport(raw))[0]!;
    const li = people['李执行'].user.id;
    const res = await post('王经理', trello(slimTrelloExport(raw), { people: { [member.key]: li } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const out = await lines(res);
    const plan = out[0]!;
    expect(plan.type).toBe('plan');
    const progress = out
      .filter((l) => l.type === 'progress' && l.phase === 'build')
      .map((l) => l.done as number);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(122);
    const done = out.at(-1)!;
    expect(done.type).toBe('done');
    const id = done.id as string;

    const stored = await server.services.store.loadDoc(id);
    expect(stored.updates).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.updates[0]!);
    expect(boardCounts(doc)).toEqual(plan.counts);
    expect((plan.counts as { cards: number }).cards).toBe(122);
    const roles = await server.services.members.rolesOn(id);
    expect(roles).toEqual(
      expect.arrayContaining([
        { userId: people['王经理'].user.id, role: 'owner' },
        { userId: li, role: 'editor' }
      ])
    );
    const comments = [...doc.getMap<Y.Map<unknown>>('cards').values()].flatMap((c) => [
      ...(c.get('comments') as Y.Map<{ author: string }>).values()
    ]);
    expect(comments.filter((c) => c.author === li)).toHaveLength(member.comments);
  });

  describe('refusals create nothing', () => {
    const refused = async (
      as: MoneyPerson | null,
      body: unknown,
      status: number,
      code: string,
      gzip = true
    ) => {
      const before = await boardsOf('王经理');
      const count = (await server.services.store.listBoards({ includeArchived: true })).length;
      const res = await post(as, body, gzip);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      expect(await boardsOf('王经理')).toBe(before);
      expect((await server.services.store.listBoards({ includeArchived: true })).length).toBe(count);
    };

    it('nobody signed in', () => refused(null, trello(slimTrelloExport(raw)), 401, 'sign-in-required'));

    it('truncated JSON is not JSON', async () => {
      const text = JSON.stringify(trello(slimTrelloExport(raw)));
      await refused('王经理', gzipSync(text.slice(0, text.length / 2)), 400, 'not-json', false);
    });

    it('JSON that is not a Trello board', () => refused('王经理', trello({ boards: [] }), 400, 'not-trello'));

    it('a card whose list is not in the file, named', async () => {
      const file = slimTrelloExport(raw) as { cards: object[] };
      const broken = { ...file, cards: [...file.cards, { id: 'x', name: 'Lost', idList: 'gone' }] };
      const res = await post('王经理', trello(broken));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'card-without-list', detail: { card: 'Lost' } }
      });
    });

    it('more cards than an import takes', () => {
      const many = {
        name: 'big',
        lists: [{ id: 'l', name: 'L' }],
        cards: Array.from({ length: 2001 }, (_, i) => ({ id: `c${i}`, name: `c${i}`, idList: 'l' }))
      };
      return refused('王经理', trello(many), 400, 'too-many-cards');
    });

    it('a member mapped to someone the importer shares no board with', () =>
      refused(
        '王经理',
        trello(slimTrelloExport(raw), { people: { x: people['路人'].user.id } }),
        400,
        'unknown-person'
      ));

    it('a body past the request limit', () =>
      refused('王经理', new Uint8Array(600 * 1024), 413, 'too-large', false));

    it('a body that is not gzip', () =>
      refused('王经理', new TextEncoder().encode('{}'), 400, 'bad-request', false));

    it('a file that unpacks past the file limit', () =>
      refused('王经理', gzipSync(Buffer.alloc(40 * 1024 * 1024, 32)), 413, 'too-big', false));
  });

  it('a failure after the board row exists deletes the board again', async () => {
    const before = (await server.services.store.listBoards({ includeArchived: true })).length;
    const spy = vi.spyOn(server.services.rooms, 'change').mockRejectedValueOnce(new Error('disk full'));
    try {
      const out = await lines(await post('王经理', trello(slimTrelloExport(raw))));
      expect(out.at(-1)).toMatchObject({ type: 'error', error: { code: 'internal' } });
    } finally {
      spy.mockRestore();
    }
    expect((await server.services.store.listBoards({ includeArchived: true })).length).toBe(before);
  });
});
