/**
 * Hand-off notices end to end on the server: a manager maps people to a process role and names it
 * the owner of a stage; an editor's y-websocket client moves a card into that stage, which hands
 * it to the role's people in the same update, and each of them (not the mover) finds "handed to
 * you" in their inbox once, through the inbox endpoint. The role's person then signs the gate
 * their role approves, though their board role alone would not let them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, moveCard, readStages, setRole, setStageRules } from '#lib/board';
import { roots } from '#lib/board/schema';
import type { InboxView } from '#lib/inbox/types';
import type { PublicUser } from '#server/auth/AuthService';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';
import { inboxOf } from './inboxApi';

type Person = SyncTarget & { user: PublicUser };

describe('hand-off notices', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let designer: Person;
  let editor: Person;
  let client: TestClient;
  let first: string;
  let second: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({
      title: 'Spring poster',
      templateId: 'blank',
      creatorId: server.owner.id
    });
    boardId = board.id;
    designer = await server.member(boardId, 'editor', 'Designer');
    editor = await server.member(boardId, 'editor', 'Editor');
    await server.rooms.change(boardId, (doc) => {
      [first, second] = readStages(doc).map((s) => s.id) as [string, string];
      setRole(doc, 'design', { name: '设计部', people: [designer.user.id, editor.user.id] });
      setStageRules(doc, second, { owner: { role: 'design', handoff: 'replace', exit: 'anyone' } });
    });
    client = await connectClient(editor, boardId);
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const itemsOf = async (who: Person, kind: InboxView['kind']) =>
    (await inboxOf(who)).items.filter((i) => i.kind === kind);

  it('tells each person the card is handed to, once per stage, and not the mover', async () => {
    await waitFor('the roles on the editor’s copy', () => roots(client.doc).roles.size > 0 || null);
    const cardId = addCard(client.doc, { stageId: first, title: 'Final poster' });
    moveCard(client.doc, cardId, second, 0);
    const item = await waitFor(
      'the designer’s hand-off notice',
      async () => (await itemsOf(designer, 'handoff'))[0]
    );
    expect(item).toMatchObject({
      cardId,
      cardTitle: 'Final poster',
      actorId: editor.user.id,
      detail: readStages(client.doc).find((s) => s.id === second)!.name,
      readAt: null
    });
    const assigned = await server.rooms.read(boardId, (doc) =>
      [...(roots(doc).cards.get(cardId)?.get('assignees') as Y.Map<boolean>).keys()].sort()
    );
    expect(assigned).toEqual([designer.user.id, editor.user.id].sort());
    // The mover is among the owners but hears nothing of their own act, nor as a plain assignment.
    expect(await itemsOf(editor, 'handoff')).toEqual([]);
    expect(await itemsOf(designer, 'assigned')).toEqual([]);

    // Out and back into the same stage: nobody is told twice.
    moveCard(client.doc, cardId, first, 0);
    moveCard(client.doc, cardId, second, 0);
    await waitFor('the second move on the server', () =>
      server.rooms
        .read(boardId, (doc) => roots(doc).cards.get(cardId)?.get('stageId') === second)
        .then((ok) => ok || null)
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await itemsOf(designer, 'handoff')).toHaveLength(1);
  });

  it('lets a role’s people sign an approver naming the role, and not a manager outside it', async () => {
    const manager = await server.member(boardId, 'manager', 'Manager');
    let cardId = '';
    await server.rooms.change(boardId, (doc) => {
      setStageRules(doc, first, {
        gate: { approvers: [{ title: '设计总监', level: 'director', role: 'design' }] }
      });
      cardId = addCard(doc, { stageId: first, title: 'Flyer' });
    });
    await expect(server.services.reviews.approve(manager.user, boardId, cardId, '')).rejects.toMatchObject({
      status: 403,
      code: 'cannot-sign'
    });
    await expect(
      server.services.reviews.approve(designer.user, boardId, cardId, 'ok')
    ).resolves.toMatchObject({
      round: 0
    });
  });
});
