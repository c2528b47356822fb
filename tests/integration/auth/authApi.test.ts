import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '#server/auth/sessionCookie';
import { createServices } from '#server/createServices';
import { clearServices, provideServices, type Services } from '#server/services';
import type { Persistence } from '#server/persistence/Persistence';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import { handle } from '#src/hooks.server';
import * as me from '#src/routes/api/auth/me/+server';
import * as settings from '#src/routes/api/auth/settings/+server';
import * as signin from '#src/routes/api/auth/signin/+server';
import * as signout from '#src/routes/api/auth/signout/+server';
import * as signup from '#src/routes/api/auth/signup/+server';
import * as boardsApi from '#src/routes/api/boards/+server';
import { RecordingLogger, testConfig } from '../helpers/syncHarness';
import { CookieJar } from '../../unit/auth/cookieJar';

/** The address the endpoints see (SvelteKit's getClientAddress); sign-in limits count per address. */
const CLIENT_ADDRESS = '127.0.0.1';

/** An endpoint of any route: each one's RequestEvent type names its own route id. */
type Endpoint<E> = (event: E) => Response | Promise<Response>;
/** A response body of the auth API. */
type Body = { user?: Record<string, unknown>; settings?: unknown; error?: { code: string } } | null;

const PASSWORD = 'a long enough password';

/**
 * The auth API as SvelteKit runs it, minus the HTTP server: the real `handle` hook sets
 * locals.user from the cookie, then the endpoint runs; cookies behave like SvelteKit's.
 */
