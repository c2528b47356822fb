/**
 * "Exactly once" rules under concurrent requests, over real HTTP against a real server and SQLite
 * file: a single-use invitation, the first administrator, and the sign-in counters. Each burst is
 * sent at once (Promise.all of fetches), so the server interleaves them around its password hashes.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '#server/app';
import type { PublicUser } from '#server/auth/AuthService';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import * as signinApi from '#src/routes/api/auth/signin/+server';
import * as signupApi from '#src/routes/api/auth/signup/+server';
import * as invitePage from '#src/routes/invite/[token]/+page.server';
import { RecordingLogger, sessionCookie, tempDir, testConfig } from '../helpers/syncHarness';
import { svelteRoutes, TEST_ADDRESS_HEADER } from '../helpers/svelteRoutes';

const PASSWORD = 'a long enough password';
const BURST = 8;

const ROUTES = svelteRoutes([
  { method: 'POST', path: /^\/api\/auth\/signup$/, params: [], run: signupApi.POST },
  { method: 'POST', path: /^\/api\/auth\/signin$/, params: [], run: signinApi.POST },
  { method: 'POST', path: /^\/invite\/([^/]+)$/, params: ['token'], run: invitePage.actions }
]);

interface Install {
  server: RunningServer;
  dbFile: string;
  /** Rows of a table, read through a second connection. */
  rows(sql: string): Record<string, unknown>[];
  post(path: string, body: URLSearchParams | object, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

let install: Install | null = null;
afterEach(async () => {
  await install?.stop();
  install = null;
});

async function fresh(): Promise<Install> {
  const tmp = tempDir();
  const config = testConfig(tmp.dir);
  const persistence = openSqlitePersistence(config);
  const server = await startServer({ config, persistence, log: new RecordingLogger(), handler: ROUTES });
  install = {
    server,
    dbFile: config.dbFile,
    rows(sql) {
      const db = new Database(config.dbFile, { readonly: true });
      try {
        return db.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    post: (path, body, headers = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          ...(body instanceof URLSearchParams ? {} : { 'content-type': 'application/json' }),
          ...headers
        },
        body: body instanceof URLSearchParams ? body : JSON.stringify(body)
      }),
    stop: async () => {
      await server.close();
      tmp.cleanup();
    }
  };
  return install;
}

/** An install with its administrator, a board, and sign-up closed (invitation only, the default). */
async function invitationOnly(): Promise<Install & { admin: PublicUser; boardId: string }> {
  const i = await fresh();
  const { auth, boards } = i.server.services;
  const { user: admin } = await auth.signUp({ email: 'ann@example.com', password: PASSWORD, name: 'Ann' });
  expect(await auth.getSettings()).toEqual({ openSignup: false });
  const { id: boardId } = await boards.create({ title: 'Spring launch', creatorId: admin.id });
  return { ...i, admin, boardId };
}

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort((a, b) => a - b);

describe('exactly once, under concurrent requests', () => {
  it('lets eight simultaneous sign-ups through one single-use invitation create one account and one membership', async () => {
    const i = await invitationOnly();
    const { token } = await i.server.services.invites.create(i.admin.id, i.boardId, { role: 'viewer' });
    const responses = await Promise.all(
      Array.from({ length: BURST }, (_, n) =>
        i.post(
          `/invite/${token}?/signup`,
          new URLSearchParams({ email: `new${n}@example.com`, password: PASSWORD })
        )
      )
    );
    expect(statuses(responses)).toEqual([303, ...Array<number>(BURST - 1).fill(410)]);
    expect(i.rows('SELECT email FROM users')).toHaveLength(2);
    expect(i.rows(`SELECT role FROM board_members WHERE role = 'viewer'`)).toHaveLength(1);
    const [used] = i.rows('SELECT used_by FROM invites');
    const [newcomer] = i.rows(`SELECT id FROM users WHERE email <> 'ann@example.com'`);
    expect(used?.used_by).toBe(newcomer?.id);
  });

  it('lets one of eight existing accounts accepting one single-use invitation at once in, and no one else', async () => {
    const i = await invitationOnly();
    const { auth, invites } = i.server.services;
    await auth.setOpenSignup(i.admin, true);
    const cookies: string[] = [];
    for (let n = 0; n < BURST; n++) {
      const { token } = await auth.signUp({ email: `m${n}@example.com`, password: PASSWORD });
      cookies.push(sessionCookie(token));
    }
    await auth.setOpenSignup(i.admin, false);
    const { token } = await invites.create(i.admin.id, i.boardId, { role: 'editor' });
    const responses = await Promise.all(
      cookies.map((cookie) => i.post(`/invite/${token}?/join`, new URLSearchParams(), { cookie }))
    );
    expect(statuses(responses)).toEqual([303, ...Array<number>(BURST - 1).fill(410)]);
    expect(i.rows(`SELECT user_id FROM board_members WHERE role = 'editor'`)).toHaveLength(1);
  });

  it('makes exactly one administrator of two first sign-ups on a fresh install', async () => {
    const i = await fresh();
    const responses = await Promise.all(
      ['a', 'b'].map((who) => i.post('/api/auth/signup', { email: `${who}@example.com`, password: PASSWORD }))
    );
    expect(statuses(responses)).toEqual([201, 403]);
    expect(i.rows('SELECT is_admin FROM users')).toEqual([{ is_admin: 1 }]);
  });

  it('keeps a board’s last owner when two owners step each other down, or both leave, in the same instant', async () => {
    const i = await invitationOnly();
    const { auth, members } = i.server.services;
    await auth.setOpenSignup(i.admin, true);
    const { user: bob } = await auth.signUp({ email: 'bob@example.com', password: PASSWORD });
    await members.setRole(i.admin.id, i.boardId, bob.id, 'owner');
    const results = await Promise.allSettled([
      members.setRole(i.admin.id, i.boardId, bob.id, 'manager'),
      members.setRole(bob.id, i.boardId, i.admin.id, 'manager')
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(i.rows(`SELECT user_id FROM board_members WHERE role = 'owner'`)).toHaveLength(1);
    await members.setRole(
      i.rows(`SELECT user_id FROM board_members WHERE role = 'owner'`)[0]!.user_id as string,
      i.boardId,
      bob.id,
      'owner'
    );
    const left = await Promise.allSettled([
      members.remove(i.admin.id, i.boardId, i.admin.id),
      members.remove(bob.id, i.boardId, bob.id)
    ]);
    expect(left.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(i.rows(`SELECT user_id FROM board_members WHERE role = 'owner'`)).toHaveLength(1);
  });

  it('counts thirty simultaneous wrong passwords for one account exactly: five are tried, the rest wait', async () => {
    const i = await invitationOnly();
    const wrong = { email: 'ann@example.com', password: 'not the password' };
    const responses = await Promise.all(Array.from({ length: 30 }, () => i.post('/api/auth/signin', wrong)));
    expect(statuses(responses)).toEqual([...Array<number>(5).fill(401), ...Array<number>(25).fill(429)]);
    const waiting = responses.find((r) => r.status === 429);
    expect(waiting?.headers.get('retry-after')).toBe('1');
    expect(await waiting?.json()).toMatchObject({ error: { code: 'too-many-attempts' } });
    // The owner, from another address, is not held up by what was tried from this one.
    const owner = await i.post(
      '/api/auth/signin',
      { email: 'ann@example.com', password: PASSWORD },
      { [TEST_ADDRESS_HEADER]: '203.0.113.9' }
    );
    expect(owner.status).toBe(200);
  });

  it('makes exactly as many accounts as one address may by open sign-up when more ask at once', async () => {
    const i = await invitationOnly();
    await i.server.services.auth.setOpenSignup(i.admin, true);
    const { signupsPerAddressHour } = i.server.services.config;
    const responses = await Promise.all(
      Array.from({ length: signupsPerAddressHour + 5 }, (_, n) =>
        i.post('/api/auth/signup', { email: `open${n}@example.com`, password: PASSWORD })
      )
    );
    expect(statuses(responses)).toEqual([
      ...Array<number>(signupsPerAddressHour).fill(201),
      ...Array<number>(5).fill(429)
    ]);
    expect(i.rows('SELECT id FROM users')).toHaveLength(signupsPerAddressHour + 1);
  });

  it('counts sixty simultaneous wrong passwords across accounts from one address exactly: fifty are tried', async () => {
    const i = await invitationOnly();
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        i.post('/api/auth/signin', { email: `guess${n}@example.com`, password: 'not the password' })
      )
    );
    expect(statuses(responses)).toEqual([...Array<number>(50).fill(401), ...Array<number>(10).fill(429)]);
  });
});
