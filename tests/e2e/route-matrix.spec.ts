import {
  expect,
  request as requests,
  test,
  type APIRequestContext,
  type APIResponse
} from '@playwright/test';
import { can, type BoardAction } from '#lib/auth/permissions';
import { ADMIN } from './helpers';
import { ROUTE_MATRIX, type MatrixFixture } from './routeMatrix';

/**
 * The permission matrix of every route, against the real server: each handler, form action and
 * server load (tests/e2e/routeMatrix.ts, which the route-walk test keeps complete) sent as each
 * kind of caller. A caller the declared requirement admits must get past it; any other must be
 * refused (401 / 403, or a page's redirect to sign in). What an admitted call then does is each
 * feature's own tests' business (permissions.spec.ts checks that board calls succeed and that
 * refusals change nothing).
 */
const ROLES = ['viewer', 'commenter', 'editor', 'manager', 'owner'] as const;
type Role = (typeof ROLES)[number];
const CALLERS = ['anonymous', 'stranger', 'admin', ...ROLES] as const;
type Caller = (typeof CALLERS)[number];

const PASSWORD = 'matrix-password-1';
const baseURL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Whether `requires` admits `caller` (the board's editor saved the fixture's template). */
function admits(requires: string, caller: Caller): boolean {
  const [kind, what] = requires.split(':');
  if (kind === 'public') return true;
  if (kind === 'signed-in') return caller !== 'anonymous';
  if (kind === 'admin') return caller === 'admin';
  if (kind === 'template') return caller === 'editor' || caller === 'admin';
  if (kind === 'board')
    return (ROLES as readonly string[]).includes(caller) && can(caller as Role, what as BoardAction);
  throw new Error(`unknown requirement ${requires}`);
}

/** True when the answer is a refusal: 401/403 (JSON or page), or a page sending someone to sign in. */
function refused(status: number, location: string | undefined): boolean {
  if (status === 401 || status === 403) return true;
  return status === 303 && /^\/(signin|signup)\b/.test(location ?? '');
}

interface Account {
  id: string;
  email: string;
  state: Awaited<ReturnType<APIRequestContext['storageState']>>;
}

async function signUp(label: string): Promise<Account> {
  const api = await requests.newContext({ baseURL });
  const email = `matrix.${label}.${Date.now()}@stageboard.test`;
  const res = await api.post('/api/auth/signup', {
    data: { email, name: `Matrix ${label}`, password: PASSWORD }
  });
  expect(res.status(), await res.text()).toBe(201);
  const { user } = (await res.json()) as { user: { id: string } };
  const account = { id: user.id, email, state: await api.storageState() };
  await api.dispose();
  return account;
}

async function signInAdmin(): Promise<Account> {
  const api = await requests.newContext({ baseURL });
  const res = await api.post('/api/auth/signin', { data: { email: ADMIN.email, password: ADMIN.password } });
  expect(res.status()).toBe(200);
  const { user } = (await res.json()) as { user: { id: string } };
  const account = { id: user.id, email: ADMIN.email, state: await api.storageState() };
  await api.dispose();
  return account;
}

/** A context signed in as `account` (a new one per call, so a sign-in or sign-out stays its own). */
const as = (account: Account | null) =>
  requests.newContext({ baseURL, storageState: account?.state ?? { cookies: [], origins: [] } });

/** A board owned by `people.owner` with each other role (and the target) joined through an invite link. */
async function board(people: Record<Role | 'target', Account>): Promise<string> {
  const owner = await as(people.owner);
  const created = await owner.post('/api/boards', {
    data: { title: 'Matrix board', templateId: 'design-review' }
  });
  expect(created.status()).toBe(201);
  const boardId = ((await created.json()) as { board: { id: string } }).board.id;
  for (const who of ['viewer', 'commenter', 'editor', 'manager', 'target'] as const) {
    const invite = await owner.post(`/api/boards/${boardId}/invites`, {
      data: { role: who === 'target' ? 'viewer' : who }
    });
    expect(invite.status(), await invite.text()).toBe(201);
    const { url } = ((await invite.json()) as { invite: { url: string } }).invite;
    const joiner = await as(people[who]);
    const joined = await joiner.post(`${new URL(url).pathname}?/join`, {
      form: {},
      headers: { origin: baseURL, accept: 'text/html' },
      maxRedirects: 0
    });
    expect(joined.status(), `${who} joins`).toBe(303);
    await joiner.dispose();
  }
  await owner.dispose();
  return boardId;
}

