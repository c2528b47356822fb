/**
 * Roles enforced on the WebSocket path, with real y-websocket clients signed in as real accounts
 * on a real server and SQLite file: the allowed edits of each role land, and every refused one is
 * closed with UpdateRefused, is not applied, stored or broadcast, and the sender, opening a fresh
 * copy as Stageboard's client does, ends with the server's state.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROLES, type BoardRole } from '#lib/auth/permissions';
import {
  addCard,
  addComment,
  approvalKey,
  moveCard,
  readBoard,
  readCardDetail,
  readStages,
  renameStage,
  setCardTitle,
  setChecklistItemDone
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import {
  connectClient,
  rawSocket,
  startTestServer,
  storedDoc,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

/** An edit one person tries on their own copy of the board; `n` makes each attempt a real change. */
type Attempt = (doc: Y.Doc, ctx: { userId: string; cardId: string; gatedCardId: string; n: number }) => void;

/** Stages by position: renames made by earlier tests do not move them. */
const stageAt = (doc: Y.Doc, index: number): string => readStages(doc)[index]!.id;
const gatedStage = (doc: Y.Doc): number => readStages(doc).findIndex((s) => s.gate !== null);

const ATTEMPTS: Record<string, Attempt> = {
  'create card': (doc, { n }) => void addCard(doc, { stageId: stageAt(doc, 0), title: `New brief ${n}` }),
  'edit card': (doc, { cardId, n }) => setCardTitle(doc, cardId, `Renamed poster ${n}`),
  // Between the first two stages, whichever the card is not in: a real move every time.
  'move card': (doc, { cardId }) => {
    const [first, second] = [stageAt(doc, 0), stageAt(doc, 1)];
    moveCard(doc, cardId, roots(doc).cards.get(cardId)!.get('stageId') === first ? second : first, 0);
  },
  'tick checklist': (doc, { cardId }) => {
    const item = readCardDetail(cardId, roots(doc).cards.get(cardId)!).checklist[0]!;
    setChecklistItemDone(doc, cardId, item.id, !item.done);
  },
  comment: (doc, { cardId, userId, n }) =>
    void addComment(doc, cardId, { author: userId, text: `Looks good ${n}` }),
  'edit stages': (doc, { n }) => renameStage(doc, stageAt(doc, 0), `Kick-off ${n}`),
  // Forgeries: what only the server writes, written straight into the document.
  'approve (forged)': (doc, { gatedCardId, userId }) => {
    const key = approvalKey(gatedCardId, stageAt(doc, gatedStage(doc)), 0);
    doc.transact(() => roots(doc).approvals.set(key, { by: userId, name: 'x', at: 1, note: '' }));
  },
  'send back (forged)': (doc, { gatedCardId }) => {
    const log = roots(doc).cards.get(gatedCardId)!.get('revisions') as Y.Array<unknown>;
    doc.transact(() => log.push([{ from: 'a', to: 'b', at: 1 }]));
  },
  // moveCard itself refuses this, so the forgery writes the field directly.
  'move past a closed gate': (doc, { gatedCardId }) => {
    const card = roots(doc).cards.get(gatedCardId)!;
    doc.transact(() => card.set('stageId', stageAt(doc, gatedStage(doc) + 1)));
  }
};

/** Which attempts each role may make over the socket (approve and send back are HTTP calls). */
const ALLOWED: Record<BoardRole, string[]> = {
  owner: ['create card', 'edit card', 'move card', 'tick checklist', 'comment', 'edit stages'],
  manager: ['create card', 'edit card', 'move card', 'tick checklist', 'comment', 'edit stages'],
  editor: ['create card', 'edit card', 'move card', 'tick checklist', 'comment'],
  commenter: ['comment'],
  viewer: []
};

