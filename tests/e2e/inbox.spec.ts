import { expect, test, type Page } from '@playwright/test';
import { ADMIN, addCard, createBoard, member, openBoard } from './helpers';

const comments = (page: Page) => page.getByRole('dialog').getByRole('region', { name: 'Comments' });

test('a mention reaches the other person’s open inbox live, unread, and they mark it read', async ({
  browser,
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Inbox launch');
  const bea = await member(browser, request, boardId, 'editor', 'Bea Inbox');
  const b = await bea.context.newPage();
  await b.goto('/inbox');
  await expect(b.getByText('Nothing needs you right now.')).toBeVisible();
  await expect(b.locator('[data-unread]')).toHaveText('0 unread');
  // A second tab of hers follows the one stream the first tab holds (src/lib/inbox/shared-stream.ts).
  const b2 = await bea.context.newPage();
  await b2.goto('/inbox');
  await expect(b2.getByText('Nothing needs you right now.')).toBeVisible();

  // The administrator mentions Bea from the card's comment box, picking her from the @-list.
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Launch poster');
  await page
    .locator('.card', { hasText: 'Launch poster' })
    .getByRole('button', { name: 'Open card details' })
    .click();
  const cardId = new URL(page.url()).searchParams.get('card');
  const box = comments(page).getByRole('textbox', { name: 'New comment' });
  await box.click();
  await box.pressSequentially('@Bea');
  const people = comments(page).getByRole('listbox', { name: 'People to mention' });
  await expect(people.getByRole('option', { name: 'Bea Inbox' })).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue('@Bea Inbox ');
  await box.pressSequentially('please check the date');
  await box.press('Control+Enter');

  // Bea's inbox shows it without a reload.
  const entry = b.locator('.entry', { hasText: 'Launch poster' });
  await expect(entry).toContainText(`${ADMIN.name} mentioned you on “Launch poster”`);
  await expect(entry).toContainText('please check the date');
  await expect(entry).toContainText('Inbox launch');
  await expect(entry).toHaveClass(/unread/);
  await expect(b.locator('[data-unread]')).toHaveText('1 unread');
  // To the card and the comment in it (notices.spec.ts follows such a link).
  await expect(entry.getByRole('link')).toHaveAttribute(
    'href',
    new RegExp(`^/boards/${boardId}\\?card=${cardId}&comment=[\\w-]+$`)
  );
  await expect(b2.locator('.entry.unread', { hasText: 'Launch poster' })).toBeVisible();

  await entry.getByRole('button', { name: 'Mark read' }).click();
  await expect(entry).not.toHaveClass(/unread/);
  await expect(b.locator('[data-unread]')).toHaveText('0 unread');
  await expect(b.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  await expect(b2.locator('[data-unread]')).toHaveText('0 unread');
  await expect(b2.locator('.entry', { hasText: 'Launch poster' })).not.toHaveClass(/unread/);
  // Read for good, not only on this page.
  await b.reload();
  await expect(entry).toBeVisible();
  await expect(entry).not.toHaveClass(/unread/);
  await bea.context.close();
});
