import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../../server/auth/AuthService';
import { isInviteRequestError } from '../../../server/auth/InviteRequestError';
import { InviteService } from '../../../server/auth/InviteService';
import { SESSION_COOKIE } from '../../../server/auth/sessionCookie';
import { hashSessionToken } from '../../../server/auth/sessionToken';
import { createServices } from '../../../server/createServices';
import { clearServices, provideServices, type Services } from '../../../server/services';
import type { Persistence } from '../../../server/persistence/Persistence';
import { openSqlitePersistence } from '../../../server/persistence/sqlitePersistence';
import { handle } from '../../../src/hooks.server';
import { safeNext } from '../../../src/lib/server/auth-form';
import * as invitesApi from '../../../src/routes/api/boards/[id]/invites/+server';
import * as inviteApi from '../../../src/routes/api/boards/[id]/invites/[inviteId]/+server';
import * as invitePage from '../../../src/routes/invite/[token]/+page.server';
import { RecordingLogger, testConfig } from '../helpers/syncHarness';
import { CookieJar } from '../../unit/auth/cookieJar';

/** The address the endpoints see (SvelteKit's getClientAddress); sign-in limits count per address. */
const CLIENT_ADDRESS = '127.0.0.1';

const PASSWORD = 'a long enough password';
const ORIGIN = 'http://board.lan';
const DAY = 24 * 3600 * 1000;
type Json = { invite?: { id: string; url: string }; invites?: unknown[]; error?: { code: string } };

/** The refusal code of a promise that should fail with an InviteRequestError. */
async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e
  );
  if (!isInviteRequestError(error)) throw error;
  return error.code;
}

