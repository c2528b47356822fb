import { expect, test } from '@playwright/test';
import { addCard, createBoard, openBoard, titles, twoPeople } from './helpers';

test('a card moves with the keyboard alone, announced to screen readers, and others see the move', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Keyboard');
  const { a, b, close } = await twoPeople(browser, boardId, request);
  await addCard(a, 'To do', 'Press release');
  await addCard(a, 'In progress', 'Event venue');
  await addCard(a, 'In progress', 'Guest list');

  const card = a.locator('.card', { hasText: 'Press release' });
  await card.focus();
  await a.keyboard.press('Space');
  const live = a.locator('#board-announcer');
  await expect(live).toContainText('Picked up “Press release”');
  await a.keyboard.press('ArrowRight');
  await expect(live).toContainText('position 1 of 3');
  await a.keyboard.press('ArrowDown');
  await expect(live).toContainText('position 2 of 3');
  await a.keyboard.press('Space');
  await expect(live).toContainText('Dropped “Press release” at position 2');

  await expect(titles(a, 'In progress')).toHaveText(['Event venue', 'Press release', 'Guest list']);
  await expect(titles(b, 'In progress')).toHaveText(['Event venue', 'Press release', 'Guest list'], {
    timeout: 1000
  });
  // Focus follows the card to its new column, so the next move needs no mouse either.
  await expect(a.locator('.card', { hasText: 'Press release' })).toBeFocused();
  await close();
});

test('Escape cancels a keyboard move and writes nothing', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Keyboard cancel');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Stays put');
  await page.locator('.card', { hasText: 'Stays put' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page.locator('#board-announcer')).toContainText('cancelled');
  await expect(titles(page, 'To do')).toHaveText(['Stays put']);
  await expect(titles(page, 'Done')).toHaveCount(0);
  await page.reload();
  await expect(titles(page, 'To do')).toHaveText(['Stays put']);
});

test('a card title is edited and a card archived and restored with the keyboard', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Keyboard edit');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Draft');
  await page.locator('.card', { hasText: 'Draft' }).focus();
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: 'Edit title' }).fill('Final draft');
  await page.keyboard.press('Enter');
  await expect(titles(page, 'To do')).toHaveText(['Final draft']);
  await page.keyboard.press('Delete');
  await expect(titles(page, 'To do')).toHaveCount(0);
  await page.getByRole('button', { name: 'Archived (1)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(titles(page, 'To do')).toHaveText(['Final draft']);
});

test('a click on a card opens it, as Enter on a focused card does; F2 and e rename it in place', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Open by click');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Brief');
  const card = page.locator('.card', { hasText: 'Brief' });
  await card.locator('.title').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page).toHaveURL(/card=/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await card.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await card.focus();
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: 'Edit title' }).fill('Creative brief');
  await page.keyboard.press('Enter');
  await expect(titles(page, 'To do')).toHaveText(['Creative brief']);
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.locator('.card', { hasText: 'Creative brief' }).focus();
  await page.keyboard.press('e');
  await expect(page.getByRole('textbox', { name: 'Edit title' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(titles(page, 'To do')).toHaveText(['Creative brief']);
});
