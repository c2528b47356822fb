/**
 * Due-date notices end to end: a real server over a real SQLite file, the due job on its real
 * timer (a short period) reading a clock the test moves, cards dated by y-websocket clients, and
 * each person's inbox read through the inbox endpoint.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCard, archiveCard, assignCard, readStages, setBoardCalendar, setCardDate } from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';
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

/** Noon of a day in the server's own zone, as the job reads "today". */
const noon = (day: string) => new Date(`${day}T12:00:00`).getTime();

describe('due-date notices', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let editor: Person;
  let designer: Person;
  let client: TestClient;
  let cardId: string;
  let now = noon('2026-12-07');

  beforeEach(async () => {
    now = noon('2026-12-07');
    tmp = tempDir();
    server = await startTestServer(tmp.dir, {}, undefined, {
      dueNotices: { now: () => now, intervalMs: 40 }
    });
    boardId = (await server.services.boards.create({ title: 'Launch', creatorId: server.owner.id })).id;
    editor = await server.member(boardId, 'editor', 'Editor');
    designer = await server.member(boardId, 'editor', 'Designer');
    client = await connectClient(editor, boardId);
    const stageId = readStages(client.doc)[0]!.id;
    cardId = addCard(client.doc, { stageId, title: 'Poster' });
    assignCard(client.doc, cardId, designer.user.id);
    assignCard(client.doc, cardId, editor.user.id);
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const itemsOf = async (who: Person, kind: InboxView['kind']) =>
    (await inboxOf(who)).items.filter((i) => i.kind === kind);
  const waitForItems = (who: Person, kind: InboxView['kind'], count: number, what: string) =>
    waitFor(what, async () => {
      const items = await itemsOf(who, kind);
      return items.length >= count ? items : null;
    });
  /** Two whole passes: whatever the state now asks for has been told by the end of them. */
  const twoMorePasses = async () => {
    const { dueNotices } = server.services;
    for (let i = 0; i < 2; i++) await dueNotices.pass();
  };

  it('tells every assignee once that the card is due tomorrow, then once that it is overdue', async () => {
    setCardDate(client.doc, cardId, '2026-12-08');
    const [soon] = await waitForItems(designer, 'due-soon', 1, 'the designer’s due-tomorrow notice');
    expect(soon).toMatchObject({ cardId, cardTitle: 'Poster', actorId: null, detail: '2026-12-08' });
    // Who set the date is told too: a date falling due is nobody's act.
    await waitForItems(editor, 'due-soon', 1, 'the editor’s due-tomorrow notice');

    await twoMorePasses();
    expect(await itemsOf(designer, 'due-soon')).toHaveLength(1);

    now = noon('2026-12-09');
    const [late] = await waitForItems(designer, 'overdue', 1, 'the overdue notice');
    expect(late).toMatchObject({ cardId, detail: '2026-12-08' });
    now = noon('2026-12-12');
    await twoMorePasses();
    expect(await itemsOf(designer, 'overdue')).toHaveLength(1);
    expect(await itemsOf(designer, 'due-soon')).toHaveLength(1);
  });

  it('due soon means the next working day by the board’s calendar: before National Day, 10-08', async () => {
    setCardDate(client.doc, cardId, '2026-10-08');
    now = noon('2026-09-30');
    // Monday to Friday: 10-08 is a week away, nothing to tell yet.
    await twoMorePasses();
    expect(await itemsOf(designer, 'due-soon')).toHaveLength(0);
    // Mainland China: 10-01…10-07 are off, so on 09-30 the card is due on the next working day.
    await server.rooms.change(boardId, (doc) => setBoardCalendar(doc, 'cn-mainland'));
    const [soon] = await waitForItems(designer, 'due-soon', 1, 'the notice before the holiday');
    expect(soon).toMatchObject({ cardId, detail: '2026-10-08' });
  });

  it('a new date may be told again; a cleared date or an archived card is not told', async () => {
    setCardDate(client.doc, cardId, '2026-12-08');
    await waitForItems(designer, 'due-soon', 1, 'the first notice');
    setCardDate(client.doc, cardId, '2026-12-20');
    now = noon('2026-12-19');
    const items = await waitForItems(designer, 'due-soon', 2, 'the notice for the new date');
    expect(items.map((i) => i.detail)).toEqual(['2026-12-20', '2026-12-08']);

    const stageId = readStages(client.doc)[0]!.id;
    const cleared = addCard(client.doc, { stageId, title: 'Banner' });
    const archived = addCard(client.doc, { stageId, title: 'Flyer' });
    for (const id of [cleared, archived]) {
      assignCard(client.doc, id, designer.user.id);
      setCardDate(client.doc, id, '2026-12-20');
    }
    setCardDate(client.doc, cleared, null);
    archiveCard(client.doc, archived);
    await waitFor('the changes on the server', () =>
      server.rooms.read(boardId, (d) => roots(d).cards.get(archived)?.get(CardKey.archived) === true || null)
    );
    await twoMorePasses();
    expect((await itemsOf(designer, 'due-soon')).map((i) => i.cardTitle)).toEqual(['Poster', 'Poster']);
  });

  it('finds dates written before the index knew the board: each board is read whole once', async () => {
    setCardDate(client.doc, cardId, '2026-12-08');
    await waitForItems(designer, 'due-soon', 1, 'the notice on the indexed board');
    // A board made and dated by the server's own hand leaves no activity for the index to follow.
    const other = await server.services.boards.create({ title: 'Other', creatorId: server.owner.id });
    await server.services.members.add(server.owner.id, other.id, {
      email: designer.user.email,
      role: 'editor'
    });
    await server.rooms.change(other.id, (doc) => {
      const stageId = readStages(doc)[0]!.id;
      const id = addCard(doc, { stageId, title: 'Stand' });
      assignCard(doc, id, designer.user.id);
      setCardDate(doc, id, '2026-12-08');
    });
    const items = await waitForItems(designer, 'due-soon', 2, 'the notice on the new board');
    expect(items[0]).toMatchObject({ boardId: other.id, cardTitle: 'Stand' });
  });
});
