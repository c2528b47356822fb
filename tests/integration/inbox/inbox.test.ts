/**
 * The inbox end to end on the server side: a real server over a real SQLite file, stock
 * y-websocket clients writing comments and assignments through the board operations, and the
 * inbox endpoints run through SvelteKit's hook as the signed-in people.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCard,
  addComment,
  assignCard,
  editComment,
  addChecklistItem,
  readStages,
  setCardTitle,
  setChecklistItemAssignee
} from '#lib/board';
import { INBOX_READ_MAX } from '#lib/inbox/types';
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
import { getInbox, inboxOf, markRead, openStream } from './inboxApi';

type Person = SyncTarget & { user: PublicUser };

describe('the inbox', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let author: Person;
  let client: TestClient;
  let cardId: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({ title: 'Spring launch', creatorId: server.owner.id });
    boardId = board.id;
    author = await server.member(boardId, 'editor', 'Author');
    client = await connectClient(author, boardId);
    cardId = addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: 'Poster' });
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  /** Someone who is on no board of this test (a member of a board of their own). */
  const stranger = async (): Promise<Person> => {
    const other = await server.services.boards.create({ title: 'Elsewhere', creatorId: server.owner.id });
    return server.member(other.id, 'editor', 'Stranger');
  };

  const mention = (text: string, ...people: string[]) =>
    addComment(client.doc, cardId, { author: author.user.id, text, mentions: people });

  it('a comment mentioning a member gives them one unread item; not the author, not a non-member', async () => {
    const reader = await server.member(boardId, 'commenter', 'Reader');
    const outsider = await stranger();
    mention(
      '@Reader the  logo\nis too small',
      reader.user.id,
      author.user.id,
      outsider.user.id,
      'no-such-user'
    );

    const page = await waitFor('the reader’s item', async () => {
      const p = await inboxOf(reader);
      return p.items.length > 0 ? p : null;
    });
    expect(page.unread).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'mention',
        boardId,
        boardTitle: 'Spring launch',
        cardId,
        cardTitle: 'Poster',
        actorId: author.user.id,
        actorName: author.user.name,
        excerpt: '@Reader the logo is too small',
        readAt: null
      })
    ]);
    expect((await inboxOf(author)).items).toEqual([]);
    // Not hidden but never made: joining the board later shows the outsider nothing.
    await server.services.members.add(server.owner.id, boardId, {
      email: outsider.user.email,
      role: 'viewer'
    });
    expect(await inboxOf(outsider)).toMatchObject({ items: [], unread: 0 });
  });

  it('a renamed card’s items take its new name, once the rename is recorded', async () => {
    const reader = await server.member(boardId, 'commenter', 'Reader');
    mention('@Reader have a look', reader.user.id);
    await waitFor('the reader’s item', async () => (await inboxOf(reader)).items.length > 0 || null);

    setCardTitle(client.doc, cardId, 'Poster A2 (final)');
    // The activity log holds a rename until its author stops typing (3 s), then records it.
    const item = await waitFor('the new title in the inbox', async () => {
      const [first] = (await inboxOf(reader)).items;
      return first?.cardTitle === 'Poster A2 (final)' ? first : null;
    });
    expect(item).toMatchObject({ kind: 'mention', cardId, readAt: null });
  });

  it('assigning a member gives them one item, on a new card too; assigning oneself gives none', async () => {
    const designer = await server.member(boardId, 'editor', 'Designer');
    assignCard(client.doc, cardId, designer.user.id);
    assignCard(client.doc, cardId, author.user.id);
    // One update that makes a card with its assignee already on it.
    const stageId = readStages(client.doc)[0]!.id;
    const banner = client.doc.transact(() => {
      const id = addCard(client.doc, { stageId, title: 'Banner' });
      assignCard(client.doc, id, designer.user.id);
      return id;
    });

    const page = await waitFor('the designer’s items', async () => {
      const p = await inboxOf(designer);
      return p.items.length > 1 ? p : null;
    });
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'assigned', cardId: banner, cardTitle: 'Banner' }),
      expect.objectContaining({ kind: 'assigned', cardId, cardTitle: 'Poster', actorName: author.user.name })
    ]);
    expect(page.unread).toBe(2);
    expect((await inboxOf(author)).items).toEqual([]);
    // The board's activity names the assignee too.
    const activity = await server.services.activity.list(boardId, { cardId });
    expect(
      activity.find((e) => e.kind === 'card.assigned' && e.data.memberId === designer.user.id)
    ).toMatchObject({ userName: author.user.name, data: { memberName: designer.user.name } });
  });

  it('giving a checklist item to a member gives them an item naming it; giving it again or to oneself gives none', async () => {
    const printer = await server.member(boardId, 'editor', 'Printer');
    const proofs = addChecklistItem(client.doc, cardId, 'Order the proofs');
    setChecklistItemAssignee(client.doc, cardId, proofs, printer.user.id);
    setChecklistItemAssignee(client.doc, cardId, proofs, author.user.id);
    // Given back to the same person: a second assignment, a second item.
    setChecklistItemAssignee(client.doc, cardId, proofs, printer.user.id);
    // One update that adds an item already given to someone.
    client.doc.transact(() => {
      const id = addChecklistItem(client.doc, cardId, 'Collect the flyers');
      setChecklistItemAssignee(client.doc, cardId, id, printer.user.id);
    });

    const page = await waitFor('the printer’s items', async () => {
      const p = await inboxOf(printer);
      return p.items.length > 2 ? p : null;
    });
    expect(page.items.map((i) => [i.kind, i.cardTitle, i.excerpt])).toEqual([
      ['assigned', 'Poster', 'Collect the flyers'],
      ['assigned', 'Poster', 'Order the proofs'],
      ['assigned', 'Poster', 'Order the proofs']
    ]);
    expect((await inboxOf(author)).items).toEqual([]);
    const activity = await server.services.activity.list(boardId, { cardId });
    expect(activity.filter((e) => e.kind === 'checklist.assigned')).toHaveLength(4);
    expect(activity.find((e) => e.kind === 'checklist.assigned')).toMatchObject({
      data: { item: expect.any(String), memberId: expect.any(String), memberName: expect.any(String) }
    });
  });

  it('editing a comment to mention someone new tells only the newly mentioned', async () => {
    const first = await server.member(boardId, 'viewer', 'First');
    const second = await server.member(boardId, 'viewer', 'Second');
    const commentId = mention('@First look', first.user.id);
    await waitFor('the first item', async () => (await inboxOf(first)).items.length === 1);
    editComment(client.doc, cardId, commentId, {
      author: author.user.id,
      text: '@First @Second look',
      mentions: [first.user.id, second.user.id]
    });
    const page = await waitFor('the second item', async () => {
      const p = await inboxOf(second);
      return p.items.length > 0 ? p : null;
    });
    expect(page.items[0]).toMatchObject({ kind: 'mention', excerpt: '@First @Second look' });
    expect((await inboxOf(first)).items).toHaveLength(1);
  });

  it('marking read is per person: nobody can mark another’s item, and all marks only one’s own', async () => {
    const ann = await server.member(boardId, 'viewer', 'Ann');
    const bob = await server.member(boardId, 'viewer', 'Bob');
    mention('@Ann @Bob first', ann.user.id, bob.user.id);
    mention('@Ann @Bob second', ann.user.id, bob.user.id);
    await waitFor('both items each', async () =>
      [(await inboxOf(ann)).unread, (await inboxOf(bob)).unread].every((n) => n === 2)
    );
    const [annNewest, annOldest] = (await inboxOf(ann)).items;
    const bobItem = (await inboxOf(bob)).items[0]!;

    // Bob names Ann's item: accepted, and nothing changes for either.
    const refused = await markRead(bob, { ids: [annNewest!.id] });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ unread: 2 });
    expect((await inboxOf(ann)).unread).toBe(2);

    const res = await markRead(ann, { ids: [annOldest!.id] });
    expect(await res.json()).toEqual({ unread: 1 });
    const ann1 = await inboxOf(ann);
    expect(ann1.items.map((i) => i.readAt === null)).toEqual([true, false]);
    expect((await inboxOf(bob)).items.find((i) => i.id === bobItem.id)!.readAt).toBeNull();

    expect(await (await markRead(ann, { all: true })).json()).toEqual({ unread: 0 });
    expect((await inboxOf(bob)).unread).toBe(2);
  });

  it('marking read clears items read more than 90 days ago, and keeps unread ones however old', async () => {
    const ann = await server.member(boardId, 'viewer', 'Ann');
    for (const word of ['old read', 'old unread', 'new']) mention(`@Ann ${word}`, ann.user.id);
    await waitFor('three items', async () => (await inboxOf(ann)).unread === 3);
    const [fresh, oldUnread, oldRead] = (await inboxOf(ann)).items;
    await markRead(ann, { ids: [oldRead!.id] });
    // Age two items by a hundred days, as time would, through a second connection to the file.
    const db = new Database(server.config.dbFile);
    const longAgo = Date.now() - 100 * 24 * 3600_000;
    db.prepare('update inbox_items set read_at = ? where id = ?').run(longAgo, oldRead!.id);
    db.prepare('update inbox_items set created_at = ? where id = ?').run(longAgo, oldUnread!.id);
    db.close();

    await markRead(ann, { ids: [fresh!.id] });
    const left = await inboxOf(ann);
    expect(left.items.map((i) => i.id)).toEqual([fresh!.id, oldUnread!.id]);
    expect(left.unread).toBe(1);
  });

  it('refuses a read request that names no items, bad ids or too many', async () => {
    const ann = await server.member(boardId, 'viewer', 'Ann');
    const tooMany = Array.from({ length: INBOX_READ_MAX + 1 }, (_, i) => i + 1);
    for (const body of [
      {},
      { ids: [] },
      { ids: ['1'] },
      { ids: [0] },
      { ids: [1.5] },
      { ids: tooMany },
      { all: 1 }
    ]) {
      const res = await markRead(ann, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid-read' } });
    }
  });

  it('answers 401 to every inbox endpoint without a session', async () => {
    for (const res of [await getInbox(null), await markRead(null, { all: true }), await openStream(null)]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'sign-in-required' } });
    }
  });

  it('a member taken off a board stops seeing its items; deleting the board deletes them', async () => {
    const ann = await server.member(boardId, 'viewer', 'Ann');
    mention('@Ann hello', ann.user.id);
    await waitFor('Ann’s item', async () => (await inboxOf(ann)).unread === 1);

    await server.services.members.remove(server.owner.id, boardId, ann.user.id);
    expect(await inboxOf(ann)).toMatchObject({ items: [], unread: 0 });
    await server.services.members.add(server.owner.id, boardId, { email: ann.user.email, role: 'viewer' });
    expect((await inboxOf(ann)).unread).toBe(1);

    const db = new Database(server.config.dbFile, { readonly: true });
    const stored = () => db.prepare('select count(*) as n from inbox_items where board_id = ?').get(boardId);
    try {
      expect(stored()).toEqual({ n: 1 });
      await server.services.boards.delete(boardId);
      expect(stored()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('pages newest first with a cursor to the next page', async () => {
    const ann = await server.member(boardId, 'viewer', 'Ann');
    for (const n of [1, 2, 3]) mention(`@Ann ${n}`, ann.user.id);
    await waitFor('three items', async () => (await inboxOf(ann)).unread === 3);
    const first = await inboxOf(ann, '?limit=2');
    expect(first.items.map((i) => i.excerpt)).toEqual(['@Ann 3', '@Ann 2']);
    expect(first.next).toBe(first.items[1]!.id);
    const second = await inboxOf(ann, `?limit=2&before=${first.next}`);
    expect(second.items.map((i) => i.excerpt)).toEqual(['@Ann 1']);
    expect(second.next).toBeNull();
  });
});
