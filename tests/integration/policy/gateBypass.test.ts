/**
 * Issue 14, failure 1, through the real server: an editor's stock y-websocket client writes a
 * card's stage as something that is not a stage, then moves the card past its unapproved gate.
 * Each step is refused with UpdateRefused, and the card stays where it stood on the server, in
 * what it stores and in what another member sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readStages } from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import {
  connectClient,
  startTestServer,
  storedDoc,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

describe('the two-step gate bypass over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let editor: SyncTarget;
  let watcher: TestClient;
  let boardId: string;
  let cardId: string;
  let gated: string;
  let pastGate: string;

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({
      title: 'Spring poster',
      templateId: 'design-review',
      creatorId: server.owner.id
    });
    boardId = board.id;
    await server.rooms.change(boardId, (doc) => {
      const stages = readStages(doc);
      const at = stages.findIndex((s) => s.gate !== null);
      gated = stages[at]!.id;
      pastGate = stages[at + 1]!.id;
      cardId = addCard(doc, { stageId: gated, title: 'Final poster' });
    });
    editor = await server.member(boardId, 'editor');
    watcher = await connectClient(server, boardId);
  });

  afterAll(async () => {
    watcher.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const serverStage = () => server.rooms.read(boardId, (doc) => roots(doc).cards.get(cardId)?.get('stageId'));

  /** One forged step from a fresh editor connection: written raw, as a client skipping the operations. */
  async function forge(value: (doc: Y.Doc) => unknown): Promise<{ code: number; reason: string }> {
    const client = await connectClient(editor, boardId);
    try {
      const card = roots(client.doc).cards.get(cardId)!;
      client.doc.transact(() => card.set('stageId', value(client.doc)));
      await waitFor('the refusal', () => client.closes.length > 0);
      return client.closes[0]!;
    } finally {
      client.destroy();
    }
  }

  it('refuses the stage written as a number, then the move past the gate, and the card stays in its gated stage', async () => {
    expect(await forge(() => 42)).toEqual({ code: CloseCode.UpdateRefused, reason: 'invalid' });
    expect(await serverStage()).toBe(gated);
    expect(await forge(() => pastGate)).toEqual({ code: CloseCode.UpdateRefused, reason: 'gate-closed' });
    expect(await serverStage()).toBe(gated);
    // What is stored holds the card where it was too.
    const stored = await storedDoc(server.store, boardId);
    expect(roots(stored).cards.get(cardId)?.get('stageId')).toBe(gated);
    expect(roots(watcher.doc).cards.get(cardId)?.get('stageId')).toBe(gated);
  });

  it('refuses the stage deleted, and a stage id that names no stage', async () => {
    const client = await connectClient(editor, boardId);
    try {
      client.doc.transact(() => roots(client.doc).cards.get(cardId)!.delete('stageId'));
      await waitFor('the refusal', () => client.closes.length > 0);
      expect(client.closes[0]).toEqual({ code: CloseCode.UpdateRefused, reason: 'invalid' });
    } finally {
      client.destroy();
    }
    expect(await forge(() => 'no-such-stage')).toEqual({ code: CloseCode.UpdateRefused, reason: 'invalid' });
    expect(await serverStage()).toBe(gated);
  });
});
