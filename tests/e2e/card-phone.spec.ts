import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { ADMIN_STATE, PHONE, addCard, createBoard, openBoard } from './helpers';

test.use(PHONE);

const panel = (page: Page) => page.getByRole('dialog');
const card = (page: Page, title: string) => page.locator('.card', { hasText: title });
const description = (page: Page) => panel(page).getByRole('textbox', { name: 'Description' });

/** Opens a card's panel with a finger, as a phone does. */
async function tapOpen(page: Page, title: string): Promise<void> {
  await card(page, title).getByRole('button', { name: 'Open card details' }).tap();
  await expect(panel(page)).toBeVisible();
}

/** A new board with one card on it, open in `page`; returns the board's and the card's ids. */
async function boardWithCard(page: Page, request: APIRequestContext, title: string) {
  const boardId = await createBoard(request, `Phone ${title}`);
  await openBoard(page, boardId);
  await addCard(page, 'To do', title);
  const cardId = (await card(page, title).getAttribute('data-card-id'))!;
  expect(cardId).toBeTruthy();
  return { boardId, cardId };
}

async function size(target: Locator): Promise<{ width: number; height: number }> {
  await expect(target).toBeVisible();
  const box = (await target.boundingBox())!;
  return { width: box.width, height: box.height };
}

test('on a phone, tapping a card opens its panel in the URL, and the panel fits the screen', async ({
  page,
  request
}) => {
  const { boardId, cardId } = await boardWithCard(page, request, 'Flyer');
  await expect(page).not.toHaveURL(/[?&]card=/);
  await tapOpen(page, 'Flyer');

  expect(new URL(page.url()).pathname).toBe(`/boards/${boardId}`);
  expect(new URL(page.url()).searchParams.get('card')).toBe(cardId);
  await expect(panel(page).getByRole('textbox', { name: 'Card title' })).toHaveValue('Flyer');

  const box = (await panel(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing scrolls sideways: not the page, nor the panel's own content.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const inner = await panel(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(inner).toBeLessThanOrEqual(0);
});

test('on a phone, Back closes the panel and shows the board; Forward opens it again', async ({
  page,
  request
}) => {
  const { cardId } = await boardWithCard(page, request, 'Banner');
  await tapOpen(page, 'Banner');
  await expect(page).toHaveURL(new RegExp(`[?&]card=${cardId}`));

  // Opening a card pushes a history entry (showCard in the board page), so Back undoes it.
  await page.goBack();
  await expect(panel(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]card=/);
  await expect(card(page, 'Banner')).toBeVisible();
  await expect(card(page, 'Banner').getByRole('button', { name: 'Open card details' })).toBeInViewport();

  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`[?&]card=${cardId}`));
  await expect(panel(page).getByRole('textbox', { name: 'Card title' })).toHaveValue('Banner');
});

test('on a phone, a link to a card opened afresh shows its panel straight away', async ({
  browser,
  page,
  request
}) => {
  const { boardId, cardId } = await boardWithCard(page, request, 'Leaflet A5');
  const context = await browser.newContext({ ...PHONE, storageState: ADMIN_STATE });
  const fresh = await context.newPage();
  await fresh.goto(`/boards/${boardId}?card=${cardId}`);
  await expect(panel(fresh)).toBeVisible();
  await expect(panel(fresh).getByRole('textbox', { name: 'Card title' })).toHaveValue('Leaflet A5');
  const box = (await panel(fresh).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await context.close();
});

test('on a phone, the panel’s controls are at least 24×24 px to a finger', async ({ page, request }) => {
  await boardWithCard(page, request, 'Poster');
  await tapOpen(page, 'Poster');
  const add = panel(page).getByRole('textbox', { name: 'Add item', exact: true });
  await add.tap();
  await add.fill('Proofread');
  await add.press('Enter');
  const item = panel(page).locator('li[data-item-id]', { hasText: 'Proofread' });
  await expect(item).toBeVisible();

  const targets: [string, Locator][] = [
    ['close', panel(page).getByRole('button', { name: 'Close' })],
    ['item checkbox', item.getByRole('checkbox', { name: 'Proofread' })],
    ['item menu', item.getByRole('button', { name: 'More for “Proofread”' })],
    ['add item', panel(page).getByRole('button', { name: 'Add item', exact: true })],
    ['new checklist', panel(page).getByRole('button', { name: '+ New checklist' })],
    ['assign me', panel(page).getByRole('button', { name: 'Assign me' })],
    ['edit labels', panel(page).getByRole('button', { name: 'Edit labels' })]
  ];
  // One run names every target that is too small, with its size.
  const small: string[] = [];
  for (const [name, target] of targets) {
    const { width, height } = await size(target);
    if (width < 24 || height < 24) small.push(`${name} ${width}×${height}`);
  }
  expect(small).toEqual([]);

  // The checkbox still works to a tap.
  await item.getByRole('checkbox').tap();
  await expect(item.getByRole('checkbox')).toBeChecked();
});

test('on a phone, a description typed after a tap is kept when the panel is closed and opened again', async ({
  page,
  request
}) => {
  await boardWithCard(page, request, 'Brochure');
  await tapOpen(page, 'Brochure');
  await description(page).tap();
  await page.keyboard.type('Eight pages, glossy');
  await expect(description(page)).toHaveValue('Eight pages, glossy');

  await panel(page).getByRole('button', { name: 'Close' }).tap();
  await expect(panel(page)).toHaveCount(0);
  await tapOpen(page, 'Brochure');
  await expect(description(page)).toHaveValue('Eight pages, glossy');

  // And it outlives a reload, the card still in the URL.
  await page.reload();
  await expect(description(page)).toHaveValue('Eight pages, glossy');
});
