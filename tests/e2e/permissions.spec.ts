import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { monthlySalesPlan } from '#lib/templates/builtin/monthly-sales-plan';
import { addCard, column, createBoard, member, openBoard, type BoardRole } from './helpers';

/**
 * The HTTP half of the permission matrix, against the real server: each role × each board
 * endpoint. An allowed call succeeds; a refused one answers 401/403 and leaves the board as it
 * was. (Card edits travel over the socket: tests/integration/auth/enforcement.test.ts.)
 */
type Call = (api: APIRequestContext, ctx: { boardId: string; cardId: string; n: number }) => Promise<number>;

const status = async (res: Promise<{ status(): number }>) => (await res).status();

const CALLS: Record<string, Call> = {
  read: (api, { boardId }) => status(api.get(`/api/boards/${boardId}`)),
  'read activity': (api, { boardId }) => status(api.get(`/api/boards/${boardId}/activity`)),
  'rename board': (api, { boardId, n }) =>
    status(api.patch(`/api/boards/${boardId}`, { data: { title: `Poster board ${n}` } })),
  'save as template': (api, { boardId, n }) =>
    // Named after its board: a team template's name is taken once (issue 15, defect 16).
    status(api.post('/api/templates', { data: { boardId, name: `Poster flow ${n} ${boardId}` } })),
  approve: (api, { boardId, cardId }) =>
    status(api.post(`/api/boards/${boardId}/cards/${cardId}/approve`, { data: { note: 'ok' } })),
  'send back': (api, { boardId, cardId }) =>
    status(api.post(`/api/boards/${boardId}/cards/${cardId}/send-back`, { data: {} })),
  'manage members': (api, { boardId }) =>
    status(api.post(`/api/boards/${boardId}/invites`, { data: { role: 'viewer' } })),
  'delete board': (api, { boardId }) => status(api.delete(`/api/boards/${boardId}`))
};

const ALLOWED: Record<BoardRole, string[]> = {
  owner: Object.keys(CALLS),
  manager: [
    'read',
    'read activity',
    'rename board',
    'save as template',
    'approve',
    'send back',
    'manage members'
  ],
  editor: ['read', 'read activity', 'save as template'],
  commenter: ['read', 'read activity'],
  viewer: ['read', 'read activity']
};

/** What a refused call must not have changed: the title, the card's place and round, the members. */
async function snapshot(admin: APIRequestContext, boardId: string) {
  const board = (await (await admin.get(`/api/boards/${boardId}`)).json()) as { board: { title: string } };
  const members = (await (await admin.get(`/api/boards/${boardId}/members`)).json()) as {
    members: unknown[];
  };
  const activity = (await (await admin.get(`/api/boards/${boardId}/activity`)).json()) as {
    entries: unknown[];
  };
  return { title: board.board.title, members: members.members.length, activity: activity.entries.length };
}

/** Adds a card to the design-review board's gated stage (定稿, which also sends back) and returns its id. */
async function gatedCard(page: Page, boardId: string): Promise<string> {
  const gated = monthlySalesPlan.stages.find((s) => s.gate)!.name['zh-CN'];
  await openBoard(page, boardId);
  await addCard(page, gated, 'Final poster');
  return (await column(page, gated).locator('.card').first().getAttribute('data-card-id'))!;
}

for (const role of ['manager', 'editor', 'commenter', 'viewer', 'owner'] as const) {
  test(`HTTP permissions of a board ${role}`, async ({ browser, request, page }) => {
    let n = 0;
    for (const [name, call] of Object.entries(CALLS)) {
      // A fresh board per call: a delete or a send-back must not spoil the next one.
      const boardId = await createBoard(request, `Matrix ${role} ${name}`, 'monthly-sales-plan');
      const person = role === 'owner' ? null : await member(browser, request, boardId, role);
      const api = person?.context.request ?? request;
      const cardId = ['approve', 'send back'].includes(name) ? await gatedCard(page, boardId) : 'no-card';
      // The log is written a moment after the change (in batches): wait for the setup's entries
      // (the member added, the card created) before taking the state a refusal must leave alone.
      const settled = (person ? 1 : 0) + (cardId === 'no-card' ? 0 : 1);
      await expect.poll(async () => (await snapshot(request, boardId)).activity).toBe(settled);
      const before = await snapshot(request, boardId);
      const code = await call(api, { boardId, cardId, n: ++n });
      if (ALLOWED[role].includes(name)) {
        expect([200, 201, 204], `${role} ${name}`).toContain(code);
      } else {
        expect(code, `${role} ${name}`).toBe(403);
        expect(await snapshot(request, boardId), `${role} ${name} changed nothing`).toEqual(before);
      }
      await person?.context.close();
    }
  });
}

test('board endpoints answer 401 without a session and 403 to someone who is not a member', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Private board');
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect(await status(anonymous.request.get(`/api/boards/${boardId}`))).toBe(401);
  expect(await status(anonymous.request.get('/api/boards'))).toBe(401);
  await anonymous.close();

  const otherBoard = await createBoard(request, 'Someone else’s');
  const stranger = await member(browser, request, otherBoard, 'owner');
  expect(await status(stranger.context.request.get(`/api/boards/${boardId}`))).toBe(403);
  expect(await status(stranger.context.request.delete(`/api/boards/${boardId}`))).toBe(403);
  expect(await status(request.get(`/api/boards/${boardId}`))).toBe(200);
  // The board list shows a person only their own boards.
  const theirs = (await (await stranger.context.request.get('/api/boards')).json()) as {
    boards: { id: string }[];
  };
  expect(theirs.boards.map((b) => b.id)).toEqual([otherBoard]);
  await stranger.context.close();
});
