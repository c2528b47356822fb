/**
 * The board list follows the boards' documents without opening them: a card added over the sync
 * socket moves the board's last-change time and its per-stage counts in the catalogue row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, addCard, readStages } from '#lib/board';
import { campaignExecution } from '#lib/templates/builtin/campaign-execution';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

describe('board list summary', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const listed = async (id: string) =>
    (await server.services.boards.listFor(server.owner.id)).find((b) => b.id === id);

  it('a new board is listed with its template’s stages, all empty', async () => {
    const board = await server.services.boards.create({
      title: 'Autumn',
      templateId: 'campaign-execution',
      creatorId: server.owner.id
    });
    const row = await waitFor('the summary', async () => (await listed(board.id))?.summary);
    expect(row.stages.map((s) => [s.name, s.cards])).toEqual(
      campaignExecution.stages.map((s) => [s.name['zh-CN'], 0])
    );
  });

  it('a card edited over the sync socket moves the list’s last change and counts', async () => {
    const board = await server.services.boards.create({
      title: 'Autumn',
      templateId: 'campaign-execution',
      creatorId: server.owner.id
    });
    await waitFor('the first summary', async () => (await listed(board.id))?.summary);
    const before = (await listed(board.id))!.updatedAt;
    // The clock must be able to show a later time.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const client = await connectClient(server, board.id);
    try {
      const first = readStages(client.doc)[0]!;
      addCard(client.doc, { stageId: first.id, title: '海报' }, LOCAL_ORIGIN);
      const after = await waitFor('a later time in the list', async () => {
        const row = await listed(board.id);
        return row && row.updatedAt > before ? row : undefined;
      });
      expect(after.summary?.stages[0]?.cards).toBe(1);

      // Within the window the row waits; the last change of the burst is written when it ends.
      addCard(client.doc, { stageId: first.id, title: '展板' }, LOCAL_ORIGIN);
      const second = await waitFor(
        'the second card in the list',
        async () => (await listed(board.id))?.summary?.stages[0]?.cards === 2,
        15_000
      );
      expect(second).toBe(true);
    } finally {
      client.destroy();
    }
  }, 30_000);
});
