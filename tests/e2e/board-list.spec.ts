import { expect, test } from '@playwright/test';
import { campaignExecution } from '#lib/templates/builtin/campaign-execution';
import { openBoard } from './helpers';

const campaignStages = campaignExecution.stages.map((s) => s.name['zh-CN']);
const gated = campaignExecution.stages.findIndex((s) => s.gate);

test('a board is created from a template, renamed, archived and restored from the board list', async ({
  page
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'My boards' })).toBeVisible();
  await page.getByLabel('Board name').fill('Autumn launch');
  await page.getByRole('radio', { name: campaignExecution.name.en }).check();
  const preview = page.getByRole('region', { name: 'Template preview' });
  await expect(preview.locator('.stages > li summary strong')).toHaveText(campaignStages);
  // The preview shows each stage's rules and, opened, its checklist.
  await expect(preview.locator('.stages > li').nth(gated)).toContainText('Approval by');
  await preview.locator('.stages > li summary').first().click();
  await expect(preview.locator('.stages > li').first().locator('.checklist li')).toHaveCount(
    campaignExecution.stages[0]!.checklist.length
  );
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.locator('section.column h2')).toHaveCount(campaignStages.length);
  await expect(page.locator('section.column').nth(gated)).toContainText('Approval by');

  await page.getByRole('link', { name: 'All boards' }).click();
  const row = page.locator('li.row', { hasText: 'Autumn launch' });
  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Rename' }).fill('Autumn launch 2026');
  await page.getByRole('button', { name: 'Save' }).click();
  const renamed = page.locator('li.row', { hasText: 'Autumn launch 2026' });
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Archive' }).click();
  await expect(page.locator('li.row', { hasText: 'Autumn launch 2026' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show archived boards' }).click();
  const archived = page.locator('li.row', { hasText: 'Autumn launch 2026' });
  await expect(archived).toContainText('Archived');
  await archived.getByRole('button', { name: 'Restore' }).click();
  await page.goto('/');
  await expect(page.locator('li.row', { hasText: 'Autumn launch 2026' })).toBeVisible();
});

test('a bad board name is refused with a clear message and creates nothing', async ({ page, request }) => {
  const before = ((await (await request.get('/api/boards')).json()) as { boards: unknown[] }).boards.length;
  const res = await request.post('/api/boards', { data: { title: '   ' } });
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({
    error: { code: 'invalid-title', message: expect.stringContaining('1–200') }
  });
  const unknown = await request.post('/api/boards', { data: { title: 'x', templateId: 'nope' } });
  expect(unknown.status()).toBe(400);
  const after = ((await (await request.get('/api/boards')).json()) as { boards: unknown[] }).boards.length;
  expect(after).toBe(before);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'My boards' })).toBeVisible();
});

test('a rename over HTTP reaches a person who has the board open, at once', async ({ page, request }) => {
  const res = await request.post('/api/boards', { data: { title: 'Before' } });
  const { board } = (await res.json()) as { board: { id: string } };
  await openBoard(page, board.id);
  await expect(page.locator('header h1')).toHaveText('Before');
  const patch = await request.patch(`/api/boards/${board.id}`, { data: { title: 'After' } });
  expect(patch.status()).toBe(200);
  await expect(page.locator('header h1')).toHaveText('After', { timeout: 1000 });
});

test('the UI speaks Chinese to a Chinese browser and remembers a switch to English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '我的看板' })).toBeVisible();
  // A choice made before hydration has no handler to reach (the run at b6d8e83 lost it once).
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'My boards' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My boards' })).toBeVisible();
  await context.close();
});

test('the demo board is there on a fresh install', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '双十一推广活动（示例）' }).click();
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.locator('.card')).toHaveCount(7);
});
