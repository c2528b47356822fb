import { expect, test } from '@playwright/test';
import { ADMIN, addCard, column, createBoard, member, openBoard, titles } from './helpers';

test('a manager maps a role and makes it own a stage; a card moved there is handed to its person, live in her inbox, and only owners move it out', async ({
  browser,
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Hand-off');
  const dana = await member(browser, request, boardId, 'editor', 'Dana Design');
  const eli = await member(browser, request, boardId, 'editor', 'Eli Editor');
  const inbox = await dana.context.newPage();
  await inbox.goto('/inbox');
  await expect(inbox.getByText('Nothing needs you right now.')).toBeVisible();

  // The administrator (the board's owner) adds the role 设计部 and puts Dana in it.
  await openBoard(page, boardId);
  await page.getByRole('button', { name: 'Roles' }).click();
  const roles = page.getByRole('dialog', { name: 'Process roles' });
  await expect(roles.getByText('No process roles yet.')).toBeVisible();
  await roles.getByRole('textbox', { name: 'Role name' }).fill('设计部');
  await roles.getByRole('button', { name: 'Add role' }).click();
  await roles.getByRole('checkbox', { name: 'Dana Design' }).check();
  await roles.getByRole('button', { name: 'Close' }).click();

  // In progress is owned by 设计部: cards entering it go to its people; only they and managers move them out.
  await column(page, 'In progress').getByRole('button', { name: 'Stage settings' }).click();
  const settings = page.getByRole('dialog', { name: /Stage settings/ });
  await settings.getByLabel('Owner role').selectOption({ label: '设计部' });
  await settings.getByLabel('When a card enters').selectOption('replace');
  await settings.getByLabel('Who may move cards out').selectOption('owners');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  // The administrator moves a card into In progress with the keyboard mover.
  await addCard(page, 'To do', 'Spring poster');
  await page.locator('.card', { hasText: 'Spring poster' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(titles(page, 'In progress')).toHaveText(['Spring poster']);

  // Dana's open inbox shows the hand-off without a reload, and the card is hers.
  const entry = inbox.locator('.entry', { hasText: 'Spring poster' });
  await expect(entry).toContainText(`${ADMIN.name} moved “Spring poster” to 进行中; it is handed to you`);
  await expect(entry).toContainText('Handed to you');
  await expect(entry).toHaveClass(/unread/);

  // Eli, an editor outside the role, is not offered the move; Dana is.
  const e = await eli.context.newPage();
  await openBoard(e, boardId);
  const eliCard = column(e, 'In progress').locator('.card', { hasText: 'Spring poster' });
  await expect(eliCard).toBeVisible();
  await expect(eliCard).not.toHaveClass(/movable/);
  const d = await dana.context.newPage();
  await openBoard(d, boardId);
  const danaCard = column(d, 'In progress').locator('.card', { hasText: 'Spring poster' });
  await expect(danaCard).toHaveClass(/movable/);
  await danaCard.focus();
  await d.keyboard.press('Space');
  await d.keyboard.press('ArrowRight');
  await d.keyboard.press('Space');
  await expect(titles(e, 'Done')).toHaveText(['Spring poster']);
  await dana.context.close();
  await eli.context.close();
});