let templates = 0;

/** A team template the board's editor saves (so the editor owns it). */
async function template(editor: Account, boardId: string): Promise<string> {
  const api = await as(editor);
  // Numbered: a team template's name is taken once (issue 15, defect 16).
  const res = await api.post('/api/templates', { data: { boardId, name: `Matrix template ${++templates}` } });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { template: { id: string } }).template.id;
  await api.dispose();
  return id;
}

/** The status (and Location) of one call; an endless stream is read up to its status only. */
async function send(key: string, api: APIRequestContext, account: Account | null, f: MatrixFixture) {
  const stream = {
    'GET /api/inbox/stream': '/api/inbox/stream',
    'GET /api/manage/stream': '/api/manage/stream'
  }[key];
  if (stream) {
    const cookie = (account?.state.cookies ?? []).map((c) => `${c.name}=${c.value}`).join('; ');
    const abort = new AbortController();
    const res = await fetch(`${baseURL}${stream}`, { headers: { cookie }, signal: abort.signal });
    abort.abort();
    return { status: res.status, location: undefined };
  }
  const res: APIResponse = await ROUTE_MATRIX[key]!.call(api, f);
  return { status: res.status(), location: res.headers()['location'] };
}

const KEYS = Object.keys(ROUTE_MATRIX);

/** A second session of the same account, for a call that ends the session it is made with. */
async function secondSession(account: Account, password: string): Promise<Account> {
  const api = await as(null);
  const res = await api.post('/api/auth/signin', { data: { email: account.email, password } });
  expect(res.status()).toBe(200);
  const state = await api.storageState();
  await api.dispose();
  return { ...account, state };
}

test('every route admits exactly the callers its declaration names, and refuses the rest', async () => {
  test.setTimeout(300_000);
  const people = {} as Record<Role | 'target' | 'stranger', Account>;
  for (const who of [...ROLES, 'target', 'stranger'] as const) people[who] = await signUp(who);
  const admin = await signInAdmin();
  const signIn = { email: people.stranger.email, password: PASSWORD };
  const accountOf = (caller: Caller): Account | null =>
    caller === 'anonymous' ? null : caller === 'admin' ? admin : people[caller];

  const wrong: string[] = [];
  let calls = 0;
  for (const key of KEYS) {
    const { requires } = ROUTE_MATRIX[key]!;
    // A fresh board per route: a delete, a leave or a rename must not spoil the next route.
    const boardId = await board(people);
    for (const caller of CALLERS) {
      const known = accountOf(caller);
      // Signing out ends the session it is sent with; the caller's other calls keep theirs.
      const account =
        known && /signout/.test(key)
          ? await secondSession(known, known === admin ? ADMIN.password : PASSWORD)
          : known;
      // A fresh template per caller: one deleted by an admitted caller would answer 404 to the next.
      const templateId = key.includes('/api/templates/[id]')
        ? await template(people.editor, boardId)
        : 'none';
      const f = {
        origin: baseURL,
        boardId,
        templateId,
        me: account?.id ?? people.target.id,
        target: people.target.id,
        signIn
      };
      const api = await as(account);
      const { status, location } = await send(key, api, account, f);
      await api.dispose();
      calls++;
      const admitted = admits(requires, caller);
      // A public route has nothing to refuse; that it ran (no 5xx) is all there is to see.
      const ok =
        requires === 'public'
          ? status < 500
          : admitted
            ? !refused(status, location) && status < 500
            : refused(status, location);
      if (!ok)
        wrong.push(
          `${key} as ${caller}: ${status}${location ? ` → ${location}` : ''} (${admitted ? 'admitted' : 'refused'} by ${requires})`
        );
    }
  }
  expect(wrong).toEqual([]);
  expect(calls).toBe(KEYS.length * CALLERS.length);
});
