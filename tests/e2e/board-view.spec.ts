import { expect, test, type Page } from '@playwright/test';
import { designReview } from '#lib/templates/builtin/design-review';
import { ADMIN_STATE, addCard, column, createBoard, member, openBoard, titles, twoPeople } from './helpers';

const zh = (key: string) => designReview.stages.find((s) => s.key === key)!.name['zh-CN'];
const CHECK = zh('check');
const FINAL = zh('final');
const PRODUCTION = zh('order-production');
const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]', { hasText: text });

/** Moves the focused card `steps` columns with the keyboard mover (negative: to the left). */
async function moveBy(page: Page, title: string, steps: number): Promise<void> {
  await page.locator('.card', { hasText: title }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('Space');
}

test('Ctrl+Z undoes my own move and Ctrl+Shift+Z redoes it, never the other person’s, and not while typing', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Undo');
  const { a, b, close } = await twoPeople(browser, boardId, request);
  await addCard(a, 'To do', 'Mine');
  await addCard(b, 'To do', 'Theirs');
  await moveBy(a, 'Mine', 1);
  await expect(titles(a, 'In progress')).toHaveText(['Mine']);
  // The other person moves their card after mine: my undo must leave theirs where they put it.
  await moveBy(b, 'Theirs', 2);
  await expect(titles(a, 'Done')).toHaveText(['Theirs']);

  // Focus is still on my card, where the keyboard move left it.
  await a.keyboard.press('Control+z');
  await expect(titles(a, 'To do')).toHaveText(['Mine']);
  await expect(titles(b, 'To do')).toHaveText(['Mine']);
  await expect(titles(b, 'Done')).toHaveText(['Theirs']);
  await a.keyboard.press('Control+Shift+z');
  await expect(titles(b, 'In progress')).toHaveText(['Mine']);

  // Inside a text field the browser's own undo applies; the board stays as it is.
  await column(a, 'To do').getByRole('button', { name: 'Add a card' }).click();
  const field = column(a, 'To do').getByRole('textbox', { name: 'Add a card' });
  await field.fill('typed');
  await field.press('Control+z');
  await expect(titles(a, 'In progress')).toHaveText(['Mine']);
  await close();
});

test('archiving shows a toast whose Undo brings the card back, and archived cards can be restored from a list', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Archive toast');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Old flyer');
  await addCard(page, 'To do', 'Old banner');
  await page.locator('.card', { hasText: 'Old flyer' }).focus();
  await page.keyboard.press('Delete');
  await expect(titles(page, 'To do')).toHaveText(['Old banner']);
  await toast(page, 'Archived “Old flyer”').getByRole('button', { name: 'Undo' }).click();
  await expect(titles(page, 'To do')).toHaveText(['Old flyer', 'Old banner']);

  await page.locator('.card', { hasText: 'Old banner' }).hover();
  await page
    .locator('.card', { hasText: 'Old banner' })
    .getByRole('button', { name: 'Archive card' })
    .click();
  await expect(titles(page, 'To do')).toHaveText(['Old flyer']);
  await page.getByRole('button', { name: 'Archived (1)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(titles(page, 'To do')).toHaveText(['Old flyer', 'Old banner']);
  await page.reload();
  await expect(titles(page, 'To do')).toHaveText(['Old flyer', 'Old banner']);
});

test('moving a card back behind a gate it has not passed asks first; undoing that move is refused, not sent', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Gate warning', 'design-review');
  await openBoard(page, boardId);
  // Made past the gate, the card was never approved at 定稿.
  await addCard(page, PRODUCTION, 'Banner');
  await moveBy(page, 'Banner', -1);
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText(`needs approval by Leader (market department manager) at “Final draft”`);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(titles(page, PRODUCTION)).toHaveText(['Banner']);

  await moveBy(page, 'Banner', -1);
  await ask.getByRole('button', { name: 'Move back' }).click();
  await expect(titles(page, FINAL)).toHaveText(['Banner']);

  // Undoing would carry the card forward past the unsigned gate: the server would refuse it.
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Cannot undo')).toContainText('Final draft');
  await expect(titles(page, FINAL)).toHaveText(['Banner']);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await page.reload();
  await expect(titles(page, FINAL)).toHaveText(['Banner']);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN', storageState: ADMIN_STATE });

  test('a refused move says in Chinese which gate holds the card and who approves it', async ({
    page,
    request
  }) => {
    const boardId = await createBoard(request, '拒绝提示', 'design-review');
    await page.goto(`/boards/${boardId}`);
    await expect(page.locator('[data-status="connected"]')).toBeVisible();
    const col = column(page, CHECK);
    await col.getByRole('button', { name: '添加卡片' }).click();
    await col.getByRole('textbox', { name: '添加卡片' }).fill('春节海报');
    await col.getByRole('textbox', { name: '添加卡片' }).press('Enter');
    await col.getByRole('textbox', { name: '添加卡片' }).press('Escape');
    // Two columns on: past 定稿, whose gate is unsigned (the card's own stage has no gate).
    await moveBy(page, '春节海报', 2);
    await expect(toast(page, '审批')).toHaveText(/卡片还没通过「定稿」的审批（审批人：领导（市场部经理））/);
    await expect(titles(page, CHECK)).toHaveText(['春节海报']);
  });
});

test('a viewer sees cards without drag handles: not draggable, no grab cursor', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Viewer');
  const owner = await browser.newContext({ storageState: ADMIN_STATE });
  const o = await owner.newPage();
  await openBoard(o, boardId);
  await addCard(o, 'To do', 'Read only');
  const viewer = await member(browser, request, boardId, 'viewer');
  const v = await viewer.context.newPage();
  await openBoard(v, boardId);
  const card = v.locator('.card', { hasText: 'Read only' });
  await expect(card).toBeVisible();
  await expect(card).not.toHaveAttribute('draggable', 'true');
  expect(await card.evaluate((el) => getComputedStyle(el).cursor)).not.toBe('grab');
  await expect(o.locator('.card', { hasText: 'Read only' })).toHaveAttribute('draggable', 'true');
  await owner.close();
  await viewer.context.close();
});
