import { expect, test } from '@playwright/test';
import { addCard, column, createBoard, member, openBoard, titles } from './helpers';

test('? lists the shortcuts in a dialog, grouped, with keys as key caps, and Escape closes it', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Shortcut help');
  await openBoard(page, boardId);
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Focused card' })).toBeVisible();
  for (const key of ['N', '/', 'F', 'M', 'A', 'E', 'F2', 'Esc']) {
    await expect(help.locator('kbd', { hasText: new RegExp(`^${key.replace('/', '\\/')}$`) })).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('n opens the add-card form of the focused card’s column, else of the first column', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Shortcut new card');
  await openBoard(page, boardId);
  await addCard(page, 'In progress', 'Venue');
  await page.locator('.card', { hasText: 'Venue' }).focus();
  await page.keyboard.press('n');
  const field = column(page, 'In progress').getByRole('textbox', { name: 'Add a card' });
  await expect(field).toBeFocused();
  // The key that opened the form is not typed into it.
  await expect(field).toHaveValue('');
  await page.keyboard.type('Caterer');
  await page.keyboard.press('Enter');
  await expect(titles(page, 'In progress')).toHaveText(['Venue', 'Caterer']);
  await page.keyboard.press('Escape');

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('n');
  await expect(column(page, 'To do').getByRole('textbox', { name: 'Add a card' })).toBeFocused();
});

test('/ opens the filter and focuses search, where typing n is text; f shows and hides the filter', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Shortcut search');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Banner');
  const search = page.getByRole('searchbox', { name: 'Search cards' });
  await expect(search).toBeHidden();
  await page.locator('body').press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('n');
  await expect(search).toHaveValue('n');
  await expect(page.getByRole('textbox', { name: 'Add a card' })).toHaveCount(0);
  await search.fill('');
  // No card was made by the n typed into search.
  await expect(page.locator('.card')).toHaveText([/Banner/]);

  await page.locator('.card', { hasText: 'Banner' }).focus();
  await page.keyboard.press('f');
  await expect(search).toBeHidden();
  await page.keyboard.press('f');
  await expect(page.getByRole('search')).toBeVisible();
});

test('arrows move focus between cards and columns, and lift-and-move with Space still works', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Shortcut arrows');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'One');
  await addCard(page, 'To do', 'Two');
  await addCard(page, 'Done', 'Three');
  const card = (title: string) => page.locator('.card', { hasText: title });
  await card('One').focus();
  await page.keyboard.press('ArrowDown');
  await expect(card('Two')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(card('One')).toBeFocused();
  // The empty middle column is passed over.
  await page.keyboard.press('ArrowRight');
  await expect(card('Three')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(card('One')).toBeFocused();

  // A lifted card takes the arrows for moving, as before.
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(titles(page, 'To do')).toHaveText(['Two', 'One']);
  await expect(card('One')).toBeFocused();
});

test('m opens a menu of stages that moves the focused card; a assigns it to me and back', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Shortcut move');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Poster');
  await page.locator('.card', { hasText: 'Poster' }).focus();
  await page.keyboard.press('m');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /To do/ })).toHaveAttribute('aria-disabled', 'true');
  await menu.getByRole('menuitem', { name: 'Done' }).click();
  await expect(menu).toBeHidden();
  await expect(titles(page, 'Done')).toHaveText(['Poster']);
  const poster = page.locator('.card', { hasText: 'Poster' });
  await expect(poster).toBeFocused();

  // The keyboard alone: m, arrows, Enter.
  await page.keyboard.press('m');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(titles(page, 'Done')).toHaveText([]);
  await expect(poster).toBeFocused();

  await page.keyboard.press('a');
  await expect(poster).toContainText('Assigned to Ada Admin');
  await page.keyboard.press('a');
  await expect(poster).not.toContainText('Assigned to');
});

test('a viewer’s n, m and a do nothing, while arrows, / and ? still help them read', async ({
  browser,
  page: owner,
  request
}) => {
  const boardId = await createBoard(request, 'Shortcut viewer');
  await openBoard(owner, boardId);
  await addCard(owner, 'To do', 'Read me');
  await addCard(owner, 'To do', 'And me');
  const viewer = await member(browser, request, boardId, 'viewer');
  const page = await viewer.context.newPage();
  await openBoard(page, boardId);
  const card = page.locator('.card', { hasText: 'Read me' });
  await card.focus();
  await page.keyboard.press('n');
  await page.keyboard.press('m');
  await page.keyboard.press('a');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Add a card' })).toHaveCount(0);
  await expect(card).not.toContainText('Assigned to');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.card', { hasText: 'And me' })).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await viewer.context.close();
});
