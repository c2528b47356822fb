/**
 * A stage that keeps moving cards out to its owners, through the real server: an editor outside
 * the owning role whose client writes the card's stage by hand (a forged update, skipping the move
 * operation's check) is refused with UpdateRefused 'exit-restricted', and the card stays; one of the
 * role's people moves it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readStages, setRole, setStageRules } from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import type { PublicUser } from '#server/auth/AuthService';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestServer
} from '../helpers/syncHarness';

describe('moving a card out of a stage only its owners leave, over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let outsider: SyncTarget;
  let owner: SyncTarget & { user: PublicUser };
  let boardId: string;
  let cardId: string;
  let from: string;
  let to: string;

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({
      title: 'Spring poster',
      templateId: 'blank',
      creatorId: server.owner.id
    });
    boardId = board.id;
    outsider = await server.member(boardId, 'editor', 'Outsider');
    owner = await server.member(boardId, 'editor', 'Designer');
    await server.rooms.change(boardId, (doc) => {
      [from, to] = readStages(doc).map((s) => s.id) as [string, string];
      setRole(doc, 'design', { name: '设计部', people: [owner.user.id] });
      setStageRules(doc, from, { owner: { role: 'design', handoff: 'keep', exit: 'owners' } });
      cardId = addCard(doc, { stageId: from, title: 'Final poster' });
    });
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const serverStage = () => server.rooms.read(boardId, (doc) => roots(doc).cards.get(cardId)?.get('stageId'));

  /** Writes the card's stage raw from a fresh connection of `who`; the close it gets, if any. */
  async function forge(who: SyncTarget) {
    const client = await connectClient(who, boardId);
    try {
      client.doc.transact(() => roots(client.doc).cards.get(cardId)!.set('stageId', to));
      await waitFor(
        'the move judged',
        async () => client.closes[0] ?? ((await serverStage()) === to || null)
      );
      return client.closes[0] ?? null;
    } finally {
      client.destroy();
    }
  }

  it('refuses the outsider’s forged move and keeps the card, then lets the owner move it', async () => {
    expect(await forge(outsider)).toEqual({ code: CloseCode.UpdateRefused, reason: 'exit-restricted' });
    expect(await serverStage()).toBe(from);
    expect(await forge(owner)).toBeNull();
    expect(await serverStage()).toBe(to);
  });
});
