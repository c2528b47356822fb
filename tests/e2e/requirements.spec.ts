import { expect as baseExpect, test, type Page } from '@playwright/test';
import { ADMIN_STATE, addCard, column, createBoard, member, openCard } from './helpers';

// Six engineers share this machine's two cores while these run: a page may take longer than the
// default five seconds to open, which is not what this test is about.
const expect = baseExpect.configure({ timeout: 30_000 });

async function open(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.locator('.column').first()).toBeVisible();
}

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

/**
 * A stage that requires a draft: the manager ticks it in stage settings; the card then says what it
 * lacks on its face (for everyone, live) and its panel's move button is disabled and says why,
 * until the draft is uploaded; then the card moves on.
 */
test('a card missing a required draft cannot leave its stage (the button says why), and can once the draft is uploaded', async ({
  browser,
  request
}) => {
  test.setTimeout(240_000);
  const boardId = await createBoard(request, 'Requirements');
  const editor = await member(browser, request, boardId, 'editor');
  const owner = await browser.newContext({ storageState: ADMIN_STATE });
  const [a, b] = [await owner.newPage(), await editor.context.newPage()];
  await open(a, boardId);
  await open(b, boardId);
  await addCard(a, 'To do', 'Poster');

  await column(a, 'To do').getByRole('button', { name: 'Stage settings' }).click();
  const settings = a.getByRole('dialog', { name: /Stage settings/ });
  await settings.getByRole('tab', { name: 'Requirements' }).click();
  await settings.getByLabel('A draft attached').check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  // Said on the face before anyone tries, to the other person too.
  const face = (p: Page) => column(p, 'To do').locator('.card', { hasText: 'Poster' });
  for (const p of [a, b]) await expect(face(p)).toContainText('Still needed: upload a draft');

  await openCard(b, 'Poster');
  const panel = b.getByRole('dialog');
  const moveOn = panel.getByRole('button', { name: 'Move to “In progress”' });
  await expect(moveOn).toBeDisabled();
  await expect(moveOn).toHaveAccessibleDescription('Still needed: upload a draft');

  const chooser = b.waitForEvent('filechooser');
  await panel
    .getByRole('region', { name: /Attachments/ })
    .getByRole('button', { name: 'Upload a draft' })
    .click();
  await (await chooser).setFiles({ name: 'poster.png', mimeType: 'image/png', buffer: PNG });

  await expect(moveOn).toBeEnabled();
  for (const p of [a, b]) await expect(face(p)).not.toContainText('Still needed');
  await moveOn.click();
  for (const p of [a, b])
    await expect(column(p, 'In progress').locator('.card', { hasText: 'Poster' })).toBeVisible();
  // The editor's session was never reset: the move went through the server's policy.
  await expect(b.locator('[data-status="connected"]')).toBeVisible();
  await Promise.all([owner.close(), editor.context.close()]);
});
