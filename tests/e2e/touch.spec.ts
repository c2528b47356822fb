import { expect, test, type Page } from '@playwright/test';
import { PHONE, addCard, createBoard, finger, openBoard, titles } from './helpers';

test.use(PHONE);

async function centre(page: Page, title: string, dy = 0) {
  const box = (await page.locator('.card', { hasText: title }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 + dy };
}

test('on a phone, a long press lifts a card and moving the finger reorders it', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Touch');
  await openBoard(page, boardId);
  for (const title of ['Alpha', 'Beta', 'Gamma']) await addCard(page, 'To do', title);
  const from = await centre(page, 'Gamma');
  const to = await centre(page, 'Alpha', -20);
  await (await finger(page)).drag(from, to, 600);
  await expect(titles(page, 'To do')).toHaveText(['Gamma', 'Alpha', 'Beta']);
  // A tap opens a card; a long press that moved it must not.
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.reload();
  await expect(titles(page, 'To do')).toHaveText(['Gamma', 'Alpha', 'Beta']);
});

test('on a phone, a quick swipe over a card does not move it', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Touch swipe');
  await openBoard(page, boardId);
  for (const title of ['One', 'Two', 'Three']) await addCard(page, 'To do', title);
  const from = await centre(page, 'Three');
  const to = await centre(page, 'One', -20);
  await (await finger(page)).drag(from, to, 0);
  await page.waitForTimeout(300);
  await expect(titles(page, 'To do')).toHaveText(['One', 'Two', 'Three']);
});
