import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { conferenceEvent } from '#lib/templates/builtin/conference-event';
import { addCard, createBoard, openBoard } from './helpers';

/** A person who just signed up and is on no board yet, in a browser of their own. */
async function newcomer(browser: Browser, locale = 'en-US') {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale });
  const email = `newcomer.${Date.now()}@stageboard.test`;
  const signup = await context.request.post('/api/auth/signup', {
    data: { email, name: 'Nina New', password: 'newcomer-password-1' }
  });
  expect(signup.status(), await signup.text()).toBe(201);
  return context;
}

async function listedUpdatedAt(request: APIRequestContext, id: string): Promise<number> {
  const { boards } = (await (await request.get('/api/boards')).json()) as {
    boards: { id: string; updatedAt: number }[];
  };
  return boards.find((b) => b.id === id)!.updatedAt;
}

test('the board list shows each board’s template, cards by stage and members, and finds boards by name, Chinese included', async ({
  page,
  request
}) => {
  const stamp = Date.now();
  const chinese = await createBoard(request, `秋季新品发布会 ${stamp}`, 'conference-event');
  await createBoard(request, `Spring fair ${stamp}`);
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toBeAttached();

  const row = page.locator(`li.row[data-board-id="${chinese}"]`);
  await expect(row).toContainText(conferenceEvent.name.en);
  const strip = row.getByRole('img', { name: /^Cards by stage:/ });
  await expect(strip).toHaveAttribute('aria-label', new RegExp(`${conferenceEvent.stages[0]!.name.en} 0`));
  await expect(row).toContainText('No cards yet');
  await expect(row.getByRole('img', { name: 'Members: 1' })).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Find a board' });
  await search.fill('新品发布');
  await expect(page.locator('li.row')).toHaveCount(1);
  await expect(page.locator('li.row')).toContainText(`秋季新品发布会 ${stamp}`);
  await search.fill(`spring FAIR ${stamp}`);
  await expect(page.locator('li.row')).toHaveCount(1);
  await expect(page.locator('li.row')).toContainText(`Spring fair ${stamp}`);
  await search.fill('没有这个看板');
  await expect(page.getByRole('status')).toContainText('No board name contains “没有这个看板”');
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.locator(`li.row[data-board-id="${chinese}"]`)).toBeVisible();
});

test('the board list’s last change moves when a card changes on the board (defect 10)', async ({
  page,
  request
}) => {
  const id = await createBoard(request, `Moving time ${Date.now()}`);
  await page.goto('/');
  const time = page.locator(`li.row[data-board-id="${id}"] time`);
  const before = Date.parse((await time.getAttribute('datetime'))!);
  const listedBefore = await listedUpdatedAt(request, id);

  await openBoard(page, id);
  await addCard(page, 'To do', 'Print the posters');
  // The row is written at once or, within a burst, when the burst's window ends (a few seconds).
  await expect.poll(() => listedUpdatedAt(request, id), { timeout: 15_000 }).toBeGreaterThan(listedBefore);

  await page.goto('/');
  const after = Date.parse((await time.getAttribute('datetime'))!);
  expect(after).toBeGreaterThan(before);
  await expect(
    page.locator(`li.row[data-board-id="${id}"]`).getByRole('img', { name: /To do 1/ })
  ).toBeVisible();
});

test('an empty board list says how to start, and its button leads to making a board from a template', async ({
  browser
}) => {
  const context = await newcomer(browser);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  await expect(page.getByText('No boards yet')).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await page.getByRole('button', { name: 'New board from a template' }).click();
  await expect(page.getByLabel('Board name')).toBeFocused();
  await page.getByLabel('Board name').fill('My first board');
  await page.getByRole('radio', { name: new RegExp(conferenceEvent.name.en) }).check();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await expect(page.locator('section.column h2')).toHaveCount(conferenceEvent.stages.length);
  await context.close();
});

test('the template picker shows cards, and the preview keeps sources behind “出处”, worded for people (defect 12)', async ({
  browser
}) => {
  const context = await newcomer(browser, 'zh-CN');
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  const option = page.getByRole('radio', { name: new RegExp(conferenceEvent.name['zh-CN']) });
  // A card says what the template is for and how many stages it has.
  await expect(page.locator('label.option', { has: option })).toContainText(
    `${conferenceEvent.stages.length} 个阶段`
  );
  await option.check();
  const preview = page.getByRole('region', { name: '模板预览' });
  await expect(preview.getByRole('heading', { name: conferenceEvent.name['zh-CN'] })).toBeVisible();
  await expect(preview).not.toContainText('l.');
  const sources = preview.locator('details.sources');
  await expect(sources.locator('summary')).toHaveText('出处');
  await expect(sources.getByText('《市场部工作手册》§2.2.4 会务流程，第 221–243 行')).toBeHidden();
  await sources.locator('summary').click();
  await expect(sources.getByText('《市场部工作手册》§2.2.4 会务流程，第 221–243 行')).toBeVisible();
  await expect(sources.locator('li')).toHaveCount(conferenceEvent.sources.length);
  await context.close();
});
