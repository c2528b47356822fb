import { expect, test, type Page } from '@playwright/test';
import { designReview } from '#lib/templates/builtin/design-review';
import { addCard, column, createBoard, member, openBoard } from './helpers';

const zh = (key: string) => designReview.stages.find((s) => s.key === key)!.name['zh-CN'];
const FINAL = zh('final');
const PRODUCTION = zh('order-production');
const DRAFT = zh('design-draft');

/** Moves the focused card `steps` columns with the keyboard mover (negative: to the left). */
async function moveBy(page: Page, title: string, steps: number): Promise<void> {
  await page.locator('.card', { hasText: title }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('Space');
}

test('a manager approves a draft while the editor watches; the card moves on, comes back sent back, and both see it happen', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, '春节海报审稿', 'design-review');
  const manager = await member(browser, request, boardId, 'manager', 'Mia Manager');
  const editor = await member(browser, request, boardId, 'editor', 'Eli Editor');
  const m = await manager.context.newPage();
  const e = await editor.context.newPage();
  await openBoard(m, boardId);
  await openBoard(e, boardId);

  // The editor puts the final draft up for sign-off; it cannot move on yet.
  await addCard(e, FINAL, '春节海报 终稿');
  const onEditor = () => e.locator('.card', { hasText: '春节海报 终稿' });
  await expect(onEditor()).toContainText('Awaits approval');
  await moveBy(e, '春节海报 终稿', 1);
  await expect(e.locator('[data-sonner-toast]')).toContainText('not been approved at “Final draft”');
  await expect(column(e, FINAL).locator('.card', { hasText: '春节海报 终稿' })).toBeVisible();
  await expect(column(m, PRODUCTION).locator('.card')).toHaveCount(0);
  // Editors do not get the approve button.
  await onEditor().getByRole('button', { name: 'Open card details' }).click();
  await expect(e.getByRole('dialog').getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // The manager approves with a note; the editor's open panel and card face follow at once.
  await m
    .locator('.card', { hasText: '春节海报 终稿' })
    .getByRole('button', { name: 'Open card details' })
    .click();
  await m.getByRole('dialog').getByLabel('Note (optional)').fill('颜色很好，可以下单');
  await m.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(e.getByRole('dialog')).toContainText('Approved by Mia Manager');
  await expect(e.getByRole('dialog')).toContainText('颜色很好，可以下单');
  await expect(onEditor()).toContainText('Approved');
  await e.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // Now the editor's card moves on, and the manager sees it arrive.
  await moveBy(e, '春节海报 终稿', 1);
  await expect(column(m, PRODUCTION).locator('.card', { hasText: '春节海报 终稿' })).toBeVisible();

  // Back for another look: the manager sends it back to the design draft, round 1.
  await moveBy(e, '春节海报 终稿', -1);
  await expect(column(m, FINAL).locator('.card', { hasText: '春节海报 终稿' })).toBeVisible();
  await m.getByRole('dialog').getByLabel('Note (optional)').fill('字号再大一点');
  await m
    .getByRole('dialog')
    .getByRole('button', { name: /Send back to/ })
    .click();
  for (const page of [m, e]) {
    const returned = column(page, DRAFT).locator('.card', { hasText: '春节海报 终稿' });
    await expect(returned).toBeVisible();
    await expect(returned.locator('.revisions')).toContainText('1');
  }

  // Both see what happened, newest first, with who did it.
  await m.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  for (const page of [m, e]) {
    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    const feed = page.locator('.activity-panel');
    await expect(feed).toContainText('Mia Manager sent “春节海报 终稿” back');
    await expect(feed).toContainText('Mia Manager approved “春节海报 终稿”');
    await expect(feed).toContainText('Eli Editor moved “春节海报 终稿”');
    await expect(feed).toContainText('Eli Editor created “春节海报 终稿”');
  }
  await manager.context.close();
  await editor.context.close();
});

test('a viewer sees the board and its approvals but gets no controls to change them', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, '只读看板', 'design-review');
  const viewer = await member(browser, request, boardId, 'viewer', 'Vic Viewer');
  const v = await viewer.context.newPage();
  await openBoard(v, boardId);
  await expect(v.getByRole('button', { name: 'Add a card' })).toHaveCount(0);
  await expect(v.getByRole('button', { name: /Add stage|Add a stage/ })).toHaveCount(0);
  await expect(v.locator('.presence .avatar.self')).toHaveAttribute('title', /Vic Viewer/);
  await viewer.context.close();
});
