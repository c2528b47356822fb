import { expect, test } from '@playwright/test';
import { addCard, createBoard, titles, twoPeople } from './helpers';

test('edits made offline reach the other person after reconnecting, and nothing is lost', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Offline');
  const { a, b, contexts, close } = await twoPeople(browser, boardId, request);
  await addCard(a, 'To do', 'Venue booking');
  await expect(titles(b, 'To do')).toHaveText(['Venue booking']);

  await contexts[0]!.setOffline(true);
  await expect(a.locator('[data-status="offline"]')).toBeVisible();
  await addCard(a, 'To do', 'Written offline');
  await a
    .locator('.card', { hasText: 'Venue booking' })
    .dragTo(a.locator('section.column').nth(2).locator('ol'));
  // Meanwhile the other person keeps working online.
  await addCard(b, 'In progress', 'Written online');
  await expect(titles(b, 'To do')).toHaveText(['Venue booking']);

  await contexts[0]!.setOffline(false);
  await expect(a.locator('[data-status="connected"]')).toBeVisible({ timeout: 10_000 });
  for (const page of [a, b]) {
    await expect(titles(page, 'To do')).toHaveText(['Written offline'], { timeout: 5000 });
    await expect(titles(page, 'In progress')).toHaveText(['Written online']);
    await expect(titles(page, 'Done')).toHaveText(['Venue booking']);
  }
  await close();
});

test('a board opened before opens again from the browser cache while the server is unreachable', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Offline reopen');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await addCard(page, 'To do', 'Cached card');
  // The service worker must have installed (and cached the app) before the network goes away.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-status="offline"]')).toBeVisible();
  await expect(titles(page, 'To do')).toHaveText(['Cached card']);
  await addCard(page, 'To do', 'Added while offline');
  await context.setOffline(false);
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 10_000 });

  const other = await browser.newContext();
  const check = await other.newPage();
  await check.goto(`/boards/${boardId}`);
  await expect(titles(check, 'To do')).toHaveText(['Cached card', 'Added while offline']);
  await Promise.all([context.close(), other.close()]);
});
