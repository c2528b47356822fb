/**
 * Approving and sending back over the review service, with a real server, real accounts and
 * real y-websocket clients: the gate opens for the editor's next move only after a manager's
 * approval, a send-back starts a new round that needs approval again, and every step lands in
 * the activity log, live for subscribed sockets and in the store for later.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ActivityEntry } from '#lib/activity/types';
import {
  addCard,
  addComment,
  approvalFor,
  BoardError,
  moveCard,
  readCard,
  readCardDetail,
  readStages,
  setChecklistItemDone,
  setStageRules
} from '#lib/board';
import { roots } from '#lib/board/schema';
import type { PublicUser } from '#server/auth/AuthService';
import { MessageType } from '#server/protocol';
import {
  connectClient,
  opened,
  rawSocket,
  startTestServer,
  tempDir,
  waitFor,
  type TestServer
} from '../helpers/syncHarness';

const stageAt = (doc: Y.Doc, index: number) => readStages(doc)[index]!.id;
const gatedIndex = (doc: Y.Doc) => readStages(doc).findIndex((s) => s.gate !== null);

describe('approve and send back', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    boardId = (
      await server.services.boards.create({
        title: 'Spring poster',
        templateId: 'design-review',
        creatorId: server.owner.id
      })
    ).id;
    // These tests are about the gate; the draft its stage requires is requirementsBypass.test.ts's.
    await server.rooms.change(boardId, (doc) => {
      for (const stage of readStages(doc)) setStageRules(doc, stage.id, { requires: null });
    });
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const person = async (role: 'manager' | 'editor' | 'viewer') => server.member(boardId, role);
  const asUser = (target: { user: PublicUser }) => target.user;

  it('opens the gate for the editor only after a manager approves; a send-back needs approval again', async () => {
    const manager = await person('manager');
    const editor = await person('editor');
    const client = await connectClient(editor, boardId);
    try {
      const doc = client.doc;
      const gated = stageAt(doc, gatedIndex(doc));
      const next = stageAt(doc, gatedIndex(doc) + 1);
      const cardId = addCard(doc, { stageId: gated, title: 'Final poster' });
      await waitFor('the card on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.has(cardId))
      );
      expect(() => moveCard(doc, cardId, next, 0)).toThrow(BoardError);

      // An editor may not approve; the manager may, with a note.
      await expect(
        server.services.reviews.approve(asUser(editor), boardId, cardId, '')
      ).rejects.toMatchObject({
        status: 403
      });
      const approved = await server.services.reviews.approve(
        asUser(manager),
        boardId,
        cardId,
        '颜色再亮一点也可以'
      );
      expect(approved).toMatchObject({ stageId: gated, round: 0 });
      await waitFor('the approval on the editor’s copy', () => approvalFor(doc, cardId, gated) !== null);
      expect(approvalFor(doc, cardId, gated)).toMatchObject({
        by: manager.user.id,
        note: '颜色再亮一点也可以'
      });
      await expect(
        server.services.reviews.approve(asUser(manager), boardId, cardId, '')
      ).rejects.toMatchObject({
        status: 409,
        code: 'already-approved'
      });

      moveCard(doc, cardId, next, 0);
      await waitFor('the move on the server', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.get(cardId)!.get('stageId') === next)
      );
      expect(client.closes).toEqual([]);

      // Back in the gated stage (a move back is anyone's), the manager sends it back: round 1.
      moveCard(doc, cardId, gated, 0);
      await waitFor('the move back', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.get(cardId)!.get('stageId') === gated)
      );
      const sent = await server.services.reviews.sendBack(asUser(manager), boardId, cardId, '字太小');
      const target = readStages(doc).find((s) => s.id === sent.to)!;
      expect(sent.round).toBe(1);
      await waitFor(
        'the send-back on the editor’s copy',
        () => readCard(cardId, roots(doc).cards.get(cardId)!).revisions === 1
      );
      expect(readCardDetail(cardId, roots(doc).cards.get(cardId)!).revisionLog[0]).toMatchObject({
        from: gated,
        to: target.id,
        by: manager.user.id,
        note: '字太小'
      });
      // The round-0 approval no longer opens the gate.
      moveCard(doc, cardId, gated, 0);
      await waitFor('the card back at the gate', () =>
        server.rooms.read(boardId, (d) => roots(d).cards.get(cardId)!.get('stageId') === gated)
      );
      expect(approvalFor(doc, cardId, gated)).toBeNull();
      expect(() => moveCard(doc, cardId, next, 0)).toThrow(/approval/);
    } finally {
      client.destroy();
    }
  });

  it('keeps the general-manager sign-off for the owner, and refuses a stage with no gate', async () => {
    const manager = await person('manager');
    let cardId = '';
    let plainCard = '';
    await server.rooms.change(boardId, (doc) => {
      const stage = roots(doc).stages.get(stageAt(doc, gatedIndex(doc)))!;
      stage.set('gate', { approvers: [{ title: '总经理', level: 'general-manager' }] });
      cardId = addCard(doc, { stageId: stageAt(doc, gatedIndex(doc)), title: 'Big launch' });
      plainCard = addCard(doc, { stageId: stageAt(doc, 0), title: 'Brief' });
    });
    await expect(server.services.reviews.approve(asUser(manager), boardId, cardId, '')).rejects.toMatchObject(
      {
        status: 403,
        code: 'needs-owner'
      }
    );
    await expect(server.services.reviews.approve(server.owner, boardId, cardId, '')).resolves.toMatchObject({
      round: 0
    });
    await expect(server.services.reviews.approve(server.owner, boardId, plainCard, '')).rejects.toMatchObject(
      {
        status: 400,
        code: 'no-gate'
      }
    );
    await expect(
      server.services.reviews.sendBack(server.owner, boardId, plainCard, '')
    ).rejects.toMatchObject({
      status: 400,
      code: 'no-send-back'
    });
  });
});

describe('the activity log', () => {
  it('records what people did, with who, live to subscribed sockets and stored for later', async () => {
    const tmp = tempDir();
    const server = await startTestServer(tmp.dir);
    const boardId = (
      await server.services.boards.create({
        title: 'Launch',
        templateId: 'design-review',
        creatorId: server.owner.id
      })
    ).id;
    const live: ActivityEntry[] = [];
    const listener = rawSocket(server, boardId);
    listener.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MessageType.Activity) return;
      live.push(...(JSON.parse(decoding.readVarString(decoder)) as ActivityEntry[]));
    });
    await opened(listener);
    const subscribe = encoding.createEncoder();
    encoding.writeVarUint(subscribe, MessageType.Activity);
    listener.send(encoding.toUint8Array(subscribe));

    const manager = await server.member(boardId, 'manager', 'Mia');
    const editor = await server.member(boardId, 'editor', 'Eli');
    const client = await connectClient(editor, boardId);
    try {
      const doc = client.doc;
      const cardId = addCard(doc, { stageId: stageAt(doc, 0), title: 'Poster' });
      moveCard(doc, cardId, stageAt(doc, 1), 0);
      const item = readCardDetail(cardId, roots(doc).cards.get(cardId)!).checklist[0]!;
      setChecklistItemDone(doc, cardId, item.id, true);
      addComment(doc, cardId, { author: editor.user.id, text: 'Draft attached' });
      await waitFor(
        'four entries from the editor',
        () => live.filter((e) => e.userId === editor.user.id).length >= 4
      );

      const kinds = live.map((e) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'member.added',
          'card.created',
          'card.moved',
          'checklist.ticked',
          'comment.added'
        ])
      );
      const moved = live.find((e) => e.kind === 'card.moved')!;
      expect(moved).toMatchObject({
        userId: editor.user.id,
        userName: editor.user.name,
        cardId,
        data: { title: 'Poster', fromStageName: '沟通', toStageName: '方案' }
      });
      expect(live.find((e) => e.kind === 'checklist.ticked')!.data.item).toBe(item.text);
      expect(live.find((e) => e.kind === 'member.added')).toMatchObject({
        userId: server.owner.id,
        data: { memberId: manager.user.id, memberName: manager.user.name, role: 'manager' }
      });

      // Stored too: the card's history, newest first, names included.
      const history = await server.services.activity.list(boardId, { cardId });
      expect(history.map((e) => e.kind)).toEqual([
        'comment.added',
        'checklist.ticked',
        'card.moved',
        'card.created'
      ]);
      expect(new Set(history.map((e) => e.userName))).toEqual(new Set([editor.user.name]));
    } finally {
      client.destroy();
      listener.close();
      await server.stop();
      tmp.cleanup();
    }
  });
});
