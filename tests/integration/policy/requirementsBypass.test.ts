/**
 * A stage that requires a draft, through the real server: each role that may move cards writes the
 * card's stage by hand (a stock y-websocket client, skipping moveCard's own check) and is refused
 * with UpdateRefused 'requirements-unmet'; the card stays put on the server. Once the server records
 * a draft (uploads are server writes), the same hand-written move goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardRole } from '#lib/auth/permissions';
import { SERVER_ORIGIN, addAttachmentVersion, addCard, readStages, setStageRules } from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

describe('a stage that requires a draft, over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;
  let cardId: string;
  let from: string;
  let next: string;

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({ title: 'Poster', creatorId: server.owner.id });
    boardId = board.id;
    await server.rooms.change(boardId, (doc) => {
      [from, next] = readStages(doc).map((s) => s.id) as [string, string];
      setStageRules(doc, from, { requires: { draft: true } }, SERVER_ORIGIN);
      cardId = addCard(doc, { stageId: from, title: 'Final poster' }, SERVER_ORIGIN);
    });
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const serverStage = () => server.rooms.read(boardId, (doc) => roots(doc).cards.get(cardId)?.get('stageId'));

  async function forgeMove(role: BoardRole): Promise<{ code: number; reason: string } | null> {
    const client = await connectClient(await server.member(boardId, role), boardId);
    try {
      client.doc.transact(() => roots(client.doc).cards.get(cardId)!.set('stageId', next));
      await waitFor(
        'the refusal or the move',
        async () => client.closes.length > 0 || (await serverStage()) === next
      );
      return client.closes[0] ?? null;
    } finally {
      client.destroy();
    }
  }

  it.each(['owner', 'manager', 'editor'] as const)(
    'refuses the %s the move while no draft is attached',
    async (role) => {
      expect(await forgeMove(role)).toEqual({ code: CloseCode.UpdateRefused, reason: 'requirements-unmet' });
      expect(await serverStage()).toBe(from);
    }
  );

  it('refuses a commenter for their role before anything else', async () => {
    expect(await forgeMove('commenter')).toEqual({ code: CloseCode.UpdateRefused, reason: 'forbidden' });
    expect(await serverStage()).toBe(from);
  });

  it('lets the editor move the card on once the server has recorded a draft', async () => {
    await server.rooms.change(boardId, (doc) =>
      addAttachmentVersion(
        doc,
        cardId,
        'a1',
        { name: 'v1.png', size: 9, type: 'image/png', by: 'u1' },
        SERVER_ORIGIN
      )
    );
    expect(await forgeMove('editor')).toBeNull();
    expect(await serverStage()).toBe(next);
  });
});
