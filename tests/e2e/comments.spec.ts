import { expect, test, type Page } from '@playwright/test';
import { ADMIN, addCard, createBoard, twoPeople, openCard } from './helpers';

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

/** Sends a new comment from the card panel's composer. */
async function send(page: Page, text: string): Promise<void> {
  await comments(page).getByRole('textbox', { name: 'New comment' }).fill(text);
  await comments(page).getByRole('button', { name: 'Comment', exact: true }).click();
}

test('a commenter mentions someone with the keyboard and resolves the owner’s remark; both can reopen it', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Comment review');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'commenter');
  await addCard(a, 'To do', 'Flyer');
  await openCard(a, 'Flyer');
  await openCard(b, 'Flyer');
  await send(a, 'Logo too small');
  await expect(comments(b)).toContainText('Logo too small');

  // b picks the admin from the @-list with the arrows and Enter, then sends with Ctrl+Enter.
  const box = comments(b).getByRole('textbox', { name: 'New comment' });
  await box.click();
  await box.pressSequentially('Fixed, @ada');
  const list = comments(b).getByRole('listbox', { name: 'People to mention' });
  await expect(list.getByRole('option', { name: ADMIN.name })).toBeVisible();
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue(`Fixed, @${ADMIN.name} `);
  await box.pressSequentially('please look');
  await box.press('Control+Enter');
  await expect(comments(a).locator('.mention', { hasText: `@${ADMIN.name}` })).toBeVisible();

  // The commenter resolves the owner's thread: it folds away for both.
  await comments(b)
    .locator('.thread', { hasText: 'Logo too small' })
    .getByRole('button', { name: 'Resolve' })
    .click();
  for (const page of [a, b]) {
    await expect(comments(page).locator('details.resolved summary')).toHaveText('Resolved (1)');
    await expect(comments(page).locator('details.resolved')).not.toHaveAttribute('open');
  }
  await comments(a).locator('details.resolved summary').click();
  const resolved = comments(a).locator('.thread', { hasText: 'Logo too small' });
  await expect(resolved).toContainText('Resolved by Commenter');
  await resolved.getByRole('button', { name: 'Reopen' }).click();
  await expect(comments(b).locator('details.resolved')).toHaveCount(0);
  await expect(comments(b).locator('.thread', { hasText: 'Logo too small' })).toBeVisible();
  await close();
});

test('a viewer reads the comments but gets no composer and no actions', async ({ browser, request }) => {
  const boardId = await createBoard(request, 'Comment viewer');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'viewer');
  await addCard(a, 'To do', 'Leaflet');
  await openCard(a, 'Leaflet');
  await send(a, 'Check the bleed');
  await openCard(b, 'Leaflet');
  await expect(comments(b)).toContainText('Check the bleed');
  await expect(comments(b).getByRole('textbox')).toHaveCount(0);
  await expect(comments(b).getByRole('button', { name: /Reply|Resolve|Edit|Delete/ })).toHaveCount(0);
  await close();
});

// A 4×3 PNG (grey), so the draft shows at a known aspect ratio.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAADklEQVR4nGM4gQQYcHIAJLUcIQKArPgAAAAASUVORK5CYII=',
  'base64'
);

test('a comment pinned on a draft shows as pin 1 at the same spot for the other person, and the pin finds its thread', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Comment pins');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'commenter');
  await addCard(a, 'To do', 'Poster');
  await openCard(a, 'Poster');
  const cardId = new URL(a.url()).searchParams.get('card')!;
  const upload = await request.post(`/api/boards/${boardId}/cards/${cardId}/attachments?name=poster.png`, {
    data: PNG,
    headers: { 'content-type': 'image/png' }
  });
  expect(upload.status(), await upload.text()).toBe(201);
  await openCard(b, 'Poster');

  // b (a commenter) clicks a quarter across and two thirds down the draft, then writes.
  const spot = comments(b).getByRole('button', { name: 'Pin a comment on this draft' });
  await expect(comments(b).locator('.draft img')).toHaveJSProperty('complete', true);
  const size = (await spot.boundingBox())!;
  await spot.click({ position: { x: size.width * 0.25, y: size.height * (2 / 3) } });
  await expect(comments(b)).toContainText('This comment will be pinned to the draft.');
  await expect(comments(b).getByRole('textbox', { name: 'New comment' })).toBeFocused();
  await send(b, 'Move the date here');
  await send(b, 'Unpinned remark');

  const pin = comments(a).getByRole('button', { name: 'Pin 1' }).first();
  await expect(pin).toHaveText('1');
  const style = (await pin.getAttribute('style')) ?? '';
  const [left, top] = [/left:\s*([\d.]+)%/, /top:\s*([\d.]+)%/].map((r) => Number(r.exec(style)?.[1]));
  expect(left).toBeCloseTo(25, 0);
  expect(top).toBeCloseTo(66.67, 0);
  await expect(comments(a).getByRole('button', { name: 'Pin 2' })).toHaveCount(0);

  await pin.click();
  await expect(comments(a).locator('.thread.highlighted')).toContainText('Move the date here');
  await expect(comments(a).locator('.thread.highlighted')).not.toContainText('Unpinned remark');
  await close();
});
