import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InviteService } from '#server/auth/InviteService';
import { hashSessionToken } from '#server/auth/sessionToken';
import * as invitesApi from '#src/routes/api/boards/[id]/invites/+server';
import * as inviteApi from '#src/routes/api/boards/[id]/invites/[inviteId]/+server';
import * as invitePage from '#src/routes/invite/[token]/+page.server';
import { testConfig } from '../helpers/syncHarness';
import { ORIGIN, PASSWORD, inviteFixture, refusedWith, type InviteFixture } from './inviteFixture';

const DAY = 24 * 3600 * 1000;

/** Invitations over a real SQLite file, through the service, the API endpoints and the invite page. */
describe('board invitations', () => {
  let f: InviteFixture;

  beforeEach(async () => {
    f = await inviteFixture();
  });

  afterEach(async () => {
    await f.close();
  });

  it('lets a manager make a link whose URL carries the token, while the database and the list keep only hashes', async () => {
    const res = await f.api(invitesApi.POST, 'mia', 'POST', { role: 'editor' });
    expect(res.status).toBe(201);
    expect(res.json.invite).toMatchObject({ role: 'editor', email: null, invitedBy: 'mia' });
    const token = f.tokenOf(res.json.invite!.url);
    expect(res.json.invite!.url).toMatch(/^http:\/\/board\.lan\/invite\/[A-Za-z0-9_-]{43}$/);

    const db = new Database(testConfig(f.dir).dbFile, { readonly: true });
    const rows = db.prepare('SELECT * FROM invites').all() as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashSessionToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const list = await f.api(invitesApi.GET, 'mia', 'GET');
    expect(list.json.invites).toEqual([
      expect.objectContaining({ id: hashSessionToken(token).slice(0, 16) })
    ]);
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain(hashSessionToken(token));
    expect(JSON.stringify(f.log.lines)).not.toContain(token);
  });

  it('refuses invites from viewers, editors, strangers and nobody, and an owner invite from a manager', async () => {
    expect((await f.api(invitesApi.POST, 'ed', 'POST', { role: 'viewer' })).status).toBe(403);
    expect((await f.api(invitesApi.POST, 'vic', 'POST', { role: 'viewer' })).status).toBe(403);
    expect((await f.api(invitesApi.GET, 'ed', 'GET')).status).toBe(403);
    expect((await f.api(invitesApi.POST, 'una', 'POST', { role: 'viewer' })).status).toBe(403);
    expect((await f.api(invitesApi.POST, null, 'POST', { role: 'viewer' })).status).toBe(401);
    const owner = await f.api(invitesApi.POST, 'mia', 'POST', { role: 'owner' });
    expect(owner).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect((await f.api(invitesApi.POST, 'mia', 'POST', { role: 'boss' })).status).toBe(400);
    expect((await f.api(invitesApi.POST, 'ann', 'POST', { role: 'owner' })).status).toBe(201);
    expect((await f.api(invitesApi.GET, 'mia', 'GET')).json.invites).toHaveLength(1);
  });

  it('lets a new person sign up through the link while sign-up is closed, in its role, and only once', async () => {
    expect(await f.services.auth.getSettings()).toEqual({ openSignup: false });
    const token = await f.link('mia', { role: 'commenter' });
    const form = { email: 'new@example.com', password: PASSWORD, name: 'Newt' };
    const joined = await f.action('signup', token, null, form);
    expect(joined.to).toBe(`/boards/${f.boardId}`);
    const newt = await f.services.auth.userForToken(joined.session);
    expect(newt?.email).toBe('new@example.com');
    expect(await f.services.members.roleOf(f.boardId, newt!.id)).toBe('commenter');

    const again = await f.action('signup', token, null, { ...form, email: 'other@example.com' });
    expect(again).toMatchObject({ status: 410, code: 'invite-used' });
    expect(await f.action('join', token, 'una')).toMatchObject({ code: 'invite-used' });
    expect(await f.roleOf('una')).toBeNull();
    const page = await f.run(
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
      store: f.persistence.invites,
      members: f.services.members,
      users: f.persistence.accounts,
      auth: f.services.auth,
      boards: f.services.boards,
      log: f.log,
      now: () => clock.now
    });
    const { token } = await invites.create(f.people.mia!.user.id, f.boardId, { role: 'viewer' });
    clock.now += 7 * DAY;
    expect(await refusedWith(invites.join(token, f.people.una!.user))).toBe('invite-expired');
    clock.now -= 1;
    expect(await invites.join(token, f.people.una!.user)).toEqual({ boardId: f.boardId, role: 'viewer' });

    // Made "eight days ago" on the same file: the running server's real clock refuses it too.
    clock.now = Date.now() - 8 * DAY;
    const old = await invites.create(f.people.mia!.user.id, f.boardId, { role: 'viewer' });
    expect(await f.action('join', old.token, 'ed')).toMatchObject({ status: 410, code: 'invite-expired' });
    expect((await f.api(invitesApi.GET, 'mia', 'GET')).json.invites).toEqual([]);
  });

  it('keeps an email-bound link for that address and says so to anyone else', async () => {
    const token = await f.link('mia', { role: 'editor', email: ' New@Example.com ' });
    const wrong = await refusedWith(f.services.invites.join(token, f.people.una!.user));
    expect(wrong).toBe('invite-wrong-email');
    const message = await f.services.invites.join(token, f.people.una!.user).catch((e: Error) => e.message);
    expect(message).toContain('new@example.com');
    const other = { email: 'una2@example.com', password: PASSWORD };
    expect(await f.action('signup', token, null, other)).toMatchObject({
      status: 403,
      code: 'invite-wrong-email'
    });
    expect(await f.services.auth.signIn(other).catch(() => null)).toBeNull();

    const right = await f.action('signup', token, null, { email: 'new@example.com', password: PASSWORD });
    expect(right.to).toBe(`/boards/${f.boardId}`);
  });

  it('revokes a pending link by its id: it stops working and leaves the list', async () => {
    const token = await f.link('ann', { role: 'viewer' });
    const [listed] = (await f.api(invitesApi.GET, 'mia', 'GET')).json.invites as { id: string }[];
    expect((await f.api(inviteApi.DELETE, 'ed', 'DELETE', undefined, listed!.id)).status).toBe(403);
    expect((await f.api(inviteApi.DELETE, 'mia', 'DELETE', undefined, listed!.id)).status).toBe(204);
    expect((await f.api(inviteApi.DELETE, 'mia', 'DELETE', undefined, listed!.id)).status).toBe(404);
    expect((await f.api(invitesApi.GET, 'mia', 'GET')).json.invites).toEqual([]);
    expect(await f.action('join', token, 'una')).toMatchObject({ status: 404, code: 'invite-unknown' });
  });

  it('lets exactly one of two people joining with one link at the same moment in', async () => {
    const token = await f.link('mia', { role: 'editor' });
    await f.services.members.remove(f.people.ann!.user.id, f.boardId, f.people.vic!.user.id);
    const results = await Promise.allSettled([
      f.services.invites.join(token, f.people.una!.user),
      f.services.invites.join(token, f.people.vic!.user)
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect([await f.roleOf('una'), await f.roleOf('vic')].filter(Boolean)).toEqual(['editor']);
  });

  it('leaves a member who has the role (or more) as they are and the link unused; raises one below it', async () => {
    const token = await f.link('mia', { role: 'editor' });
    expect(await f.action('join', token, 'mia')).toMatchObject({ to: `/boards/${f.boardId}` });
    expect(await f.roleOf('mia')).toBe('manager');
    expect(await f.action('join', token, 'vic')).toMatchObject({ to: `/boards/${f.boardId}` });
    expect(await f.roleOf('vic')).toBe('editor');
  });

  it('stops a link working when its maker may no longer invite, and when its board is deleted', async () => {
    const token = await f.link('mia', { role: 'viewer' });
    await f.services.members.setRole(f.people.ann!.user.id, f.boardId, f.people.mia!.user.id, 'editor');
    expect(await refusedWith(f.services.invites.preview(token))).toBe('invite-void');
    const kept = await f.link('ann', { role: 'viewer' });
    await f.services.boards.delete(f.boardId);
    expect(await refusedWith(f.services.invites.preview(kept))).toBe('invite-unknown');
  });
});
