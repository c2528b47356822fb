/**
 * The activity log batches its writes (server/audit/ActivityService.ts): entries wait up to
 * 25 ms. A clean shutdown must still write them before the store closes.
 */
import { afterEach, expect, it } from 'vitest';
import { addCard, readStages } from '#lib/board';
import { roots } from '#lib/board/schema';
import { SqliteAuditStore } from '#server/audit/SqliteAuditStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { connectClient, startTestServer, tempDir, testConfig, waitFor } from '../helpers/syncHarness';

const tmp = tempDir();
afterEach(() => tmp.cleanup());

it('writes the activity entries still waiting in the batch when the server shuts down', async () => {
  const server = await startTestServer(tmp.dir);
  const { id: boardId } = await server.services.boards.create({
    title: 'Shutdown',
    templateId: 'blank',
    creatorId: server.owner.id
  });
  const client = await connectClient(server, boardId);
  const cardId = addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: 'Last card' });
  await waitFor('the card on the server', () =>
    server.rooms.read(boardId, (d) => roots(d).cards.has(cardId))
  );
  // At once, inside the batch window: nothing but the shutdown writes the entry.
  await server.stop();
  client.destroy();

  const store = SqliteDocStore.open(testConfig(tmp.dir));
  try {
    const entries = await SqliteAuditStore.over(store).list(boardId, { limit: 10 });
    expect(entries.map((e) => [e.kind, e.cardId])).toContainEqual(['card.created', cardId]);
  } finally {
    await store.close();
  }
});