/** Invitations over a real SQLite file, through the service, the API endpoints and the invite page. */
describe('board invitations', () => {
  let dir: string;
  let persistence: Persistence;
  let services: Services;
  let boardId: string;
  const log = new RecordingLogger();
  const people: Record<string, { user: PublicUser; session: string }> = {};

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-invites-'));
    const config = testConfig(dir);
    persistence = openSqlitePersistence(config);
    services = createServices({ config, persistence, log });
    provideServices(services);
    const signUp = async (name: string) => {
      const { user, token } = await services.auth.signUp({
        email: `${name}@example.com`,
        password: PASSWORD
      });
      people[name] = { user, session: token };
    };
    await signUp('ann');
    await services.auth.setOpenSignup(people.ann!.user, true);
    for (const name of ['mia', 'ed', 'vic', 'una']) await signUp(name);
    await services.auth.setOpenSignup(people.ann!.user, false);
    boardId = (await services.boards.create({ title: 'Spring launch', creatorId: people.ann!.user.id })).id;
    for (const [name, role] of Object.entries({ mia: 'manager', ed: 'editor', vic: 'viewer' })) {
      await services.members.add(people.ann!.user.id, boardId, { email: `${name}@example.com`, role });
    }
  });

  afterEach(async () => {
    clearServices();
    await services.rooms.close();
    await persistence.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a route function as SvelteKit would: the real hook reads the session cookie first. */
  async function run<T>(
    fn: (e: RequestEvent) => Promise<T> | T,
    as: string | null,
    url: URL,
    init: RequestInit,
    params: object
  ) {
    const jar = new CookieJar(url, as ? { [SESSION_COOKIE]: people[as]!.session } : {});
    const request = new Request(url, init);
    const event = {
      request,
      url,
      cookies: jar.cookies,
      locals: {},
      params,
      setHeaders: () => {},
      getClientAddress: () => CLIENT_ADDRESS
    };
    let out: { value?: T; thrown?: unknown } = {};
    await handle({
      event: event as unknown as RequestEvent,
      resolve: async (e) => {
        out = await Promise.resolve(fn(e)).then(
          (value) => ({ value }),
          (thrown: unknown) => ({ thrown })
        );
        return new Response();
      }
    });
    return { ...out, session: jar.lastAttributes(SESSION_COOKIE)?.value };
  }

  async function api(
    fn: (e: never) => Response | Promise<Response>,
    as: string | null,
    method: string,
    body?: unknown,
    inviteId = ''
  ) {
    const url = new URL(`/api/boards/${boardId}/invites/${inviteId}`, ORIGIN);
    const init = { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const { value } = await run(fn as (e: RequestEvent) => Response | Promise<Response>, as, url, init, {
      id: boardId,
      inviteId
    });
    const text = (await value?.text()) ?? '';
    return { status: value?.status, text, json: (text ? JSON.parse(text) : null) as Json };
  }

  /** An invite page action's outcome: where it redirected, or the failure it answered. */
  async function action(
    name: 'join' | 'signup',
    token: string,
    as: string | null,
    form: Record<string, string> = {}
  ) {
    const url = new URL(`/invite/${token}?/${name}`, ORIGIN);
    const init = { method: 'POST', body: new URLSearchParams(form) };
    const result = await run<unknown>((e) => invitePage.actions[name]!(e as never), as, url, init, { token });
    if (isRedirect(result.thrown)) return { to: result.thrown.location, session: result.session };
    if (isActionFailure(result.value)) {
      const data: unknown = result.value.data;
      return { status: result.value.status, code: (data as { code: string }).code };
    }
    throw result.thrown ?? new Error(`unexpected result ${JSON.stringify(result.value)}`);
  }

  const tokenOf = (url: string) => url.slice(`${ORIGIN}/invite/`.length);
  async function link(as: string, body: object): Promise<string> {
    const res = await api(invitesApi.POST, as, 'POST', body);
    expect(res.status).toBe(201);
    return tokenOf(res.json.invite!.url);
  }
  const roleOf = (name: string) => services.members.roleOf(boardId, people[name]!.user.id);

  it('lets a manager make a link whose URL carries the token, while the database and the list keep only hashes', async () => {
    const res = await api(invitesApi.POST, 'mia', 'POST', { role: 'editor' });
    expect(res.status).toBe(201);
    expect(res.json.invite).toMatchObject({ role: 'editor', email: null, invitedBy: 'mia' });
    const token = tokenOf(res.json.invite!.url);
    expect(res.json.invite!.url).toMatch(/^http:\/\/board\.lan\/invite\/[A-Za-z0-9_-]{43}$/);

    const db = new Database(testConfig(dir).dbFile, { readonly: true });
    const rows = db.prepare('SELECT * FROM invites').all() as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashSessionToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const list = await api(invitesApi.GET, 'mia', 'GET');
    expect(list.json.invites).toEqual([
      expect.objectContaining({ id: hashSessionToken(token).slice(0, 16) })
    ]);
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain(hashSessionToken(token));
    expect(JSON.stringify(log.lines)).not.toContain(token);
  });

  it('refuses invites from viewers, editors, strangers and nobody, and an owner invite from a manager', async () => {
    expect((await api(invitesApi.POST, 'ed', 'POST', { role: 'viewer' })).status).toBe(403);
    expect((await api(invitesApi.POST, 'vic', 'POST', { role: 'viewer' })).status).toBe(403);
    expect((await api(invitesApi.GET, 'ed', 'GET')).status).toBe(403);
    expect((await api(invitesApi.POST, 'una', 'POST', { role: 'viewer' })).status).toBe(403);
    expect((await api(invitesApi.POST, null, 'POST', { role: 'viewer' })).status).toBe(401);
    const owner = await api(invitesApi.POST, 'mia', 'POST', { role: 'owner' });
    expect(owner).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect((await api(invitesApi.POST, 'mia', 'POST', { role: 'boss' })).status).toBe(400);
    expect((await api(invitesApi.POST, 'ann', 'POST', { role: 'owner' })).status).toBe(201);
    expect((await api(invitesApi.GET, 'mia', 'GET')).json.invites).toHaveLength(1);
  });

  it('lets a new person sign up through the link while sign-up is closed, in its role, and only once', async () => {
    expect(await services.auth.getSettings()).toEqual({ openSignup: false });
    const token = await link('mia', { role: 'commenter' });
    const form = { email: 'new@example.com', password: PASSWORD, name: 'Newt' };
    const joined = await action('signup', token, null, form);
    expect(joined.to).toBe(`/boards/${boardId}`);
    const newt = await services.auth.userForToken(joined.session);
    expect(newt?.email).toBe('new@example.com');
    expect(await services.members.roleOf(boardId, newt!.id)).toBe('commenter');

    const again = await action('signup', token, null, { ...form, email: 'other@example.com' });
    expect(again).toMatchObject({ status: 410, code: 'invite-used' });
    expect(await action('join', token, 'una')).toMatchObject({ code: 'invite-used' });
    expect(await roleOf('una')).toBeNull();
    const page = await run(
      (e) => invitePage.load(e as never),
      null,
      new URL(`/invite/${token}`, ORIGIN),
      {},
      { token }
    );
    expect(page.value).toMatchObject({ invite: null, problem: 'invite-used' });
  });

  it('refuses a link once its lifetime is over', async () => {
    const clock = { now: Date.now() };
    const invites = new InviteService({
      store: persistence.invites,
      members: services.members,
      users: persistence.accounts,
      auth: services.auth,
      boards: services.boards,
      log,
      now: () => clock.now
    });
    const { token } = await invites.create(people.mia!.user.id, boardId, { role: 'viewer' });
    clock.now += 7 * DAY;
    expect(await refusedWith(invites.join(token, people.una!.user))).toBe('invite-expired');
    clock.now -= 1;
    expect(await invites.join(token, people.una!.user)).toEqual({ boardId, role: 'viewer' });

    // Made "eight days ago" on the same file: the running server's real clock refuses it too.
    clock.now = Date.now() - 8 * DAY;
    const old = await invites.create(people.mia!.user.id, boardId, { role: 'viewer' });
    expect(await action('join', old.token, 'ed')).toMatchObject({ status: 410, code: 'invite-expired' });
    expect((await api(invitesApi.GET, 'mia', 'GET')).json.invites).toEqual([]);
  });

  it('keeps an email-bound link for that address and says so to anyone else', async () => {
    const token = await link('mia', { role: 'editor', email: ' New@Example.com ' });
    const wrong = await refusedWith(services.invites.join(token, people.una!.user));
    expect(wrong).toBe('invite-wrong-email');
    const message = await services.invites.join(token, people.una!.user).catch((e: Error) => e.message);
    expect(message).toContain('new@example.com');
    const other = { email: 'una2@example.com', password: PASSWORD };
    expect(await action('signup', token, null, other)).toMatchObject({
      status: 403,
      code: 'invite-wrong-email'
    });
    expect(await services.auth.signIn(other).catch(() => null)).toBeNull();

    const right = await action('signup', token, null, { email: 'new@example.com', password: PASSWORD });
    expect(right.to).toBe(`/boards/${boardId}`);
  });

  it('revokes a pending link by its id: it stops working and leaves the list', async () => {
    const token = await link('ann', { role: 'viewer' });
    const [listed] = (await api(invitesApi.GET, 'mia', 'GET')).json.invites as { id: string }[];
    expect((await api(inviteApi.DELETE, 'ed', 'DELETE', undefined, listed!.id)).status).toBe(403);
    expect((await api(inviteApi.DELETE, 'mia', 'DELETE', undefined, listed!.id)).status).toBe(204);
    expect((await api(inviteApi.DELETE, 'mia', 'DELETE', undefined, listed!.id)).status).toBe(404);
    expect((await api(invitesApi.GET, 'mia', 'GET')).json.invites).toEqual([]);
    expect(await action('join', token, 'una')).toMatchObject({ status: 404, code: 'invite-unknown' });
  });

  it('lets exactly one of two people joining with one link at the same moment in', async () => {
    const token = await link('mia', { role: 'editor' });
    await services.members.remove(people.ann!.user.id, boardId, people.vic!.user.id);
    const results = await Promise.allSettled([
      services.invites.join(token, people.una!.user),
      services.invites.join(token, people.vic!.user)
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect([await roleOf('una'), await roleOf('vic')].filter(Boolean)).toEqual(['editor']);
  });

  it('leaves a member who has the role (or more) as they are and the link unused; raises one below it', async () => {
    const token = await link('mia', { role: 'editor' });
    expect(await action('join', token, 'mia')).toMatchObject({ to: `/boards/${boardId}` });
    expect(await roleOf('mia')).toBe('manager');
    expect(await action('join', token, 'vic')).toMatchObject({ to: `/boards/${boardId}` });
    expect(await roleOf('vic')).toBe('editor');
  });

  it('stops a link working when its maker may no longer invite, and when its board is deleted', async () => {
    const token = await link('mia', { role: 'viewer' });
    await services.members.setRole(people.ann!.user.id, boardId, people.mia!.user.id, 'editor');
    expect(await refusedWith(services.invites.preview(token))).toBe('invite-void');
    const kept = await link('ann', { role: 'viewer' });
    await services.boards.delete(boardId);
    expect(await refusedWith(services.invites.preview(kept))).toBe('invite-unknown');
  });

  it('goes on after sign-in only to a path on this site', async () => {
    for (const good of ['/invite/abc', '/boards/x?card=1', '/']) expect(safeNext(good)).toBe(good);
    for (const bad of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil',
      'x/y'
    ]) {
      expect(safeNext(bad)).toBeNull();
    }
  });
});
