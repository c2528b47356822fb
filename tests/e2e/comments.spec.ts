import { expect, test, type Page } from '@playwright/test';
import { addCard, createBoard, twoPeople } from './helpers';

async function openCard(page: Page, title: string): Promise<void> {
  await page.locator('.card', { hasText: title }).getByRole('button', { name: 'Open card details' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

const comments = (page: Page) => page.getByRole('dialog').getByRole('region', { name: 'Comments' });

test('a comment with script and HTML in it reaches the other person as plain text, with its link', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Comment safety');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Poster');
  await openCard(a, 'Poster');
  await openCard(b, 'Poster');

  const typed =
    '<script>window.__x=1</script><b>bold</b> <img src=x onerror="window.__y=1"> see https://example.com/brief.';
  await comments(a).getByRole('textbox', { name: 'New comment' }).fill(typed);
  await comments(a).getByRole('button', { name: 'Comment', exact: true }).click();

  const shown = comments(b).locator('.comment-text').first();
  await expect(shown).toHaveText(typed);
  await expect(comments(b).locator('b, script, img')).toHaveCount(0);
  expect(await b.evaluate(() => [Reflect.get(window, '__x'), Reflect.get(window, '__y')])).toEqual([
    undefined,
    undefined
  ]);
  const link = shown.getByRole('link', { name: 'https://example.com/brief' });
  await expect(link).toHaveAttribute('href', 'https://example.com/brief');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await close();
});

test('people reply in a thread, edit only their own words, and see each other’s changes live', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Comment threads');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Banner');
  await openCard(a, 'Banner');
  await openCard(b, 'Banner');

  await comments(a).getByRole('textbox', { name: 'New comment' }).fill('Logo too small');
  await comments(a).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(comments(b)).toContainText('Logo too small');
  // b may reply but not edit a's comment.
  await expect(comments(b).getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await comments(b).getByRole('button', { name: 'Reply' }).click();
  await comments(b)
    .getByRole('textbox', { name: /^Reply to/ })
    .fill('Bigger in v2');
  await comments(b)
    .getByRole('textbox', { name: /^Reply to/ })
    .press('Control+Enter');
  await expect(comments(a).locator('.replies')).toContainText('Bigger in v2');

  await comments(a)
    .locator('.comment', { hasText: 'Logo too small' })
    .getByRole('button', { name: 'Edit' })
    .click();
  await comments(a).getByRole('textbox', { name: 'Edit' }).fill('Logo too small, and too blue');
  await comments(a).getByRole('button', { name: 'Save' }).click();
  await expect(comments(b)).toContainText('Logo too small, and too blue');
  await expect(comments(b)).toContainText('(edited)');
  await close();
});
