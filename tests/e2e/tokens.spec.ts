import { expect, request as requests, test, type Browser, type Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { createBoard } from './helpers';

/**
 * Personal access tokens in a real browser against the built server: made on the account page,
 * shown once, copied, used by a client with no cookie to call the REST API, revoked, refused.
 * Then how SvelteKit's CSRF check meets bearer requests, that a token opens no page, and the
 * page's screenshots in both languages at a laptop's and a phone's size (test-results/shots-api/).
 */

const OUT = 'test-results/shots-api';
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;

/** A client with no cookies at all, as a script would be. */
const script = (baseURL: string) =>
  requests.newContext({ baseURL, storageState: { cookies: [], origins: [] } });

async function firstStage(baseURL: string, token: string, boardId: string): Promise<string> {
  const api = await script(baseURL);
  const res = await api.get(`/api/v1/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const { stages } = (await res.json()) as { stages: { id: string }[] };
  await api.dispose();
  return stages[0]!.id;
}

test('a token is made on the account page, shown once, copied, used by a script, revoked, and then refused', async ({
  page,
  context,
  request,
  baseURL
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const boardId = await createBoard(request, 'Token board');
  await page.goto('/');
  await page.locator('[data-link="account"]').click();
  await expect(page).toHaveURL(/\/account\/tokens$/);
  await expect(page.getByRole('heading', { name: 'Personal access tokens' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Name' }).fill('CI sync');
  await page.getByRole('radio', { name: /Read and write/ }).check();
  await page.getByRole('combobox', { name: 'Expires' }).selectOption({ label: 'In 30 days' });
  await page.getByRole('button', { name: 'Generate token' }).click();
  const shown = page.getByRole('textbox', { name: 'New token' });
  await expect(shown).toHaveValue(/^sbp_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await expect(page.getByRole('alert')).toContainText('won’t be able to see it again');
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const row = page.locator('li[data-token]').filter({ hasText: 'CI sync' });
  await expect(row).toContainText('Never used');

  // A script, with nothing but the token.
  const api = await script(baseURL!);
  const auth = { authorization: `Bearer ${token}` };
  const stageId = await firstStage(baseURL!, token, boardId);
  const made = await api.post(`/api/v1/boards/${boardId}/cards`, {
    headers: auth,
    data: { stageId, title: 'From CI' }
  });
  expect(made.status(), await made.text()).toBe(201);

  // Shown once: after a reload the page has only its name, now used.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'New token' })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(row).toContainText('Last used');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  const after = await api.get(`/api/v1/boards/${boardId}/cards`, { headers: auth });
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { code: string } }).error.code).toBe('token-invalid');
  await api.dispose();
});

test("SvelteKit's CSRF check: a bearer call needs no Origin, a cookie's cross-site form post is still refused, and a token opens no page", async ({
  request,
  baseURL
}) => {
  const boardId = await createBoard(request, 'CSRF board');
  const made = await request.post('/api/account/tokens', {
    data: { name: 'csrf', scope: 'write', expiresInDays: 7 }
  });
  expect(made.status()).toBe(201);
  const { token } = (await made.json()) as { token: string };
  const stageId = await firstStage(baseURL!, token, boardId);
  const api = await script(baseURL!);
  const auth = { authorization: `Bearer ${token}` };

  // JSON with a bearer token, from another origin or none: SvelteKit checks form posts only.
  const foreign = await api.post(`/api/v1/boards/${boardId}/cards`, {
    headers: { ...auth, origin: 'https://elsewhere.example' },
    data: { stageId, title: 'Cross-origin JSON' }
  });
  expect(foreign.status()).toBe(201);
  // A form-encoded body (curl -d without a JSON content type) meets SvelteKit's form check first,
  // token or not: docs/api.md says to send JSON.
  const formEncoded = await api.post(`/api/v1/boards/${boardId}/cards`, {
    headers: auth,
    form: { stageId, title: 'Form' }
  });
  expect(formEncoded.status()).toBe(403);
  // The administrator's cookie on a cross-site form post is refused as before.
  const cookieForm = await request.post(`/api/v1/boards/${boardId}/cards`, {
    headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
    data: JSON.stringify({ stageId, title: 'Forged' })
  });
  expect(cookieForm.status()).toBe(403);
  const listed = await api.get(`/api/v1/boards/${boardId}/cards`, { headers: auth });
  const titles = ((await listed.json()) as { cards: { title: string }[] }).cards.map((c) => c.title);
  expect(titles).toEqual(['Cross-origin JSON']);

  // Pages are a browser's: with only a token, the account page sends the visitor to sign in.
  const pageCall = await api.get('/account/tokens', { headers: auth, maxRedirects: 0 });
  expect(pageCall.status()).toBe(303);
  expect(pageCall.headers()['location']).toMatch(/^\/(signin|signup)/);
  await api.dispose();
});

/** A fresh account (no tokens yet) in a browser context set to `locale` and `device`. */
async function freshAccount(browser: Browser, baseURL: string, locale: Locale, device: keyof typeof DEVICES) {
  const api = await script(baseURL);
  const email = `tokens.${locale}.${device}.${Date.now()}@stageboard.test`;
  const name = locale === 'en' ? 'Lin Chen' : '陈琳';
  const signup = await api.post('/api/auth/signup', { data: { email, name, password: 'member-password-1' } });
  expect(signup.status(), await signup.text()).toBe(201);
  const context = await browser.newContext({
    storageState: await api.storageState(),
    locale,
    ...DEVICES[device]
  });
  await api.dispose();
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  return context;
}

async function noSidewaysScroll(p: Page, what: string) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${what} scrolls sideways`).toBeLessThanOrEqual(p.viewportSize()!.width);
}

test('the tokens page in both languages, on a laptop and a phone: empty, then a token just made and the list', async ({
  browser,
  baseURL
}) => {
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    for (const device of Object.keys(DEVICES) as (keyof typeof DEVICES)[]) {
      const context = await freshAccount(browser, baseURL!, locale, device);
      const p = await context.newPage();
      // The way in: the account's name on the boards list.
      await p.goto('/');
      await noSidewaysScroll(p, `${locale} ${device} boards list`);
      await p.screenshot({ path: `${OUT}/boards-top.${locale}.${device}.png` });
      await p.locator('[data-link="account"]').click();
      await expect(p).toHaveURL(/\/account\/tokens$/);
      await p.goto('/account');
      await expect(p).toHaveURL(/\/account\/tokens$/);
      await expect(p.locator('.empty')).toBeVisible();
      await noSidewaysScroll(p, `${locale} ${device} empty`);
      await p.screenshot({ path: `${OUT}/tokens-empty.${locale}.${device}.png`, fullPage: true });
      const names =
        locale === 'en' ? ['Weekly report sync', 'Read-only dashboard'] : ['周报同步脚本', '只读数据看板'];
      for (const [i, name] of names.entries()) {
        await p.locator('form input:not([type])').first().fill(name);
        await p.locator(`input[type="radio"][value="${i === 0 ? 'write' : 'read'}"]`).check();
        await p.locator('form button[type="submit"]').click();
        await expect(p.locator('li[data-token]')).toHaveCount(i + 1);
      }
      await expect(p.locator('.created input')).toHaveValue(/^sbp_/);
      await noSidewaysScroll(p, `${locale} ${device} created`);
      await p.screenshot({ path: `${OUT}/tokens-created.${locale}.${device}.png`, fullPage: true });
      await context.close();
    }
  }
});
