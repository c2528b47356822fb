import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { designReview } from '#lib/templates/builtin/design-review';
import { addCard, column, createBoard, member } from './helpers';

/**
 * Approvals that mean what they say, in real browsers against the real server: a 会签 gate needs
 * both approvers (two managers, two contexts, each seeing the other sign live), and a new draft
 * version after approval closes a draft review's gate again, the panel saying which version was
 * approved.
 */

// A 1×1 PNG; a second round appends bytes so the server stores a different file.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

/** Moves the focused card `steps` columns with the keyboard mover. */
async function moveBy(page: Page, title: string, steps: number): Promise<void> {
  await page.locator('.card', { hasText: title }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
}

/**
 * Opens the board and waits for its connection. Six branches share two cores while these run, and
 * a first connection has taken over helpers.ts openBoard's five seconds here (load average ~19).
 */
async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.column').first()).toBeVisible();
}

async function openPanel(page: Page, title: string) {
  await page.locator('.card', { hasText: title }).getByRole('button', { name: 'Open card details' }).click();
  return page.getByRole('dialog');
}

test('a 会签 gate needs both approvers: one manager’s signature leaves it closed, the second opens it', async ({
  browser,
  page,
  request
}) => {
  // Two managers' pages beside the owner's on a shared 2-core machine: more than the default minute.
  test.slow();
  const boardId = await createBoard(request, '会签看板', 'blank');
  await openBoard(page, boardId);
  // The owner makes 待办 a 会签 gate of two approvers in stage settings.
  await column(page, '待办').getByRole('button', { name: 'Stage settings' }).click();
  const settings = page.getByRole('dialog', { name: /Stage settings/ });
  await settings.getByRole('tab', { name: 'Approval' }).click();
  await settings.getByRole('button', { name: 'Add approver' }).click();
  await settings.getByRole('button', { name: 'Add approver' }).click();
  await settings.getByRole('textbox', { name: 'Approver title' }).nth(0).fill('市场部经理');
  await settings.getByRole('textbox', { name: 'Approver title' }).nth(1).fill('营销总监');
  await settings.getByRole('combobox', { name: 'Signing', exact: true }).selectOption('all');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toHaveCount(0);
  await addCard(page, '待办', '新品发布方案');

  const mia = await member(browser, request, boardId, 'manager', 'Mia Manager');
  const max = await member(browser, request, boardId, 'manager', 'Max Manager');
  const m = await mia.context.newPage();
  const x = await max.context.newPage();
  await openBoard(m, boardId);
  await openBoard(x, boardId);

  const miaPanel = await openPanel(m, '新品发布方案');
  const maxPanel = await openPanel(x, '新品发布方案');
  await expect(miaPanel).toContainText('All approvers');
  await miaPanel.getByRole('button', { name: 'Approve as 市场部经理' }).click();
  // Max sees Mia's signature live, the gate still closed, and only the other approver to sign.
  await expect(maxPanel).toContainText('市场部经理: approved by Mia Manager');
  await expect(maxPanel).toContainText('营销总监: waiting');
  await expect(maxPanel.getByRole('button', { name: 'Approve as 市场部经理' })).toHaveCount(0);
  await expect(x.locator('.card', { hasText: '新品发布方案' })).toContainText('Awaits approval');
  await maxPanel.getByRole('button', { name: 'Close' }).click();
  await moveBy(x, '新品发布方案', 1);
  await expect(x.locator('[data-sonner-toast]')).toContainText('not been approved');
  await expect(column(x, '待办').locator('.card', { hasText: '新品发布方案' })).toBeVisible();

  // Max signs the second approver: now the gate is open for both, and the card moves on.
  const again = await openPanel(x, '新品发布方案');
  await again.getByRole('button', { name: 'Approve as 营销总监' }).click();
  await expect(miaPanel).toContainText('营销总监: approved by Max Manager');
  await expect(m.locator('.card', { hasText: '新品发布方案' })).toContainText('Approved');
  await again.getByRole('button', { name: 'Close' }).click();
  await moveBy(x, '新品发布方案', 1);
  await expect(column(m, '进行中').locator('.card', { hasText: '新品发布方案' })).toBeVisible();
  await mia.context.close();
  await max.context.close();
});

test('a new draft version after approval closes the design review again and says which version was approved', async ({
  browser,
  request
}) => {
  test.slow();
  const final = designReview.stages.find((s) => s.gate)!.name['zh-CN'];
  const boardId = await createBoard(request, '海报审稿', 'design-review');
  const mia = await member(browser, request, boardId, 'manager', 'Mia Manager');
  const eli = await member(browser, request, boardId, 'editor', 'Eli Editor');
  const m = await mia.context.newPage();
  const e = await eli.context.newPage();
  await openBoard(m, boardId);
  await openBoard(e, boardId);

  await addCard(e, final, '春节海报');
  const cardId = (await column(e, final)
    .locator('.card', { hasText: '春节海报' })
    .getAttribute('data-card-id'))!;
  const upload = (api: APIRequestContext, path: string, body: Buffer) =>
    api.post(`/api/boards/${boardId}/cards/${cardId}/attachments${path}?name=poster.png`, {
      data: body,
      headers: { 'content-type': 'image/png' }
    });
  const first = await upload(eli.context.request, '', PNG);
  expect(first.status()).toBe(201);
  const { attachmentId } = (await first.json()) as { attachmentId: string };
  await upload(eli.context.request, `/${attachmentId}`, Buffer.concat([PNG, Buffer.from('v2')]));

  // Editors do not approve.
  const eliPanel = await openPanel(e, '春节海报');
  await expect(eliPanel.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const miaPanel = await openPanel(m, '春节海报');
  await miaPanel.getByRole('button', { name: 'Approve' }).click();
  await expect(eliPanel).toContainText('Approved by Mia Manager');
  await expect(e.locator('.card', { hasText: '春节海报' })).toContainText('Approved');

  // Version 3 arrives after the approval: the gate closes again for everyone.
  const third = await upload(
    eli.context.request,
    `/${attachmentId}`,
    Buffer.concat([PNG, Buffer.from('v3')])
  );
  expect(third.status()).toBe(201);
  await expect(miaPanel).toContainText(/approved version 2; now version 3/i);
  await expect(eliPanel).toContainText(/approved version 2; now version 3/i);
  await expect(m.locator('.card', { hasText: '春节海报' })).toContainText('Awaits approval');
  await eliPanel.getByRole('button', { name: 'Close' }).click();
  await moveBy(e, '春节海报', 1);
  await expect(e.locator('[data-sonner-toast]')).toContainText('not been approved');

  // Mia approves version 3; the gate opens again.
  await miaPanel.getByRole('button', { name: 'Approve' }).click();
  await expect(miaPanel).toContainText('Approved by Mia Manager');
  await expect(e.locator('.card', { hasText: '春节海报' })).toContainText('Approved');
  await mia.context.close();
  await eli.context.close();
});
