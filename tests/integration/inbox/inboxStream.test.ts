/**
 * The inbox stream (Server-Sent Events) with a real server, a real SQLite file and a stock
 * y-websocket client writing the comment that mentions someone.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCard, addComment, readStages } from '#lib/board';
import type { PublicUser } from '#server/auth/AuthService';
import { hashSessionToken } from '#server/auth/sessionToken';
import { inboxStream } from '#server/inbox/inboxStream';
import { STREAMS_PER_USER } from '#server/inbox/InboxService';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';
import { markRead, openStream, readEvents, type EventReader } from './inboxApi';

describe('the inbox stream', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let author: SyncTarget & { user: PublicUser };
  let reader: SyncTarget & { user: PublicUser };
  let client: TestClient;
  const open: EventReader[] = [];

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    boardId = (await server.services.boards.create({ title: 'Launch', creatorId: server.owner.id })).id;
    author = await server.member(boardId, 'editor', 'Author');
    reader = await server.member(boardId, 'commenter', 'Reader');
    client = await connectClient(author, boardId);
  });

  afterEach(async () => {
    for (const stream of open.splice(0)) await stream.close();
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const listen = async (as: SyncTarget): Promise<EventReader> => {
    const res = await openStream(as);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = readEvents(res);
    open.push(stream);
    return stream;
  };

  it('sends the unread count on connecting, then a new mention live, then its reading', async () => {
    const stream = await listen(reader);
    await waitFor('the first count', () => stream.events.length > 0);
    expect(stream.events[0]).toEqual({ name: 'unread', data: { unread: 0 } });

    const cardId = addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: 'Banner' });
    addComment(client.doc, cardId, {
      author: author.user.id,
      text: '@Reader ok?',
      mentions: [reader.user.id]
    });
    const item = await waitFor('the live item', () => stream.events.find((e) => e.name === 'item'));
    expect(item.data).toMatchObject({
      unread: 1,
      item: {
        kind: 'mention',
        boardId,
        cardId,
        cardTitle: 'Banner',
        actorName: author.user.name,
        readAt: null
      }
    });

    const id = (item.data.item as { id: number }).id;
    expect((await markRead(reader, { ids: [id] })).status).toBe(200);
    const read = await waitFor('the read event', () => stream.events.find((e) => e.name === 'read'));
    expect(read.data).toMatchObject({ ids: [id], unread: 0 });
  });

  it('sends nothing of someone else’s inbox', async () => {
    const authorStream = await listen(author);
    const readerStream = await listen(reader);
    const cardId = addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: 'Flyer' });
    addComment(client.doc, cardId, { author: author.user.id, text: '@Reader', mentions: [reader.user.id] });
    await waitFor('the reader’s item', () => readerStream.events.some((e) => e.name === 'item'));
    expect(authorStream.events.map((e) => e.name)).toEqual(['unread']);
  });

  it(`holds at most ${STREAMS_PER_USER} streams per person and frees one when its client goes`, async () => {
    const streams = [];
    for (let i = 0; i < STREAMS_PER_USER; i++) streams.push(await listen(reader));
    const refused = await openStream(reader);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'too-many-streams' } });

    await streams[0]!.close();
    await listen(reader);
    // An aborted request (the browser went away) frees its place too.
    const abort = new AbortController();
    const last = await openStream(author, abort.signal);
    expect(last.status).toBe(200);
    abort.abort();
    for (let i = 0; i < STREAMS_PER_USER; i++) await listen(author);
  });

  it('writes a heartbeat comment while idle', async () => {
    const res = await inboxStream(server.services.inbox, reader.user.id, { heartbeatMs: 20 });
    const stream = readEvents(res!);
    open.push(stream);
    await waitFor('two heartbeats', () => stream.raw().split(': heartbeat\n\n').length > 2);
    expect(stream.raw()).toMatch(/^retry: \d+\n\nevent: unread\ndata: \{"unread":0\}\n\n/);
  });

  it('ends the streams of a session when it signs out, and only those', async () => {
    const mine = await listen(reader);
    const another = await listen(author);
    await waitFor('both open', () => mine.events.length > 0 && another.events.length > 0);
    await server.services.auth.signOut(reader.cookie.slice(reader.cookie.indexOf('=') + 1));
    await waitFor('the signed-out stream ends', () => mine.ended());
    expect(another.ended()).toBe(false);
  });

  it('ends a stream whose session has expired when the session watch next looks', async () => {
    const stream = await listen(reader);
    await waitFor('open', () => stream.events.length > 0);
    const db = new Database(server.config.dbFile);
    const token = reader.cookie.slice(reader.cookie.indexOf('=') + 1);
    db.prepare('UPDATE sessions SET expires_at = 1 WHERE token_hash = ?').run(hashSessionToken(token));
    db.close();
    expect(await server.sessionWatch.check()).toBe(1);
    await waitFor('the stream ends', () => stream.ended());
  });
});