describe('the auth API', () => {
  let dir: string;
  let dbFile: string;
  let persistence: Persistence;
  let services: Services;
  let log: RecordingLogger;
  /** The browser's cookie, carried from response to request like a browser would. */
  let session: string | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-auth-api-'));
    const config = testConfig(dir);
    dbFile = config.dbFile;
    persistence = openSqlitePersistence(config);
    log = new RecordingLogger();
    services = createServices({ config, persistence, log });
    provideServices(services);
    session = undefined;
  });

  afterEach(async () => {
    clearServices();
    await services.rooms.close();
    await persistence.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function call<E>(endpoint: Endpoint<E>, method: string, body?: unknown, origin = 'http://board.lan') {
    const url = new URL('/api/auth/x', origin);
    const jar = new CookieJar(url, session === undefined ? {} : { [SESSION_COOKIE]: session });
    const request = new Request(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const event = {
      request,
      url,
      cookies: jar.cookies,
      locals: {},
      params: {},
      getClientAddress: () => CLIENT_ADDRESS
    } as unknown as RequestEvent;
    const response = await handle({ event, resolve: (e) => endpoint(e as unknown as E) });
    const cookie = jar.lastAttributes(SESSION_COOKIE);
    if (cookie) session = cookie['max-age'] === '0' ? undefined : String(cookie.value);
    const text = await response.text();
    return { status: response.status, text, json: (text ? JSON.parse(text) : null) as Body, jar };
  }

  it('signs up, answers 201 with the public user and a session cookie, and knows who is signed in', async () => {
    const res = await call(signup.POST, 'POST', {
      email: 'Ann@Example.com',
      password: PASSWORD,
      name: 'Ann'
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json?.user ?? {}).sort()).toEqual(['color', 'email', 'id', 'isAdmin', 'name']);
    expect(res.json?.user).toMatchObject({ email: 'ann@example.com', isAdmin: true });
    expect(res.jar.lastAttributes(SESSION_COOKIE)).toMatchObject({
      httponly: true,
      samesite: 'Lax',
      path: '/',
      'max-age': String(30 * 24 * 3600)
    });
    expect(res.jar.lastAttributes(SESSION_COOKIE)?.secure).toBeUndefined();

    const who = await call(me.GET, 'GET');
    expect(who).toMatchObject({ status: 200, json: { user: res.json?.user } });
  });

  it('makes a signed-in person the owner of a board they create, and refuses to create one without a session', async () => {
    const { json } = await call(signup.POST, 'POST', { email: 'ann@example.com', password: PASSWORD });
    const created = await call(boardsApi.POST, 'POST', {
      title: 'Spring launch',
      templateId: 'design-review'
    });
    expect(created.status).toBe(201);
    const boardId = (JSON.parse(created.text) as { board: { id: string } }).board.id;
    expect(await services.members.roleOf(boardId, String(json?.user?.id))).toBe('owner');
    expect((await services.members.list(String(json?.user?.id), boardId)).map((m) => m.role)).toEqual([
      'owner'
    ]);

    session = undefined;
    const before = (await services.boards.list(true)).length;
    const anonymous = await call(boardsApi.POST, 'POST', { title: 'Nobody’s board' });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toMatchObject({ error: { code: 'sign-in-required' } });
    expect((await services.boards.list(true)).length).toBe(before);
  });

  it('sets a Secure cookie when the request came over https', async () => {
    const res = await call(
      signup.POST,
      'POST',
      { email: 'a@b.co', password: PASSWORD },
      'https://board.example'
    );
    expect(res.jar.lastAttributes(SESSION_COOKIE)?.secure).toBe(true);
  });

  it('answers 401 for nobody, and clears a cookie whose session is gone', async () => {
    expect(await call(me.GET, 'GET')).toMatchObject({
      status: 401,
      json: { error: { code: 'not-signed-in' } }
    });
    session = 'a'.repeat(43);
    const res = await call(me.GET, 'GET');
    expect(res.status).toBe(401);
    expect(res.jar.lastAttributes(SESSION_COOKIE)?.['max-age']).toBe('0');
  });

  it('signs in and out: 200 with a cookie, then 204 with the cookie cleared and the session deleted', async () => {
    await call(signup.POST, 'POST', { email: 'ann@example.com', password: PASSWORD });
    session = undefined;
    const wrong = await call(signin.POST, 'POST', { email: 'ann@example.com', password: 'not the password' });
    expect(wrong).toMatchObject({ status: 401, json: { error: { code: 'bad-credentials' } } });
    expect(session).toBeUndefined();

    const right = await call(signin.POST, 'POST', { email: 'ann@example.com', password: PASSWORD });
    expect(right.status).toBe(200);
    const token = session;
    expect(await services.auth.userForToken(token)).not.toBeNull();

    const out = await call(signout.POST, 'POST');
    expect(out.status).toBe(204);
    expect(out.jar.lastAttributes(SESSION_COOKIE)).toMatchObject({ value: '', 'max-age': '0', path: '/' });
    expect(await services.auth.userForToken(token)).toBeNull();
    expect((await call(me.GET, 'GET')).status).toBe(401);
  });

  it('lets only the administrator open sign-up, and anyone read whether it is open', async () => {
    await call(signup.POST, 'POST', { email: 'ann@example.com', password: PASSWORD });
    const admin = session;
    session = undefined;
    expect(await call(signup.POST, 'POST', { email: 'bob@example.com', password: PASSWORD })).toMatchObject({
      status: 403,
      json: { error: { code: 'signup-closed' } }
    });
    expect(await call(settings.PATCH, 'PATCH', { openSignup: true })).toMatchObject({ status: 401 });
    session = admin;
    expect(await call(settings.PATCH, 'PATCH', { openSignup: true })).toMatchObject({
      status: 200,
      json: { settings: { openSignup: true } }
    });
    session = undefined;
    const bob = await call(signup.POST, 'POST', { email: 'bob@example.com', password: PASSWORD });
    expect(bob.json?.user).toMatchObject({ isAdmin: false });
    expect(await call(settings.PATCH, 'PATCH', { openSignup: false })).toMatchObject({
      status: 403,
      json: { error: { code: 'forbidden' } }
    });
    session = undefined;
    expect(await call(settings.GET, 'GET')).toMatchObject({
      status: 200,
      json: { settings: { openSignup: true } }
    });
  });

  it('never puts the password or its hash in a response body, a cookie or a log line', async () => {
    const responses = [
      await call(signup.POST, 'POST', { email: 'ann@example.com', password: PASSWORD }),
      await call(me.GET, 'GET'),
      await call(signin.POST, 'POST', { email: 'ann@example.com', password: PASSWORD }),
      await call(signin.POST, 'POST', { email: 'ann@example.com', password: `${PASSWORD}!` }),
      await call(signup.POST, 'POST', { email: 'ann@example.com', password: `${PASSWORD}?` }),
      await call(signup.POST, 'POST', { email: 'bad', password: `${PASSWORD}?` })
    ];
    const user = await services.auth.signIn({ email: 'ann@example.com', password: PASSWORD });
    const db = new Database(dbFile, { readonly: true });
    const hash = db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    db.close();
    const seen = JSON.stringify([responses.map((r) => [r.text, r.jar.setCookie]), log.lines]);
    for (const secret of [PASSWORD, hash, hash.split('$')[5] ?? hash]) expect(seen).not.toContain(secret);
    expect(user.user).not.toHaveProperty('passwordHash');
  });
});
