import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { expect } from 'vitest';
import type { PublicUser } from '#server/auth/AuthService';
import { SESSION_COOKIE } from '#server/auth/sessionCookie';
import { createServices } from '#server/createServices';
import { clearServices, provideServices, type Services } from '#server/services';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import { handle } from '#src/hooks.server';
import * as invitesApi from '#src/routes/api/boards/[id]/invites/+server';
import * as invitePage from '#src/routes/invite/[token]/+page.server';
import { refusal } from '../helpers/refusal';
import { RecordingLogger, testConfig } from '../helpers/syncHarness';
import { CookieJar } from '../../unit/auth/cookieJar';

/** The address the endpoints see (SvelteKit's getClientAddress); sign-in limits count per address. */
const CLIENT_ADDRESS = '127.0.0.1';

export const PASSWORD = 'a long enough password';
export const ORIGIN = 'http://board.lan';

export type InviteJson = {
  invite?: { id: string; url: string };
  invites?: unknown[];
  error?: { code: string };
};

/** The refusal code of a promise that should fail with a request error. */
export const refusedWith = async (promise: Promise<unknown>): Promise<string> =>
  (await refusal(promise)).code;

/**
 * A real SQLite file with the process's services, five people (ann owns "Spring launch", mia
 * manages it, ed edits, vic views, una is on no board; sign-up is closed), and the invite
 * routes run as SvelteKit runs them.
 */
export async function inviteFixture() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageboard-invites-'));
  const config = testConfig(dir);
  const persistence = openSqlitePersistence(config);
  const log = new RecordingLogger();
  const services: Services = createServices({ config, persistence, log });
  provideServices(services);
  const people: Record<string, { user: PublicUser; session: string }> = {};
  const signUp = async (name: string) => {
    const { user, token } = await services.auth.signUp({ email: `${name}@example.com`, password: PASSWORD });
    people[name] = { user, session: token };
  };
  await signUp('ann');
  await services.auth.setOpenSignup(people.ann!.user, true);
  for (const name of ['mia', 'ed', 'vic', 'una']) await signUp(name);
  await services.auth.setOpenSignup(people.ann!.user, false);
  const boardId = (await services.boards.create({ title: 'Spring launch', creatorId: people.ann!.user.id }))
    .id;
  for (const [name, role] of Object.entries({ mia: 'manager', ed: 'editor', vic: 'viewer' })) {
    await services.members.add(people.ann!.user.id, boardId, { email: `${name}@example.com`, role });
  }

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

  /** Calls an invite endpoint of the board as `as` (null: nobody signed in). */
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
    return { status: value?.status, text, json: (text ? JSON.parse(text) : null) as InviteJson };
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

  /** A new link made through the API by `as`; its token. */
  async function link(as: string, body: object): Promise<string> {
    const res = await api(invitesApi.POST, as, 'POST', body);
    expect(res.status).toBe(201);
    return tokenOf(res.json.invite!.url);
  }

  return {
    dir,
    persistence,
    log,
    services,
    people,
    boardId,
    run,
    api,
    action,
    link,
    tokenOf,
    roleOf: (name: string) => services.members.roleOf(boardId, people[name]!.user.id),
    async close() {
      clearServices();
      await services.rooms.close();
      await persistence.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

export type InviteFixture = Awaited<ReturnType<typeof inviteFixture>>;