describe('roles over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;
  let cardId: string;
  let gatedCardId: string;
  const people = new Map<BoardRole, SyncTarget & { userId: string }>();
  let watcher: TestClient;

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({
      title: 'Spring poster',
      templateId: 'design-review',
      creatorId: server.owner.id
    });
    boardId = board.id;
    await server.rooms.change(boardId, (doc) => {
      cardId = addCard(doc, { stageId: stageAt(doc, 0), title: 'Poster' });
      gatedCardId = addCard(doc, { stageId: stageAt(doc, gatedStage(doc)), title: 'Final poster' });
    });
    people.set('owner', { ...server, userId: server.owner.id });
    for (const role of BOARD_ROLES.filter((r) => r !== 'owner')) {
      const person = await server.member(boardId, role);
      people.set(role, { ...person, userId: person.user.id });
    }
    watcher = await connectClient(server, boardId);
  });

  afterAll(async () => {
    watcher.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const serverState = () => server.rooms.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));
  const serverVector = () => server.rooms.read(boardId, (doc) => Y.encodeStateVector(doc));

  let n = 0;
  for (const role of BOARD_ROLES) {
    for (const [action, attempt] of Object.entries(ATTEMPTS)) {
      const allowed = ALLOWED[role].includes(action);
      it(`${role}: ${action} is ${allowed ? 'applied' : 'refused'}`, async () => {
        const person = people.get(role)!;
        const client = await connectClient(person, boardId);
        try {
          const before = await serverVector();
          const watcherBefore = Y.encodeStateVector(watcher.doc);
          attempt(client.doc, { userId: person.userId, cardId, gatedCardId, n: ++n });
          if (allowed) {
            await waitFor('the edit to reach the watcher', async () => {
              const now = await serverVector();
              return (
                Buffer.compare(Buffer.from(now), Buffer.from(before)) !== 0 &&
                Buffer.compare(Buffer.from(Y.encodeStateVector(watcher.doc)), Buffer.from(now)) === 0
              );
            });
            expect(client.closes).toEqual([]);
            return;
          }
          await waitFor('the refusal', () => client.closes.length > 0);
          expect(client.closes[0]).toEqual({ code: CloseCode.UpdateRefused, reason: expect.any(String) });
          // Not applied (so not stored either: the store only holds what the room applied).
          expect(await serverVector()).toEqual(before);
          expect(Y.encodeStateVector(watcher.doc)).toEqual(watcherBefore);
          const stored = await storedDoc(server.store, boardId);
          expect(Y.encodeStateVector(stored)).toEqual(before);
          // The sender drops its copy and opens a fresh one: it holds exactly the server's state.
          const fresh = await connectClient(person, boardId);
          try {
            const mirror = new Y.Doc();
            Y.applyUpdate(mirror, await serverState());
            expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(mirror));
            expect(readBoard(fresh.doc)).toEqual(readBoard(mirror));
          } finally {
            fresh.destroy();
          }
        } finally {
          client.destroy();
        }
      });
    }
  }
});

describe('membership changes reach open connections', () => {
  let server: TestServer;

  beforeEach(async () => {
    const tmp = tempDir();
    server = await startTestServer(tmp.dir);
    await server.createBoard('team');
    return async () => {
      await server.stop();
      tmp.cleanup();
    };
  });

  it('removing a member cuts their socket at once with AccessRemoved, and they cannot come back', async () => {
    const editor = await server.member('team', 'editor');
    const client = await connectClient(editor, 'team');
    await server.services.members.remove(server.owner.id, 'team', editor.user.id);
    await waitFor('the cut', () => client.closes.length > 0);
    expect(client.closes[0]?.code).toBe(CloseCode.AccessRemoved);
    client.destroy();
    const again = rawSocket(editor, 'team');
    const status = await new Promise<number>((resolve) => {
      again.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      again.once('open', () => resolve(101));
      again.once('error', () => {});
    });
    again.terminate();
    expect(status).toBe(403);
  });

  it('a role change closes with RoleChanged (y-websocket reconnects) and the new role applies', async () => {
    const person = await server.member('team', 'editor');
    const client = await connectClient(person, 'team');
    await server.services.members.setRole(server.owner.id, 'team', person.user.id, 'viewer');
    await waitFor('the close', () => client.closes.length > 0);
    expect(client.closes[0]?.code).toBe(CloseCode.RoleChanged);
    await waitFor('the reconnect', () => client.provider.synced);
    client.doc.getMap('meta').set('title', 'A viewer’s title');
    await waitFor('the refusal', () => client.closes.some((c) => c.code === CloseCode.UpdateRefused));
    client.destroy();
  });

  it('signing out elsewhere ends that session’s sockets with SessionEnded, and only those', async () => {
    const person = await server.member('team', 'editor');
    const client = await connectClient(person, 'team');
    const other = await connectClient(server, 'team');
    await server.services.auth.signOut(person.cookie.split('=')[1]);
    await waitFor('the close', () => client.closes.length > 0);
    expect(client.closes[0]?.code).toBe(CloseCode.SessionEnded);
    expect(other.closes).toEqual([]);
    client.destroy();
    other.destroy();
  });
});
