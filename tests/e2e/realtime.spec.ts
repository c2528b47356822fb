import { expect, test } from '@playwright/test';
import { addCard, column, createBoard, openBoard, titles, twoPeople } from './helpers';

test('a card dragged with the mouse in one browser appears in the other browser’s column within a second', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Drag sync');
  const { a, b, close } = await twoPeople(browser, boardId, request);
  await addCard(a, 'To do', 'Poster draft');
  await addCard(a, 'To do', 'Banner copy');
  await expect(titles(b, 'To do')).toHaveText(['Poster draft', 'Banner copy'], { timeout: 1000 });

  await a.locator('.card', { hasText: 'Poster draft' }).dragTo(column(a, 'In progress').locator('ol.cards'));
  await expect(titles(a, 'In progress')).toHaveText(['Poster draft']);
  await expect(titles(b, 'In progress')).toHaveText(['Poster draft'], { timeout: 1000 });
  await expect(titles(b, 'To do')).toHaveText(['Banner copy'], { timeout: 1000 });

  // Reorder within a column: drop onto the lower half of the first card puts it second.
  await addCard(a, 'In progress', 'Video script');
  const first = a.locator('.card', { hasText: 'Poster draft' });
  const box = (await first.boundingBox())!;
  await a.locator('.card', { hasText: 'Video script' }).dragTo(first, {
    targetPosition: { x: box.width / 2, y: 4 }
  });
  await expect(titles(b, 'In progress')).toHaveText(['Video script', 'Poster draft'], { timeout: 1000 });
  // A click opens a card; a drag must not end in one.
  await expect(a.getByRole('dialog')).toBeHidden();
  await close();
});

test('people on a board see each other’s avatars and a marker on the card someone is editing', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Presence');
  const { a, b, close } = await twoPeople(browser, boardId, request);
  await expect(a.locator('.presence .avatar')).toHaveCount(2);
  await expect(b.locator('.presence .avatar')).toHaveCount(2);
  await addCard(a, 'To do', 'Launch plan');
  await a.locator('.card', { hasText: 'Launch plan' }).focus();
  await a.keyboard.press('F2');
  await expect(b.locator('.card', { hasText: 'Launch plan' }).locator('.peer-marker')).toContainText(
    'is editing'
  );
  await a.getByRole('textbox', { name: 'Edit title' }).fill('Launch plan v2');
  await a.getByRole('textbox', { name: 'Edit title' }).press('Enter');
  await expect(b.locator('.card .title', { hasText: 'Launch plan v2' })).toBeVisible({ timeout: 1000 });
  await expect(b.locator('.peer-marker')).toHaveCount(0);
  await close();
});

test('a reload shows the same board', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Reload');
  await openBoard(page, boardId);
  await addCard(page, 'Done', 'Shipped');
  await addCard(page, 'To do', 'Next');
  await page.reload();
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(titles(page, 'Done')).toHaveText(['Shipped']);
  await expect(titles(page, 'To do')).toHaveText(['Next']);
});
