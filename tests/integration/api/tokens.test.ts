/**
 * Issue 19 Done-when 3 over real HTTP against a real server, SQLite file and WebSocket clients:
 * a read token cannot write, a write token cannot pass a gate, a revoked token stops at once, an
 * expired one is refused, a viewer's write token still cannot write, and one account's token
 * cannot reach another's boards. An API write reaches the live room and the activity log under
 * the token's account.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roots } from '#lib/board/schema';
import WebSocket from 'ws';
import { connectClient, storedDoc, tempDir, waitFor, type TestClient } from '../helpers/syncHarness';
import { apiFixture, type ApiFixture } from './apiFixture';

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('personal access tokens on the REST API', () => {
  const tmp = tempDir();
  let f: ApiFixture;
  let watcher: TestClient;
  /** Updates the watcher's live client has received since the last `reset`. */
  let received = 0;

  beforeAll(async () => {
    f = await apiFixture(tmp.dir);
    watcher = await connectClient(f.server, f.boardId);
    watcher.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== null && origin !== undefined) received++;
    });
  });

  afterAll(async () => {
    watcher.destroy();
    await f.server.stop();
    tmp.cleanup();
  });

  const board = () => `/api/v1/boards/${f.boardId}`;
  const stageOf = (cardId: string) =>
    f.server.rooms.read(f.boardId, (doc) => roots(doc).cards.get(cardId)?.get('stageId'));
  const snapshot = () => f.server.rooms.read(f.boardId, (doc) => Y.encodeStateVector(doc).join(','));

  /** Every v1 write, plus the cookie-era approve route, as one token sends them. */
  const writes = (cardId: string) =>
    [
      ['POST', `${board()}/cards`, { stageId: f.firstStage, title: 'New' }],
      ['PATCH', `${board()}/cards/${cardId}`, { title: 'Renamed' }],
      ['POST', `${board()}/cards/${cardId}/archive`, {}],
      ['POST', `${board()}/cards/${cardId}/move`, { stageId: f.firstStage, position: 0 }],
      ['POST', `${board()}/cards/${cardId}/comments`, { text: 'Hello' }],
      ['POST', `${board()}/cards/${cardId}/checklist`, { text: 'Proofread' }],
      ['PATCH', `${board()}/cards/${cardId}/checklist/someitem`, { done: true }],
      ['POST', `/api/boards/${f.boardId}/cards/${f.gatedCard}/approve`, {}]
    ] as const;

  it("a read token of the board's owner reads, and every write route (and approve) answers 403 token-read-only, the document unchanged", async () => {
    const { token } = await f.token(f.owner, 'read');
    expect((await f.call(token, 'GET', board())).status).toBe(200);
    const listed = await f.call(token, 'GET', `${board()}/cards`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { cards: unknown[] }).cards.length).toBe(2);
    const mine = (await (await f.call(token, 'GET', '/api/v1/boards')).json()) as {
      boards: { role: string }[];
    };
    expect(mine.boards.map((b) => b.role)).toEqual(['viewer']);
    const before = await snapshot();
    for (const [method, path, body] of writes(f.openCard)) {
      const res = await f.call(token, method, path, body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      expect(await errorCode(res)).toBe('token-read-only');
    }
    expect(await snapshot()).toBe(before);
  });

  it('a write token cannot pass a gate: the move out of the unapproved stage is refused, the document unchanged, nothing broadcast', async () => {
    const { token } = await f.token(f.owner, 'write');
    const before = await snapshot();
    received = 0;
    const res = await f.call(token, 'POST', `${board()}/cards/${f.gatedCard}/move`, { stageId: f.pastGate });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('gate-closed');
    expect(await stageOf(f.gatedCard)).toBe(f.gated);
    expect(await snapshot()).toBe(before);
    const stored = await storedDoc(f.server.store, f.boardId);
    expect(roots(stored).cards.get(f.gatedCard)?.get('stageId')).toBe(f.gated);
    // A write that goes through afterwards arrives: had the refused one been sent, it came first.
    const ok = await f.call(token, 'POST', `${board()}/cards/${f.gatedCard}/comments`, {
      text: 'Waiting for approval'
    });
    expect(ok.status).toBe(201);
    await waitFor('the comment to reach the watcher', () => received > 0);
    expect(roots(watcher.doc).cards.get(f.gatedCard)?.get('stageId')).toBe(f.gated);
    expect(received).toBe(1);
  });

  it('the gate is the update policy\'s: an update written raw past the board operations, applied as the member, is refused "gate-closed"', async () => {
    const { user } = f.people.editor;
    const origin = { source: 'client' as const, connectionId: 'api:test', userId: user.id };
    const result = await f.server.rooms.applyAs(
      f.boardId,
      {
        peer: { userId: user.id, sessionId: 'api:test', name: user.name, color: user.color, role: 'editor' },
        origin,
        label: 'api:test'
      },
      (doc) => roots(doc).cards.get(f.gatedCard)!.set('stageId', f.pastGate)
    );
    expect(result).toMatchObject({ ok: false, reason: 'gate-closed' });
    expect(await stageOf(f.gatedCard)).toBe(f.gated);
    // The refused write leaves nothing behind for the next one to build on: a move of the same
    // card's stage (back: allowed) lands whole, with nothing waiting on a missing part.
    const { token } = await f.token(f.people.editor, 'write');
    const back = await f.call(token, 'POST', `${board()}/cards/${f.gatedCard}/move`, {
      stageId: f.firstStage
    });
    expect(back.status).toBe(200);
    expect(await stageOf(f.gatedCard)).toBe(f.firstStage);
    expect(await f.server.rooms.read(f.boardId, (doc) => doc.store.pendingStructs)).toBeNull();
    await waitFor(
      'the move in the live client',
      () => roots(watcher.doc).cards.get(f.gatedCard)?.get('stageId') === f.firstStage
    );
  });

  it("an API write reaches a connected client and the activity log under the token's account", async () => {
    const { token } = await f.token(f.people.editor, 'write');
    const res = await f.call(token, 'POST', `${board()}/cards`, {
      stageId: f.gated,
      title: 'Launch banner',
      description: '横幅尺寸 3×1 米',
      due: '2026-12-20',
      assignees: [f.people.editor.user.id]
    });
    expect(res.status).toBe(201);
    const card = (await res.json()) as {
      id: string;
      title: string;
      description: string;
      due: string;
      assignees: string[];
    };
    expect(card).toMatchObject({ title: 'Launch banner', description: '横幅尺寸 3×1 米', due: '2026-12-20' });
    expect(card.assignees).toEqual([f.people.editor.user.id]);
    await waitFor('the card in the live client', () => roots(watcher.doc).cards.get(card.id));
    const entries = await waitFor('the activity entry', async () =>
      (await f.server.services.activity.list(f.boardId, { cardId: card.id })).find(
        (e) => e.kind === 'card.created'
      )
    );
    expect(entries.userId).toBe(f.people.editor.user.id);
    // A move (back: a gate holds only forward moves) is the editor's too.
    const moved = await f.call(token, 'POST', `${board()}/cards/${card.id}/move`, { stageId: f.firstStage });
    expect(moved.status).toBe(200);
    await waitFor(
      'the move in the live client',
      () => roots(watcher.doc).cards.get(card.id)?.get('stageId') === f.firstStage
    );
    const kinds = await waitFor('the move entry', async () => {
      const list = await f.server.services.activity.list(f.boardId, { cardId: card.id });
      return list.some((e) => e.kind === 'card.moved') ? list : null;
    });
    expect(kinds.filter((e) => e.kind === 'card.moved').map((e) => e.userId)).toEqual([
      f.people.editor.user.id
    ]);
  });

  it('a revoked token stops at once: the next request is 401 token-invalid', async () => {
    const { token, id } = await f.token(f.people.editor, 'write');
    expect((await f.call(token, 'GET', board())).status).toBe(200);
    const revoked = await f.call({ cookie: f.people.editor.cookie }, 'DELETE', `/api/account/tokens/${id}`);
    expect(revoked.status).toBe(204);
    const after = await f.call(token, 'GET', board());
    expect(after.status).toBe(401);
    expect(await errorCode(after)).toBe('token-invalid');
    // Someone else cannot revoke it (or learn it exists): 404.
    const other = await f.token(f.people.manager, 'read');
    const theirs = await f.call(
      { cookie: f.people.editor.cookie },
      'DELETE',
      `/api/account/tokens/${other.id}`
    );
    expect(theirs.status).toBe(404);
    expect((await f.call(other.token, 'GET', board())).status).toBe(200);
  });

  it('an expired token is 401 token-expired', async () => {
    const { token, id } = await f.token(f.people.editor, 'write', 7);
    expect((await f.call(token, 'GET', board())).status).toBe(200);
    // Seven days later, as the database sees it: written through a second connection.
    const db = new Database(f.server.config.dbFile);
    db.prepare('UPDATE access_tokens SET expires_at = ? WHERE id = ?').run(Date.now() - 1, id);
    db.close();
    const res = await f.call(token, 'GET', board());
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('token-expired');
  });

  it("a viewer's write token still cannot write; a commenter's may comment, as themselves, and nothing else", async () => {
    const viewer = await f.token(f.people.viewer, 'write');
    for (const [method, path, body] of writes(f.openCard)) {
      const res = await f.call(viewer.token, method, path, body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
    const commenter = await f.token(f.people.commenter, 'write');
    const said = await f.call(commenter.token, 'POST', `${board()}/cards/${f.openCard}/comments`, {
      text: '看过了'
    });
    expect(said.status).toBe(201);
    expect(await said.json()).toMatchObject({ author: f.people.commenter.user.id, text: '看过了' });
    const edit = await f.call(commenter.token, 'PATCH', `${board()}/cards/${f.openCard}`, {
      title: 'Mine now'
    });
    expect(edit.status).toBe(403);
  });

  it("one account's token reaches none of another's boards, answering as the cookie path does", async () => {
    const { token } = await f.token(f.stranger, 'write');
    const theirs = `/api/v1/boards/${f.stranger.boardId}`;
    expect((await f.call(token, 'GET', theirs)).status).toBe(200);
    for (const path of [board(), `${board()}/cards`, `${board()}/cards/${f.openCard}`]) {
      const byToken = await f.call(token, 'GET', path);
      const byCookie = await f.call({ cookie: f.stranger.cookie }, 'GET', path);
      expect([byToken.status, byCookie.status]).toEqual([403, 403]);
    }
    const write = await f.call(token, 'POST', `${board()}/cards`, {
      stageId: f.firstStage,
      title: 'Intruder'
    });
    expect(write.status).toBe(403);
    const listed = (await (await f.call(token, 'GET', '/api/v1/boards')).json()) as {
      boards: { id: string }[];
    };
    expect(listed.boards.map((b) => b.id)).toEqual([f.stranger.boardId]);
  });

  it('a token cannot make or list tokens (a browser session only), and a bad or missing bearer is 401', async () => {
    const { token } = await f.token(f.owner, 'write');
    const made = await f.call(token, 'POST', '/api/account/tokens', {
      name: 'x',
      scope: 'write',
      expiresInDays: null
    });
    expect(made.status).toBe(403);
    expect(await errorCode(made)).toBe('token-not-allowed');
    expect((await f.call(token, 'GET', '/api/account/tokens')).status).toBe(403);
    for (const bad of [`sbp_${'A'.repeat(43)}`, 'not-a-token', token.slice(0, -1)]) {
      const res = await f.call(bad, 'GET', board());
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe('token-invalid');
    }
    const basic = await fetch(`${f.server.url}${board()}`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' }
    });
    expect(basic.status).toBe(401);
    // The cookie that rides along with a bearer lends it nothing.
    const read = await f.token(f.owner, 'read');
    const both = await fetch(`${f.server.url}${board()}/cards`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${read.token}`,
        cookie: f.owner.cookie,
        'content-type': 'application/json'
      },
      body: JSON.stringify({ stageId: f.firstStage, title: 'Sneaky' })
    });
    expect(both.status).toBe(403);
  });

  it('a token opens no live connection: the sync upgrade with only a bearer token is 401', async () => {
    const { token } = await f.token(f.owner, 'write');
    const socket = new WebSocket(`${f.server.syncUrl}/${f.boardId}`, {
      headers: { authorization: `Bearer ${token}`, origin: f.server.url }
    });
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
    });
    socket.on('error', () => {}); // the refused handshake's own error, expected
    socket.terminate();
    expect(status).toBe(401);
  });

  it('refuses a token without a name, with an unknown scope or expiry, and lists names, never tokens', async () => {
    const make = (body: object) =>
      f.call({ cookie: f.people.manager.cookie }, 'POST', '/api/account/tokens', body);
    const refused = async (body: object) => {
      const res = await make(body);
      return `${res.status} ${await errorCode(res)}`;
    };
    expect(await refused({ name: '  ', scope: 'read', expiresInDays: 7 })).toBe('400 invalid-token-name');
    expect(await refused({ name: 'x'.repeat(81), scope: 'read', expiresInDays: 7 })).toBe(
      '400 invalid-token-name'
    );
    expect(await refused({ name: 'ok', scope: 'admin', expiresInDays: 7 })).toBe('400 invalid-token-scope');
    expect(await refused({ name: 'ok', scope: 'read', expiresInDays: 3 })).toBe('400 invalid-token-expiry');
    const listed = await f.call({ cookie: f.people.manager.cookie }, 'GET', '/api/account/tokens');
    const text = await listed.text();
    expect(text).not.toMatch(/sbp_|tokenHash/);
    expect((JSON.parse(text) as { tokens: { name: string }[] }).tokens.length).toBeGreaterThan(0);
  });

  it('stores only the hash: the token never reaches the database file', async () => {
    const { token } = await f.token(f.owner, 'write');
    const db = new Database(f.server.config.dbFile, { readonly: true });
    const rows = db.prepare('SELECT * FROM access_tokens').all() as Record<string, unknown>[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
  });
});
