import {
  expect,
  request as requests,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page
} from '@playwright/test';

/** The administrator admin.setup.ts signs up; every test's own `page` and `request` act as them. */
export const ADMIN = { email: 'admin@stageboard.test', name: 'Ada Admin', password: 'admin-password-1' };
/** Where admin.setup.ts leaves the administrator's cookies (playwright.config.ts loads it). */
export const ADMIN_STATE = 'test-results/e2e-admin.json';

export type BoardRole = 'owner' | 'manager' | 'editor' | 'commenter' | 'viewer';

let people = 0;

/**
 * A new person (signed up through the API, sign-up being open in tests) with `role` on the board:
 * the administrator's `admin` request adds them by email, which invites them, and they accept.
 * Returns a browser context signed in as them.
 */
export async function member(
  browser: Browser,
  admin: APIRequestContext,
  boardId: string,
  role: BoardRole,
  name = `${role[0]!.toUpperCase()}${role.slice(1)} ${++people}`
): Promise<{ context: BrowserContext; email: string; name: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@stageboard.test`;
  const api = await requests.newContext({ baseURL: baseUrl() });
  const signup = await api.post('/api/auth/signup', { data: { email, name, password: 'member-password-1' } });
  expect(signup.status(), await signup.text()).toBe(201);
  const added = await admin.post(`/api/boards/${boardId}/members`, { data: { email, role } });
  expect(added.status(), await added.text()).toBe(201);
  const { invite } = (await added.json()) as { invite: { id: string } };
  const accepted = await api.post(`/api/invites/${invite.id}/accept`);
  expect(accepted.status(), await accepted.text()).toBe(200);
  const state = await api.storageState();
  await api.dispose();
  return { context: await browser.newContext({ storageState: state }), email, name };
}

function baseUrl(): string {
  return `http://localhost:${process.env.E2E_PORT ?? 4173}`;
}

/** Creates a board through the HTTP API and returns its id. */
export async function createBoard(
  request: APIRequestContext,
  title: string,
  templateId = 'blank'
): Promise<string> {
  const res = await request.post('/api/boards', { data: { title, templateId } });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { board: { id: string } };
  return body.board.id;
}

/** Opens a board page and waits until it is synced with the server. */
export async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.locator('.column').first()).toBeVisible();
}

/**
 * Two people on the same board, each in a browser context of their own: the administrator (who
 * owns boards the tests create) and a new member with `role` (a manager unless said otherwise).
 */
export async function twoPeople(
  browser: Browser,
  boardId: string,
  admin: APIRequestContext,
  role: BoardRole = 'manager'
) {
  const second = await member(browser, admin, boardId, role);
  const contexts: BrowserContext[] = [
    await browser.newContext({ storageState: ADMIN_STATE }),
    second.context
  ];
  const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
  await openBoard(a!, boardId);
  await openBoard(b!, boardId);
  return { a: a!, b: b!, contexts, close: () => Promise.all(contexts.map((c) => c.close())) };
}

/** The column with this (visible) stage name. */
export function column(page: Page, name: string) {
  return page.locator('section.column', { has: page.locator('h2', { hasText: name }) });
}

/** Adds a card through the UI's inline form. */
export async function addCard(page: Page, stage: string, title: string): Promise<void> {
  const col = column(page, stage);
  await col.getByRole('button', { name: 'Add a card' }).click();
  await col.getByRole('textbox', { name: 'Add a card' }).fill(title);
  await col.getByRole('textbox', { name: 'Add a card' }).press('Enter');
  await expect(col.locator('.card', { hasText: title })).toBeVisible();
  await col.getByRole('textbox', { name: 'Add a card' }).press('Escape');
}

/** Titles of a column's cards, top to bottom. */
export function titles(page: Page, stage: string) {
  return column(page, stage).locator('.card .title');
}

/** Opens a card's panel from its face and waits for it. */
export async function openCard(page: Page, title: string): Promise<void> {
  await page.locator('.card', { hasText: title }).getByRole('button', { name: 'Open card details' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

/** A phone: its screen, touch input and mobile viewport (for `test.use`). */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;

/** A finger: trusted touch events through the DevTools protocol, as a phone's touchscreen sends them. */
export async function finger(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y }]
    });
  return {
    /** Presses at `from` for `holdMs`, slides to `to` in small steps, and lifts. */
    async drag(from: { x: number; y: number }, to: { x: number; y: number }, holdMs: number) {
      await touch('touchStart', from.x, from.y);
      await page.waitForTimeout(holdMs);
      const steps = 12;
      for (let i = 1; i <= steps; i++) {
        await touch(
          'touchMove',
          from.x + ((to.x - from.x) * i) / steps,
          from.y + ((to.y - from.y) * i) / steps
        );
        await page.waitForTimeout(16);
      }
      await touch('touchEnd', to.x, to.y);
    }
  };
}
