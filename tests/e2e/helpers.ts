import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page
} from '@playwright/test';

/** Creates a board through the HTTP API and returns its id. */
export async function createBoard(
  request: APIRequestContext,
  title: string,
  templateId = 'blank'
): Promise<string> {
  const res = await request.post('/api/boards', { data: { title, templateId } });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { board: { id: string } };
  return body.board.id;
}

/** Opens a board page and waits until it is synced with the server. */
export async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.locator('.column').first()).toBeVisible();
}

/** Two people on the same board, each in a browser context of their own. */
export async function twoPeople(browser: Browser, boardId: string) {
  const contexts: BrowserContext[] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
  await openBoard(a!, boardId);
  await openBoard(b!, boardId);
  return { a: a!, b: b!, contexts, close: () => Promise.all(contexts.map((c) => c.close())) };
}

/** The column with this (visible) stage name. */
export function column(page: Page, name: string) {
  return page.locator('section.column', { has: page.locator('h2', { hasText: name }) });
}

/** Adds a card through the UI's inline form. */
export async function addCard(page: Page, stage: string, title: string): Promise<void> {
  const col = column(page, stage);
  await col.getByRole('button', { name: 'Add a card' }).click();
  await col.getByRole('textbox', { name: 'Add a card' }).fill(title);
  await col.getByRole('textbox', { name: 'Add a card' }).press('Enter');
  await expect(col.locator('.card', { hasText: title })).toBeVisible();
  await col.getByRole('textbox', { name: 'Add a card' }).press('Escape');
}

/** Titles of a column's cards, top to bottom. */
export function titles(page: Page, stage: string) {
  return column(page, stage).locator('.card .title');
}
