/**
 * Adding someone to a board by email is an invitation they accept, over real HTTP against a real
 * server and SQLite file: the answer is the same whether the address has an account or not, and
 * the board reaches the person's list only when they accept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '#server/app';
import type { PublicUser } from '#server/auth/AuthService';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import * as membersApi from '#src/routes/api/boards/[id]/members/+server';
import * as receivedApi from '#src/routes/api/invites/+server';
import * as receivedOneApi from '#src/routes/api/invites/[inviteId]/+server';
import * as acceptApi from '#src/routes/api/invites/[inviteId]/accept/+server';
import { RecordingLogger, sessionCookie, tempDir, testConfig } from '../helpers/syncHarness';
import { svelteRoutes } from '../helpers/svelteRoutes';

const PASSWORD = 'a long enough password';
const ROUTES = svelteRoutes([
  { method: 'POST', path: /^\/api\/boards\/([^/]+)\/members$/, params: ['id'], run: membersApi.POST },
  { method: 'GET', path: /^\/api\/invites$/, params: [], run: receivedApi.GET },
  { method: 'DELETE', path: /^\/api\/invites\/([^/]+)$/, params: ['inviteId'], run: receivedOneApi.DELETE },
  { method: 'POST', path: /^\/api\/invites\/([^/]+)\/accept$/, params: ['inviteId'], run: acceptApi.POST }
]);

type Person = { user: PublicUser; cookie: string };
type Received = { id: string; boardId: string; boardTitle: string; role: string; invitedBy: string };

describe('adding a member by email', () => {
  let server: RunningServer;
  let cleanup: () => void;
  let boardId: string;
  const people: Record<string, Person> = {};

  beforeEach(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const config = testConfig(tmp.dir);
    const persistence = openSqlitePersistence(config);
    server = await startServer({ config, persistence, log: new RecordingLogger(), handler: ROUTES });
    const { auth, boards } = server.services;
    for (const name of ['ann', 'bob', 'cai', 'dan']) {
      if (name === 'bob') await auth.setOpenSignup(people.ann!.user, true);
      const { user, token } = await auth.signUp({ email: `${name}@example.com`, password: PASSWORD, name });
      people[name] = { user, cookie: sessionCookie(token) };
    }
    await auth.setOpenSignup(people.ann!.user, false);
    boardId = (await boards.create({ title: 'Spring launch', creatorId: people.ann!.user.id })).id;
  });

  afterEach(async () => {
    await server.close();
    cleanup();
  });

  const request = (as: string, method: string, path: string, body?: object) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: people[as]!.cookie, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    });
  const add = (email: string, role = 'editor') =>
    request('ann', 'POST', `/api/boards/${boardId}/members`, { email, role });
  const received = async (as: string) =>
    ((await (await request(as, 'GET', '/api/invites')).json()) as { invites: Received[] }).invites;
  const boardsOf = async (as: string) =>
    (await server.services.boards.listFor(people[as]!.user.id)).map((b) => b.id);

  it('answers alike for an address with an account and one without: same status, same body but for ids and the address', async () => {
    const known = await add('bob@example.com');
    const unknown = await add('nobody@example.com');
    const shape = async (res: Response, email: string) => {
      const text = await res.text();
      const body = JSON.parse(text) as { invite: Record<string, unknown> };
      const { id, url, createdAt, expiresAt } = body.invite;
      return text
        .replaceAll(String(id), 'ID')
        .replaceAll(String(url), 'URL')
        .replaceAll(email, 'EMAIL')
        .replaceAll(String(createdAt), 'T0')
        .replaceAll(String(expiresAt), 'T1');
    };
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));
    expect(await shape(unknown, 'nobody@example.com')).toBe(await shape(known, 'bob@example.com'));
  });

  it('puts the board in the invitee’s list only when they accept, and declining leaves it out', async () => {
    expect((await add('bob@example.com')).status).toBe(201);
    expect((await add('CAI@example.com ', 'commenter')).status).toBe(201);
    expect(await boardsOf('bob')).toEqual([]);
    expect(await server.services.members.roleOf(boardId, people.bob!.user.id)).toBeNull();

    const [forBob] = await received('bob');
    expect(forBob).toMatchObject({ boardId, boardTitle: 'Spring launch', role: 'editor', invitedBy: 'ann' });
    expect(await received('dan')).toEqual([]);
    // Someone else cannot use or drop an invitation meant for another address, even knowing its id.
    expect((await request('dan', 'POST', `/api/invites/${forBob!.id}/accept`)).status).toBe(404);
    expect((await request('dan', 'DELETE', `/api/invites/${forBob!.id}`)).status).toBe(404);

    const accepted = await request('bob', 'POST', `/api/invites/${forBob!.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ boardId, role: 'editor' });
    expect(await boardsOf('bob')).toEqual([boardId]);
    expect(await received('bob')).toEqual([]);

    const [forCai] = await received('cai');
    expect((await request('cai', 'DELETE', `/api/invites/${forCai!.id}`)).status).toBe(204);
    expect(await received('cai')).toEqual([]);
    expect(await boardsOf('cai')).toEqual([]);
    expect((await request('cai', 'POST', `/api/invites/${forCai!.id}/accept`)).status).toBe(404);
  });

  it('lists an invitation only for an account that had the address when it was made; a later account needs the link', async () => {
    // Nothing checks that an account owns its address: someone who signs up with an address
    // after an invitation to it was made must not collect it without the link.
    const res = await add('eve@example.com');
    const url = ((await res.json()) as { invite: { url: string } }).invite.url;
    const { auth, invites } = server.services;
    await auth.setOpenSignup(people.ann!.user, true);
    const eve = await auth.signUp({ email: 'eve@example.com', password: PASSWORD, name: 'Eve' });
    people.eve = { user: eve.user, cookie: sessionCookie(eve.token) };
    expect(await received('eve')).toEqual([]);
    const id = url.slice(url.lastIndexOf('/') + 1);
    expect(await invites.join(id, eve.user)).toEqual({ boardId, role: 'editor' });
  });

  it('replaces an earlier pending invitation to the same address instead of stacking a second one', async () => {
    const first = (await (await add('bob@example.com', 'viewer')).json()) as { invite: { url: string } };
    expect((await add('BOB@example.com', 'editor')).status).toBe(201);
    const pending = await server.services.invites.listPending(people.ann!.user.id, boardId);
    expect(pending.filter((i) => i.email === 'bob@example.com').map((i) => i.role)).toEqual(['editor']);
    expect((await received('bob')).map((i) => i.role)).toEqual(['editor']);
    // The earlier link stops working, as a resent invitation's would.
    const token = first.invite.url.slice(first.invite.url.lastIndexOf('/') + 1);
    await expect(server.services.invites.join(token, people.bob!.user)).rejects.toMatchObject({
      status: 404
    });
  });
});
