import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addCard, createBoard, openBoard, openCard } from './helpers';

/**
 * The Content-Security-Policy of the pages (svelte.config.js, kit.csp) and of stored drafts
 * (server/attachments/downloadHeaders.ts), in Chromium against the built server: the app works
 * under it with no violation reported, and a draft opened as a page runs in an opaque origin.
 */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

/** Every CSP violation the pages of `context` report, as events and as console lines. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeFunction('reportViolation', (text: string) => seen.push(text));
  // Installed by the DevTools protocol before any page script, so the policy does not block it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (t: string) => void }).reportViolation;
      void report(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`
      );
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

const policyOf = async (page: Page, path: string) => {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  return (await response!.allHeaders())['content-security-policy'] ?? '';
};

test('pages send a script policy with a nonce, and the board, its socket, a draft preview and the inbox work under it', async ({
  browser,
  request
}) => {
  const context = await browser.newContext({ storageState: 'test-results/e2e-admin.json' });
  const violations = await watchViolations(context);
  const page = await context.newPage();

  for (const path of ['/', '/inbox']) {
    const policy = await policyOf(page, path);
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
  }

  const boardId = await createBoard(request, 'Policy board');
  // The board page is rendered in the browser: its boot script, the sync socket (connect-src
  // 'self' for ws:), the service worker and the styles Svelte sets.
  await openBoard(page, boardId);
  expect(await policyOf(page, `/boards/${boardId}`)).toMatch(/'nonce-/);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await addCard(page, 'To do', 'Poster under policy');
  await openCard(page, 'Poster under policy');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'New comment' }).fill('Looks right');
  await dialog.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Comments' })).toContainText('Looks right');
  const chooser = page.waitForEvent('filechooser');
  await dialog
    .getByRole('region', { name: /Attachments/ })
    .getByRole('button', { name: 'Upload a draft' })
    .click();
  await (await chooser).setFiles({ name: 'poster.png', mimeType: 'image/png', buffer: PNG });
  const preview = dialog.getByRole('img', { name: 'poster.png', exact: true });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Signed out: the sign-in page and its form.
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonymousViolations = await watchViolations(anonymous);
  const signin = await anonymous.newPage();
  expect(await policyOf(signin, '/signin')).toMatch(/'nonce-/);
  await signin.getByLabel('Email').fill('nobody@stageboard.test');
  await signin.getByLabel('Password').fill('not the password');
  await signin.getByRole('button', { name: 'Sign in' }).click();
  await expect(signin.getByRole('alert')).toBeVisible();

  expect(violations).toEqual([]);
  expect(anonymousViolations).toEqual([]);
  await anonymous.close();
  await context.close();
});

test('a draft opened as a page is sandboxed: an opaque origin that runs no script', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Sandboxed drafts');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Flyer');
  const cardId = (await page.locator('.card', { hasText: 'Flyer' }).getAttribute('data-card-id'))!;
  const uploaded = await request.post(`/api/boards/${boardId}/cards/${cardId}/attachments?name=flyer.png`, {
    data: PNG,
    headers: { 'content-type': 'image/png' }
  });
  expect(uploaded.status()).toBe(201);
  const { attachmentId } = (await uploaded.json()) as { attachmentId: string };

  const response = await page.goto(`/api/boards/${boardId}/attachments/${attachmentId}/v/1`);
  const headers = await response!.allHeaders();
  expect(headers['content-security-policy']).toMatch(/^sandbox;/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  // The image shows, but the document it sits in belongs to no origin: not ours, so nothing in
  // it could read the board API with the viewer's cookie.
  await expect(page.locator('img')).toBeVisible();
  expect(await page.evaluate(() => window.origin)).toBe('null');
});
