/**
 * Comment rights on the WebSocket path, with stock y-websocket clients signed in as real accounts
 * on a real server and SQLite file: a commenter edits and deletes their own comments and resolves
 * a manager's, and the server refuses (UpdateRefused, nothing applied) a commenter rewriting the
 * manager's words or resolving in the manager's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  deleteComment,
  editComment,
  initBoard,
  readComments,
  readStages,
  resolveComment
} from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

const BOARD = 'review';

describe('comment rights over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let cardId: string;
  let managerComment: string;
  let commenter: SyncTarget & { userId: string };
  let watcher: TestClient;

  const threads = (doc: Y.Doc) => readComments(roots(doc).cards.get(cardId)!);
  const serverThreads = () => server.rooms.read(BOARD, threads);
  const serverVector = () => server.rooms.read(BOARD, (doc) => Y.encodeStateVector(doc));

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    await server.createBoard(BOARD);
    await server.rooms.change(BOARD, (doc) => {
      initBoard(doc, { title: 'Spring poster', stages: [{ name: 'Draft' }] });
      cardId = addCard(doc, { stageId: readStages(doc)[0]!.id, title: 'Poster' });
    });
    const manager = await server.member(BOARD, 'manager');
    const person = await server.member(BOARD, 'commenter');
    commenter = { ...person, userId: person.user.id };
    const managerClient = await connectClient(manager, BOARD);
    managerComment = addComment(managerClient.doc, cardId, {
      author: manager.user.id,
      text: 'Logo too small'
    });
    await waitFor('the manager’s comment on the server', async () => (await serverThreads()).length === 1);
    managerClient.destroy();
    watcher = await connectClient(server, BOARD);
  });

  afterAll(async () => {
    watcher.destroy();
    await server.stop();
    tmp.cleanup();
  });

  /**
   * Runs `attempt` as the commenter on a fresh connection. Allowed: waits until another client
   * sees `landed`. Refused (landed null): expects UpdateRefused and the server's state unchanged.
   */
  async function asCommenter(attempt: (doc: Y.Doc) => void, landed: ((doc: Y.Doc) => boolean) | null) {
    await attemptAs(commenter, attempt, landed);
  }

  async function attemptAs(
    person: SyncTarget,
    attempt: (doc: Y.Doc) => void,
    landed: ((doc: Y.Doc) => boolean) | null
  ) {
    const client = await connectClient(person, BOARD);
    try {
      const before = await serverVector();
      attempt(client.doc);
      if (!landed) {
        await waitFor('the refusal', () => client.closes.length > 0);
        expect(client.closes[0]?.code).toBe(CloseCode.UpdateRefused);
        expect(await serverVector()).toEqual(before);
        return;
      }
      await waitFor('the edit to reach another client', () => landed(watcher.doc));
      expect(client.closes).toEqual([]);
    } finally {
      client.destroy();
    }
  }

  it('lets a commenter write, edit and delete their own comment, live for everyone', async () => {
    let id = '';
    const texts = (doc: Y.Doc) => threads(doc).map((t) => t.comment.text);
    await asCommenter(
      (doc) => void (id = addComment(doc, cardId, { author: commenter.userId, text: 'Bigger in v2' })),
      (doc) => texts(doc).includes('Bigger in v2')
    );
    await asCommenter(
      (doc) => editComment(doc, cardId, id, { author: commenter.userId, text: 'Bigger in v3' }),
      (doc) => texts(doc).includes('Bigger in v3')
    );
    const edited = threads(watcher.doc).find((t) => t.comment.id === id)!.comment;
    expect(edited).toMatchObject({ author: commenter.userId, text: 'Bigger in v3' });
    expect(edited.editedAt).toBeTypeOf('number');
    await asCommenter(
      (doc) => deleteComment(doc, cardId, id),
      (doc) => threads(doc).length === 1
    );
    expect((await serverThreads()).map((t) => t.comment.id)).toEqual([managerComment]);
  });

  it('lets a commenter resolve the manager’s thread in their own name', async () => {
    await asCommenter(
      (doc) => resolveComment(doc, cardId, managerComment, commenter.userId),
      (doc) => threads(doc)[0]!.resolved !== null
    );
    expect((await serverThreads())[0]!.resolved).toEqual({ by: commenter.userId, at: expect.any(Number) });
    expect(threads(watcher.doc)[0]!.resolved?.by).toBe(commenter.userId);
  });

  it('refuses a commenter rewriting the manager’s comment, even keeping its author', async () => {
    await asCommenter((doc) => {
      const comments = roots(doc).cards.get(cardId)!.get(CardKey.comments) as Y.Map<unknown>;
      const original = comments.get(managerComment) as object;
      comments.set(managerComment, { ...original, text: 'Logo is perfect' });
    }, null);
    expect((await serverThreads())[0]!.comment.text).toBe('Logo too small');
  });

  it('refuses a commenter forging who resolved a thread', async () => {
    const managerId = (await serverThreads())[0]!.comment.author;
    await asCommenter((doc) => {
      // The operation first (it makes the card's map if need be), then the forged name over it.
      doc.transact(() => {
        resolveComment(doc, cardId, managerComment, commenter.userId);
        const resolved = roots(doc).cards.get(cardId)!.get(CardKey.resolvedComments) as Y.Map<unknown>;
        resolved.set(managerComment, { by: managerId, at: Date.now() });
      });
    }, null);
    expect((await serverThreads())[0]!.resolved?.by).toBe(commenter.userId);
  });

  it('takes a pin on a PDF page and a pin on a moment of a video, live for everyone', async () => {
    const pins = [
      { attachmentId: 'brief', version: 1, x: 0.25, y: 0.5, page: 2 },
      { attachmentId: 'cut', version: 3, t: 4200 }
    ];
    for (const pin of pins) {
      await asCommenter(
        (doc) => void addComment(doc, cardId, { author: commenter.userId, text: 'Here', pin }),
        (doc) => threads(doc).some((th) => JSON.stringify(th.comment.pin) === JSON.stringify(pin))
      );
    }
  });

  it('refuses a pin written by hand off its page or its video, from every role', async () => {
    const editor = await server.member(BOARD, 'editor');
    const manager = await server.member(BOARD, 'manager');
    const people: [SyncTarget, string][] = [
      [commenter, commenter.userId],
      [editor, editor.user.id],
      [manager, manager.user.id]
    ];
    const bad = [
      { attachmentId: 'brief', version: 1, x: 0.5, y: 0.5, page: 0 },
      { attachmentId: 'brief', version: 1, x: 0.5, y: 0.5, page: 1.5 },
      { attachmentId: 'cut', version: 1, t: -1 },
      { attachmentId: 'cut', version: 1, t: 25 * 3600 * 1000 },
      { attachmentId: 'cut', version: 1, t: 10, x: 0.5, y: 0.5 },
      { attachmentId: 'cut', version: 1, t: 10, page: 1 }
    ];
    for (const [person, author] of people) {
      for (const pin of bad) {
        await attemptAs(
          person,
          (doc) => {
            const comments = roots(doc).cards.get(cardId)!.get(CardKey.comments) as Y.Map<unknown>;
            comments.set(`forged${bad.indexOf(pin)}`, { author, text: 'x', at: 1, pin });
          },
          null
        );
      }
    }
    expect((await serverThreads()).some((th) => th.comment.id.startsWith('forged'))).toBe(false);
  });
});
