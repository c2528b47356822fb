/**
 * Recurring plans end to end: a real server over a real SQLite file, the job on its real timer
 * (a short period) reading a clock the test moves, boards made from the built-in templates.
 * Once per rule and period, across passes and restarts; claims hold across two connections.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBoard, readRecurringRules, setRecurringRule } from '#lib/board';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import { startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

/** Noon of a day in the server's own zone, as the job reads "today". */
const noon = (day: string) => new Date(`${day}T12:00:00`).getTime();

describe('recurring plans', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let now = noon('2026-11-20');
  const start = () =>
    startTestServer(tmp.dir, {}, undefined, { recurringPlans: { now: () => now, intervalMs: 40 } });

  beforeEach(async () => {
    now = noon('2026-11-20');
    tmp = tempDir();
    server = await start();
    const board = await server.services.boards.create({
      title: '销售计划',
      templateId: 'monthly-sales-plan',
      creatorId: server.owner.id
    });
    boardId = board.id;
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const plans = () =>
    server.rooms.read(boardId, (doc) => {
      const board = readBoard(doc);
      return [...board.columns.values()].flat().map((c) => ({ title: c.title, date: c.date }));
    });
  const twoMorePasses = async () => {
    for (let i = 0; i < 2; i++) await server.services.recurringPlans.pass();
  };

  it('makes the 26th’s plan once, on its day, in the first stage; not again after a restart', async () => {
    await twoMorePasses();
    expect(await plans()).toEqual([]);
    now = noon('2026-11-26');
    await waitFor('the plan of November', async () => ((await plans()).length > 0 ? true : null));
    await twoMorePasses();
    expect(await plans()).toEqual([{ title: '月度销售计划 2026-11', date: '2026-11-26' }]);
    // The server's creation is in the activity log, where the board's stage history starts.
    const first = await server.rooms.read(boardId, (doc) => readBoard(doc).stages[0]!.id);
    await server.services.activity.flush();
    const created = await server.services.activity.list(boardId, {});
    expect(
      created.filter((e) => e.kind === 'card.created').map((e) => [e.userId, e.data.toStage, e.data.title])
    ).toEqual([[null, first, '月度销售计划 2026-11']]);

    await server.stop();
    server = await start();
    await twoMorePasses();
    expect(await plans()).toHaveLength(1);

    // 2026-12-26 is a Saturday: the working day before, Friday the 25th, and only from then.
    now = noon('2026-12-24');
    await twoMorePasses();
    expect(await plans()).toHaveLength(1);
    now = noon('2026-12-25');
    await waitFor('the plan of December', async () => ((await plans()).length > 1 ? true : null));
    expect((await plans())[1]).toEqual({ title: '月度销售计划 2026-12', date: '2026-12-25' });
  });

  it('a paused rule makes nothing until it is resumed', async () => {
    const pause = (paused: boolean) =>
      server.rooms.change(boardId, (doc) => {
        const [rule] = readRecurringRules(doc);
        setRecurringRule(doc, rule!.id, { ...rule!, paused });
      });
    await pause(true);
    now = noon('2026-11-26');
    await twoMorePasses();
    expect(await plans()).toEqual([]);
    await pause(false);
    await waitFor('the resumed plan', async () => ((await plans()).length > 0 ? true : null));
    expect(await plans()).toEqual([{ title: '月度销售计划 2026-11', date: '2026-11-26' }]);
  });

  it('two connections to one database claim each occurrence once', async () => {
    const [one, two] = [openSqlitePersistence(server.config), openSqlitePersistence(server.config)];
    try {
      const key = { boardId, ruleId: 'rule', period: '2026-11' };
      const claims = await Promise.all([
        one.recurringClaims.claim(key, 'card-a', 1),
        two.recurringClaims.claim(key, 'card-b', 2)
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await two.recurringClaims.claim(key, 'card-c', 3)).toBe(false);
      expect(await one.recurringClaims.claim({ ...key, period: '2026-12' }, 'card-d', 4)).toBe(true);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
