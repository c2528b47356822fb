import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STATE, addCard, createBoard, openBoard, openCard } from './helpers';

// A 1×1 PNG: the smallest image draft that makes a cover.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

const panel = (page: Page) => page.getByRole('dialog');

test('a card face shows its comments, checklist progress, drafts, description and the latest image as its cover', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Card faces');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Poster');
  const card = page.locator('.card', { hasText: 'Poster' });
  // A bare card shows none of it.
  await expect(card.locator('.badge')).toHaveCount(0);
  await expect(card.locator('img.cover')).toHaveCount(0);

  await openCard(page, 'Poster');
  await panel(page).getByRole('textbox', { name: 'Description' }).fill('A2, matte');
  await panel(page).getByRole('textbox', { name: 'Add item', exact: true }).fill('Bleed');
  await panel(page).getByRole('textbox', { name: 'Add item', exact: true }).press('Enter');
  await panel(page).getByRole('textbox', { name: 'New comment' }).fill('Logo too small');
  await panel(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const cardId = (await card.getAttribute('data-card-id'))!;
  const upload = await request.post(`/api/boards/${boardId}/cards/${cardId}/attachments?name=v1.png`, {
    data: PNG,
    headers: { 'content-type': 'image/png' }
  });
  expect(upload.status(), await upload.text()).toBe(201);

  await expect(card.getByTitle('Comments: 1')).toContainText('1');
  await expect(card.getByTitle('Attachments: 1')).toContainText('1');
  await expect(card.getByTitle('Has a description')).toBeVisible();
  await expect(card.getByTitle('Checklist 0/1')).toContainText('0/1');
  const cover = card.locator('img.cover');
  await expect(cover).toHaveAttribute('src', new RegExp(`/attachments/[^/]+/v/1$`));
  await expect
    .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1);

  // The checklist badge turns green when every item is ticked.
  await panel(page).getByRole('checkbox', { name: 'Bleed' }).check();
  await expect(card.locator('.badge.checklist')).toHaveCSS('background-color', 'rgb(31, 136, 61)');
});

test('a due date set through the picker in Chinese shows on the face as 12月15日, red once passed', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, '到期日');
  const context = await browser.newContext({ locale: 'zh-CN', storageState: ADMIN_STATE });
  const page = await context.newPage();
  await openBoard(page, boardId);
  const todo = page.locator('section.column').first();
  await todo.getByRole('button', { name: '添加卡片' }).click();
  await todo.getByRole('textbox', { name: '添加卡片' }).fill('海报');
  await todo.getByRole('textbox', { name: '添加卡片' }).press('Enter');
  const card = page.locator('.card', { hasText: '海报' });
  await card.getByRole('button', { name: '打开卡片详情' }).click();
  await expect(panel(page)).toContainText('这个阶段没有时限。');

  // The 15th of last month: passed, whatever day the test runs.
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 15);
  const iso = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}-15`;
  const trigger = panel(page).getByRole('button', { name: /^截止日期：未设置/ });
  await trigger.click();
  // The calendar speaks Chinese: its heading is 2026年12月, not December 2026.
  await expect(page.locator('[data-dp-prev]')).toHaveAccessibleName('上个月');
  await expect(page.getByRole('application')).toHaveAccessibleName(/\d{4}年\d{1,2}月/);
  await page.locator('[data-dp-prev]').click();
  await page.locator(`[data-bits-day][data-value="${iso}"]:not([data-outside-month])`).click();

  const sameYear = last.getFullYear() === now.getFullYear();
  const shown = sameYear
    ? `${last.getMonth() + 1}月15日`
    : `${last.getFullYear()}年${last.getMonth() + 1}月15日`;
  const due = card.locator('[data-due]');
  await expect(due).toContainText(shown);
  await expect(due).toHaveAttribute('data-due', 'overdue');
  await expect(due).toHaveCSS('background-color', 'rgb(207, 34, 46)');
  await expect(due).toHaveAttribute('title', `截止日期：${shown}，已逾期`);
  // The panel says the card's own date, in full, instead of "no time limit".
  const full = `${last.getFullYear()}年${last.getMonth() + 1}月15日`;
  await expect(panel(page)).toContainText(`卡片截止日期：${full}，已逾期`);
  await expect(panel(page)).not.toContainText('这个阶段没有时限。');
  await expect(panel(page).getByRole('button', { name: new RegExp(`^截止日期：${full}`) })).toBeVisible();
  await context.close();
});
