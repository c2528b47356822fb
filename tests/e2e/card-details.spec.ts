import { expect, test, type Page } from '@playwright/test';
import { addCard, column, createBoard, twoPeople, openCard } from './helpers';

const description = (page: Page) => page.getByRole('dialog').getByRole('textbox', { name: 'Description' });

test('two people typing into the same description at once both keep their words', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Description typing');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Poster');
  await openCard(a, 'Poster');
  await openCard(b, 'Poster');

  await description(a).click();
  await a.keyboard.type('Brief: red poster');
  await expect(description(b)).toHaveValue('Brief: red poster');

  // a puts the caret after "Brief: ", b at the end; both type at the same time, key by key.
  await description(a).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7));
  await description(b).click();
  await b.keyboard.press('End');
  await Promise.all([a.keyboard.type('big ', { delay: 60 }), b.keyboard.type(', A2', { delay: 60 })]);

  for (const page of [a, b]) await expect(description(page)).toHaveValue('Brief: big red poster, A2');
  await close();
});

test('the title is live text too: two people typing into it keep both words, and the board shows it', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Title typing');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Poster');
  await openCard(a, 'Poster');
  await openCard(b, 'Poster');
  const title = (page: Page) => page.getByRole('dialog').getByRole('textbox', { name: 'Card title' });

  await title(a).click();
  await a.keyboard.press('Home');
  await title(b).click();
  await b.keyboard.press('End');
  await Promise.all([a.keyboard.type('Red ', { delay: 60 }), b.keyboard.type(' A2', { delay: 60 })]);
  for (const page of [a, b]) {
    await expect(title(page)).toHaveValue('Red Poster A2');
    await expect(page.locator('.card .title', { hasText: 'Red Poster A2' })).toBeVisible();
  }
  // Emptying the field keeps the title; leaving it shows the stored title again.
  await title(a).fill('');
  await a.keyboard.press('Enter');
  await expect(title(a)).toHaveValue('Red Poster A2');
  await expect(title(b)).toHaveValue('Red Poster A2');
  await close();
});

test('a filter lives in the URL: the link shows another person the same cards, and clearing it restores all', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Filter links');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  for (const title of ['Poster A2', 'Poster A3', 'Banner']) await addCard(a, 'To do', title);

  // Label one poster Urgent and take it on.
  await openCard(a, 'Poster A2');
  const panel = a.getByRole('dialog');
  await panel.getByRole('button', { name: 'Edit labels' }).click();
  await panel.getByRole('textbox', { name: 'Label name' }).fill('Urgent');
  await panel.getByRole('combobox', { name: 'Colour', exact: true }).selectOption('red');
  await panel.getByRole('button', { name: 'Create label' }).click();
  await panel.getByRole('button', { name: 'Assign me' }).click();
  await expect(a.locator('.card', { hasText: 'Poster A2' })).toContainText('Urgent');
  await panel.getByRole('button', { name: 'Close' }).click();

  // Filter: label Urgent and the word "poster".
  await a.getByRole('button', { name: 'Filter', exact: true }).click();
  const bar = a.getByRole('search', { name: 'Filter' });
  await bar.getByRole('checkbox', { name: 'Urgent' }).check();
  await bar.getByRole('searchbox', { name: 'Search cards' }).fill('poster');
  await expect(column(a, 'To do').locator('.card')).toHaveCount(1);
  await expect(a).toHaveURL(/label=[^&]+/);
  await expect(a).toHaveURL(/q=poster/);

  // The same link in another person's browser: the same filter, the same card.
  await b.goto(a.url());
  await expect(b.locator('[data-status="connected"]')).toBeVisible();
  await expect(column(b, 'To do').locator('.card')).toHaveCount(1);
  await expect(column(b, 'To do').locator('.card')).toContainText('Poster A2');
  const barB = b.getByRole('search', { name: 'Filter' });
  await expect(barB.getByRole('checkbox', { name: 'Urgent' })).toBeChecked();
  await expect(barB.getByRole('searchbox', { name: 'Search cards' })).toHaveValue('poster');

  // "Mine" means whoever opens the link: a's card for a, nothing for b.
  await barB.getByRole('button', { name: 'Clear filter' }).click();
  await expect(column(b, 'To do').locator('.card')).toHaveCount(3);
  expect(new URL(b.url()).search).toBe('');
  await b.getByRole('button', { name: 'Filter', exact: true }).click();
  await barB.getByRole('checkbox', { name: 'Mine' }).check();
  await expect(column(b, 'To do').locator('.card')).toHaveCount(0);
  await a.goto(b.url());
  await expect(column(a, 'To do').locator('.card')).toHaveCount(1);
  await close();
});

test('a viewer sees the description live but cannot change it', async ({ browser, request }) => {
  const boardId = await createBoard(request, 'Viewer description');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'viewer');
  await addCard(a, 'To do', 'Leaflet');
  await openCard(a, 'Leaflet');
  await openCard(b, 'Leaflet');
  await description(a).click();
  await a.keyboard.type('Print 500');
  await expect(description(b)).toHaveValue('Print 500');
  await expect(description(b)).toHaveAttribute('readonly', '');
  await close();
});
