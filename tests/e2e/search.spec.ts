import { expect, test, type Page } from '@playwright/test';
import { addCard, column, createBoard, openBoard, openCard } from './helpers';

const panel = (page: Page) => page.getByRole('dialog');

test('search finds a card by a word only in its comment, and by a Chinese word in a checklist item, and marks the match', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Search everywhere');
  await openBoard(page, boardId);
  for (const title of ['Poster', 'Banner', 'Flyer']) await addCard(page, 'To do', title);

  await openCard(page, 'Poster');
  await panel(page).getByRole('textbox', { name: 'New comment' }).fill('Match the Pantone swatch');
  await panel(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await panel(page).getByRole('button', { name: 'Close' }).click();
  await openCard(page, 'Banner');
  await panel(page).getByRole('textbox', { name: 'Add item', exact: true }).fill('确认出血位');
  await panel(page).getByRole('textbox', { name: 'Add item', exact: true }).press('Enter');
  await panel(page).getByRole('button', { name: 'Close' }).click();

  const flyerId = await page.locator('.card', { hasText: 'Flyer' }).getAttribute('data-card-id');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const search = page
    .getByRole('search', { name: 'Filter' })
    .getByRole('searchbox', { name: 'Search cards' });
  const cards = column(page, 'To do').locator('.card');

  // A word only in a comment, typed in capitals.
  await search.fill('PANTONE');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator('.title')).toHaveText('Poster');
  await expect(cards.first()).toContainText('Found in comments');

  // A Chinese word inside a checklist item: a substring, as Chinese has no spaces between words.
  await search.fill('出血');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator('.title')).toHaveText('Banner');
  await expect(cards.first()).toContainText('Found in checklist');

  // A word in titles is marked where it matched, and says nothing more.
  await search.fill('er');
  await expect(cards).toHaveCount(3);
  await expect(cards.locator('.title mark')).toHaveText(['er', 'er', 'er']);
  await expect(cards.filter({ hasText: 'Found in' })).toHaveCount(0);

  // A comment added while searching shows its card at once (the panel opens from the link).
  await page.goto(`/boards/${boardId}?q=swatch&card=${flyerId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(cards).toHaveCount(1);
  await panel(page).getByRole('textbox', { name: 'New comment' }).fill('Same swatch as the poster');
  await panel(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(cards).toHaveCount(2);
});
