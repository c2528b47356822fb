/**
 * Notices of the review process, end to end on the server: a real server over a real SQLite file,
 * y-websocket clients moving cards through the board operations, reviews through the review
 * service, and each person's inbox read through the inbox endpoint as they would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addCard,
  assignCard,
  moveCard,
  readStages,
  SERVER_ORIGIN,
  setStageRules,
  type Gate
} from '#lib/board';
import { roundOf } from '#lib/board/approvals';
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

/** The design-review template's first stage whose gate a manager signs. */
const managerGate = (doc: Y.Doc) =>
  readStages(doc).findIndex((s) => s.gate !== null && s.gate.approvers.every((a) => a.level === 'manager'));

describe('review notices', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let manager: Person;
  let editor: Person;
  let client: TestClient;
  let cardId: string;
  let gated: string;
  let before: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({
      title: 'Spring poster',
      templateId: 'design-review',
      creatorId: server.owner.id
    });
    boardId = board.id;
    manager = await server.member(boardId, 'manager', 'Manager');
    editor = await server.member(boardId, 'editor', 'Editor');
    client = await connectClient(editor, boardId);
    const index = managerGate(client.doc);
    expect(index).toBeGreaterThan(0);
    gated = readStages(client.doc)[index]!.id;
    before = readStages(client.doc)[index - 1]!.id;
    cardId = addCard(client.doc, { stageId: before, title: 'Final poster' });
    assignCard(client.doc, cardId, editor.user.id);
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const itemsOf = async (who: Person | { cookie: string }, kind: InboxView['kind']) =>
    (await inboxOf(who)).items.filter((i) => i.kind === kind);
  const waitForItem = (who: Person | { cookie: string }, kind: InboxView['kind'], what: string) =>
    waitFor(what, async () => (await itemsOf(who, kind))[0] ?? null);
  const onServer = (check: (doc: Y.Doc) => boolean, what: string) =>
    waitFor(what, () => server.rooms.read(boardId, check).then((ok) => ok || null));

  it('a card entering a gated stage tells the people who may approve it, once per round, not the mover', async () => {
    moveCard(client.doc, cardId, gated, 0);
    const item = await waitForItem(manager, 'gate', 'the manager’s gate notice');
    expect(item).toMatchObject({
      cardId,
      cardTitle: 'Final poster',
      actorId: editor.user.id,
      actorName: editor.user.name,
      detail: readStages(client.doc).find((s) => s.id === gated)!.name,
      readAt: null
    });
    // The owner may approve any gate; the editor moved it and may not approve.
    await waitForItem(server, 'gate', 'the owner’s gate notice');
    expect(await itemsOf(editor, 'gate')).toEqual([]);

    // Out and back within the same round asks for the same sign-off: nobody is told again.
    moveCard(client.doc, cardId, before, 0);
    moveCard(client.doc, cardId, gated, 0);
    await onServer((d) => roots(d).cards.get(cardId)?.get('stageId') === gated, 'the card back at the gate');
    // An assignment after the moves is recorded after them: once its notice is in, the moves were handled.
    assignCard(client.doc, cardId, manager.user.id);
    await waitForItem(manager, 'assigned', 'the assignment after the moves');
    expect(await itemsOf(manager, 'gate')).toHaveLength(1);
  });

  /** Makes the gated stage's gate `gate(approvers)` on the server. */
  const regate = (gate: (approvers: Gate['approvers']) => Gate) =>
    server.rooms.change(boardId, (d) => {
      const approvers = readStages(d).find((s) => s.id === gated)!.gate!.approvers;
      setStageRules(d, gated, { gate: gate(approvers) }, SERVER_ORIGIN);
    });

  it('approval tells the card’s assignees but not the approver, though assigned; send-back tells them the reason', async () => {
    // The design review separates duties, which would refuse an assigned approver; this case is
    // about who is told, so its gate lets the assignee sign.
    await regate((approvers) => ({ approvers }));
    moveCard(client.doc, cardId, gated, 0);
    assignCard(client.doc, cardId, manager.user.id);
    await onServer((d) => roots(d).cards.get(cardId)?.get('stageId') === gated, 'the card at the gate');
    const stageName = readStages(client.doc).find((s) => s.id === gated)!.name;

    await server.services.reviews.approve(manager.user, boardId, cardId, 'Colours are right');
    const approved = await waitForItem(editor, 'approved', 'the editor’s approval notice');
    expect(approved).toMatchObject({
      cardId,
      actorId: manager.user.id,
      detail: stageName,
      excerpt: 'Colours are right'
    });
    expect(await itemsOf(manager, 'approved')).toEqual([]);

    await server.services.reviews.sendBack(manager.user, boardId, cardId, 'The logo must be bigger');
    const sentBack = await waitForItem(editor, 'sent-back', 'the editor’s send-back notice');
    const back = await server.rooms.read(boardId, (d) => {
      const card = roots(d).cards.get(cardId)!;
      return { stage: String(card.get('stageId')), round: roundOf(card) };
    });
    expect(back.round).toBe(1);
    expect(sentBack).toMatchObject({
      cardId,
      actorId: manager.user.id,
      excerpt: 'The logo must be bigger',
      detail: readStages(client.doc).find((s) => s.id === back.stage)!.name
    });
    expect(await itemsOf(manager, 'sent-back')).toEqual([]);
  });

  it('one signature of a 会签 that others must still sign tells nobody; the last one tells the assignees', async () => {
    await regate((approvers) => ({
      approvers: [...approvers, { title: '营销总监', level: 'director' }],
      mode: 'all'
    }));
    moveCard(client.doc, cardId, gated, 0);
    await onServer((d) => roots(d).cards.get(cardId)?.get('stageId') === gated, 'the card at the gate');
    await expect(
      server.services.reviews.approve(manager.user, boardId, cardId, '', 0)
    ).resolves.toMatchObject({
      open: false
    });
    // Entries are handled in order: once the second signature's notice is in, the first's was handled.
    await server.services.reviews.approve(server.owner, boardId, cardId, '', 1);
    // Had the first signature told them, the one notice (a round has one) would name the manager.
    await expect(waitForItem(editor, 'approved', 'the approval notice')).resolves.toMatchObject({
      actorId: server.owner.id
    });
    expect(await itemsOf(editor, 'approved')).toHaveLength(1);
  });

  it('the same notice is stored once however often its entry is handled', async () => {
    moveCard(client.doc, cardId, gated, 0);
    await waitForItem(manager, 'gate', 'the manager’s gate notice');
    // The activity log delivers an entry once; handling it again (a retry, a second process)
    // must not tell anyone twice: the database's unique key refuses the repeat.
    const [entry] = (await server.services.activity.list(boardId, { cardId })).filter(
      (e) => e.kind === 'card.moved' && e.data.toStage === gated
    );
    await server.services.inbox.fromActivity(boardId, [entry!, entry!]);
    expect(await itemsOf(manager, 'gate')).toHaveLength(1);
  });
});
