import { expect, test, type Page } from '@playwright/test';
import { designReview } from '#lib/templates/builtin/design-review';
import { ADMIN, addCard, createBoard, member, openBoard, openCard } from './helpers';

const zh = (key: string) => designReview.stages.find((s) => s.key === key)!.name['zh-CN'];
const CHECK = zh('check');
const FINAL = zh('final');

/** Moves the card one column right with the keyboard mover. */
async function moveRight(page: Page, title: string): Promise<void> {
  await page.locator('.card', { hasText: title }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
}

test('a card entering a gated stage reaches the approver’s inbox live; the send-back and its reason reach the assignee’s', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, '春节海报审稿', 'design-review');
  const manager = await member(browser, request, boardId, 'manager', 'Mia Approver');
  const editor = await member(browser, request, boardId, 'editor', 'Eli Assignee');
  const mInbox = await manager.context.newPage();
  await mInbox.goto('/inbox');
  await expect(mInbox.locator('[data-unread]')).toHaveText('0 unread');
  const eInbox = await editor.context.newPage();
  await eInbox.goto('/inbox');
  await expect(eInbox.locator('[data-unread]')).toHaveText('0 unread');

  // The editor takes the card, then puts it up for the final sign-off.
  const e = await editor.context.newPage();
  await openBoard(e, boardId);
  await addCard(e, CHECK, '海报 终稿');
  await openCard(e, '海报 终稿');
  await e.getByRole('dialog').getByRole('button', { name: 'Assign me' }).click();
  await e.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await moveRight(e, '海报 终稿');

  const ask = mInbox.locator('.entry[data-kind="gate"]', { hasText: '海报 终稿' });
  await expect(ask).toContainText(`“海报 终稿” entered ${FINAL} and awaits your approval`);
  await expect(ask).toHaveClass(/unread/);
  await expect(mInbox.locator('[data-unread]')).toHaveText('1 unread');
  // Nobody hears of their own move.
  await expect(eInbox.locator('.entry[data-kind="gate"]')).toHaveCount(0);

  // The manager follows the link to the card and sends it back with a reason.
  await ask.getByRole('link').click();
  const panel = mInbox.getByRole('dialog');
  await expect(panel).toBeVisible();
  await panel.getByLabel('Note (optional)').fill('字号再大一点');
  await panel.getByRole('button', { name: /Send back to/ }).click();

  const back = eInbox.locator('.entry[data-kind="sent-back"]', { hasText: '海报 终稿' });
  await expect(back).toContainText('Mia Approver sent “海报 终稿” back to');
  await expect(back).toContainText('Reason: 字号再大一点');
  await expect(eInbox.locator('[data-unread]')).toHaveText('1 unread');
  await manager.context.close();
  await editor.context.close();
});

test('a mention’s inbox link opens the card at the comment, scrolled into view and lit up', async ({
  browser,
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Comment links');
  const bea = await member(browser, request, boardId, 'editor', 'Bea Linked');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Long thread');
  await openCard(page, 'Long thread');
  const box = page.getByRole('dialog').getByRole('textbox', { name: 'New comment' });
  const say = async (text: string) => {
    await box.fill(text);
    await box.press('Control+Enter');
    await expect(box).toHaveValue('');
  };
  for (let i = 1; i <= 6; i++) await say(`Round ${i} of notes:\n- one\n- two\n- three\n- four`);
  // The mention is the last word in a long thread: the panel opens at the top, far above it.
  await box.click();
  await box.pressSequentially('@Bea');
  await box.press('Enter');
  await box.pressSequentially('the final word is yours');
  await box.press('Control+Enter');
  await expect(box).toHaveValue('');

  const b = await bea.context.newPage();
  await b.goto('/inbox');
  const entry = b.locator('.entry[data-kind="mention"]', { hasText: 'Long thread' });
  await expect(entry).toContainText(`${ADMIN.name} mentioned you on “Long thread”`);
  await entry.getByRole('link').click();
  await expect(b).toHaveURL(/[?&]comment=/);
  const commentId = new URL(b.url()).searchParams.get('comment')!;
  const comment = b.locator(`[data-comment-id="${commentId}"]`);
  await expect(comment).toContainText('the final word is yours');
  await expect(comment).toBeInViewport();
  await expect(comment).toHaveClass(/flash/);
  await bea.context.close();
});

test('an entry of the activity feed opens its card', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Feed links');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Flyer');
  await addCard(page, 'To do', 'Banner');
  const flyerId = await page.locator('.card', { hasText: 'Flyer' }).getAttribute('data-card-id');
  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  const feed = page.locator('.activity-panel');
  await feed.getByRole('link', { name: new RegExp(`^${ADMIN.name} created “Flyer”`) }).click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Card title' })).toHaveValue('Flyer');
  expect(new URL(page.url()).searchParams.get('card')).toBe(flyerId);
});
