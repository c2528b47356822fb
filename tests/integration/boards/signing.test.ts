/**
 * Signing gates over the review service, with a real server, real accounts, a real SQLite file
 * and a real y-websocket client: a 会签 gate needs both managers, a sequential one their order,
 * the card's creator (from the activity log) and assignees may not sign a gate that separates
 * duties, and the caller may name the approver they sign as.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addCard,
  assignCard,
  gateBlocks,
  readStages,
  setStageRules,
  SERVER_ORIGIN,
  type Gate
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

const LEAD = { title: '市场部经理', level: 'manager' as const };
const DIRECTOR = { title: '营销总监', level: 'director' as const };

const stageAt = (doc: Y.Doc, index: number) => readStages(doc)[index]!.id;

describe('signing a gate over the review service', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    boardId = (await server.services.boards.create({ title: 'Launch', creatorId: server.owner.id })).id;
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  /** A card in the first stage, whose gate becomes `gate`; made by the server (no creator). */
  async function gatedCard(gate: Gate): Promise<{ cardId: string; next: string }> {
    let cardId = '';
    let next = '';
    await server.rooms.change(boardId, (doc) => {
      setStageRules(doc, stageAt(doc, 0), { gate }, SERVER_ORIGIN);
      next = stageAt(doc, 1);
      cardId = addCard(doc, { stageId: stageAt(doc, 0), title: '春节海报' }, SERVER_ORIGIN);
    });
    return { cardId, next };
  }

  const blocked = (cardId: string, to: string) =>
    server.rooms.read(boardId, (doc) => gateBlocks(doc, cardId, to) !== null);

  it('a 会签 gate stays closed on one manager’s signature and opens on the second’s', async () => {
    const [mia, max] = [await server.member(boardId, 'manager'), await server.member(boardId, 'manager')];
    const { cardId, next } = await gatedCard({ approvers: [LEAD, DIRECTOR], mode: 'all' });
    const reviews = server.services.reviews;

    await expect(reviews.approve(mia.user, boardId, cardId, '')).resolves.toMatchObject({
      approver: 0,
      open: false
    });
    expect(await blocked(cardId, next)).toBe(true);
    // The approver Mia signed is signed: Max cannot sign it again.
    await expect(reviews.approve(max.user, boardId, cardId, '', 0)).rejects.toMatchObject({
      status: 409,
      code: 'already-signed'
    });
    await expect(reviews.approve(max.user, boardId, cardId, '', 1)).resolves.toMatchObject({
      approver: 1,
      open: true
    });
    expect(await blocked(cardId, next)).toBe(false);
    await expect(reviews.approve(server.owner, boardId, cardId, '')).rejects.toMatchObject({
      status: 409,
      code: 'already-approved'
    });
  });

  it('a sequential 会签 refuses the later approver until the earlier one signed', async () => {
    const [mia, max] = [await server.member(boardId, 'manager'), await server.member(boardId, 'manager')];
    const { cardId } = await gatedCard({ approvers: [LEAD, DIRECTOR], mode: 'all', sequential: true });
    await expect(server.services.reviews.approve(max.user, boardId, cardId, '', 1)).rejects.toMatchObject({
      status: 409,
      code: 'not-your-turn'
    });
    await server.services.reviews.approve(mia.user, boardId, cardId, '');
    await expect(server.services.reviews.approve(max.user, boardId, cardId, '', 1)).resolves.toMatchObject({
      open: true
    });
  });

  it('separation of duties: the card’s creator and its assignees may not sign; another manager may', async () => {
    const creator = await server.member(boardId, 'manager');
    const assignee = await server.member(boardId, 'manager');
    const other = await server.member(boardId, 'manager');
    let stageId = '';
    await server.rooms.change(boardId, (doc) => {
      stageId = stageAt(doc, 0);
      setStageRules(doc, stageId, { gate: { approvers: [LEAD], separateDuties: true } }, SERVER_ORIGIN);
    });
    const client = await connectClient(creator, boardId);
    let cardId = '';
    try {
      cardId = addCard(client.doc, { stageId, title: 'Poster' });
      assignCard(client.doc, cardId, assignee.user.id);
      await waitFor('the card on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.get(cardId)?.get('assignees') !== undefined)
      );
    } finally {
      client.destroy();
    }
    const refused = { status: 403, code: 'separation-of-duties' };
    await expect(server.services.reviews.approve(creator.user, boardId, cardId, '')).rejects.toMatchObject(
      refused
    );
    await expect(server.services.reviews.approve(assignee.user, boardId, cardId, '')).rejects.toMatchObject(
      refused
    );
    await expect(server.services.reviews.approve(other.user, boardId, cardId, '')).resolves.toMatchObject({
      open: true
    });
  });

  it('refuses an approver that is not a small index into the gate’s list', async () => {
    const { cardId } = await gatedCard({ approvers: [LEAD] });
    for (const bad of [-1, 1.5, 'x', 99]) {
      await expect(
        server.services.reviews.approve(server.owner, boardId, cardId, '', bad)
      ).rejects.toMatchObject({ status: 400, code: 'invalid-approver' });
    }
  });
});
