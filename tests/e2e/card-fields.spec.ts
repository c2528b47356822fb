import { expect as baseExpect, test, type Page } from '@playwright/test';
import { ADMIN_STATE, PHONE, addCard, column, createBoard, member, openBoard, openCard } from './helpers';

// The machine's two cores are shared while these run: a page may take longer than the default
// five seconds to open, which is not what these tests are about.
const expect = baseExpect.configure({ timeout: 20_000 });

const fieldsDialog = (page: Page) => page.getByRole('dialog', { name: 'Card fields' });

/**
 * A manager defines 预算 (money) in the card-fields dialog; an editor in another browser sees it
 * in the open card's panel at once, and its new name too. Once the editor fills it in, the
 * manager's kind select locks and says why; while a stage requires the field it cannot be
 * removed (the refusal names the stage); once not, removal asks first, saying how many cards hold
 * a value.
 */
test('a manager defines a card field; others see it live; its kind locks once filled; a stage using it keeps it', async ({
  browser,
  request
}) => {
  test.setTimeout(180_000);
  const boardId = await createBoard(request, 'Card fields');
  const editor = await member(browser, request, boardId, 'editor');
  const owner = await browser.newContext({ storageState: ADMIN_STATE });
  const [a, b] = [await owner.newPage(), await editor.context.newPage()];
  await openBoard(a, boardId);
  await openBoard(b, boardId);
  await addCard(a, 'To do', 'Poster');
  // An editor changes values, not the fields themselves: no entry for them.
  await expect(b.getByRole('button', { name: 'Roles' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Card fields' })).toHaveCount(0);

  await openCard(b, 'Poster');
  const panel = b.getByRole('dialog');

  await a.getByRole('button', { name: 'Card fields' }).click();
  const dialog = fieldsDialog(a);
  await expect(dialog).toContainText('This board has no card fields yet');
  const add = dialog.getByRole('form', { name: 'Add field' });
  // An empty name is refused inline, keeping what else was typed.
  await add.getByRole('textbox', { name: 'English name (optional)' }).fill('Budget');
  await add.getByRole('button', { name: 'Add field' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A name is 1–60 characters');
  await expect(add.getByRole('textbox', { name: 'English name (optional)' })).toHaveValue('Budget');
  await add.getByRole('textbox', { name: 'English name (optional)' }).fill('');
  await add.getByRole('textbox', { name: 'Field name' }).fill('预算');
  await add.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Money' });
  await add.getByRole('button', { name: 'Add field' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of “预算”', exact: true })).toHaveValue('预算');
  await expect(dialog.getByRole('combobox', { name: 'Kind of “预算”' })).toHaveValue('money');
  await expect(add.getByRole('textbox', { name: 'Field name' })).toHaveValue('');

  // Live in the editor's open card.
  await expect(panel.getByRole('textbox', { name: '预算', exact: true })).toBeVisible();

  // A second field with the same name is refused, and what was typed stays.
  await add.getByRole('textbox', { name: 'Field name' }).fill('预算');
  await add.getByRole('button', { name: 'Add field' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Another field already has this name; choose another.');
  await expect(add.getByRole('textbox', { name: 'Field name' })).toHaveValue('预算');
  await add.getByRole('textbox', { name: 'Field name' }).fill('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Renamed: live too.
  const name = dialog.getByRole('textbox', { name: 'Name of “预算”', exact: true });
  await name.fill('预算金额');
  await name.press('Enter');
  await expect(panel.getByRole('textbox', { name: '预算金额', exact: true })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: '预算', exact: true })).toHaveCount(0);

  // The kind may change while no card holds a value...
  const kind = dialog.getByRole('combobox', { name: 'Kind of “预算金额”' });
  await expect(kind).toBeEnabled();
  await kind.selectOption('number');
  await expect(kind).toHaveValue('number');
  await kind.selectOption('money');
  await expect(kind).toHaveValue('money');

  // ...and not once the editor has filled it in.
  const value = panel.getByRole('textbox', { name: '预算金额', exact: true });
  await value.fill('5000');
  await value.press('Enter');
  await expect(kind).toBeDisabled();
  await expect(kind).toHaveAccessibleDescription('Cards hold values (1), so the kind can no longer change');

  // A stage that requires the field keeps it: the refusal names the stage.
  await a.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await column(a, 'To do').getByRole('button', { name: 'Stage settings' }).click();
  const settings = a.getByRole('dialog', { name: /Stage settings/ });
  await settings.getByRole('tab', { name: 'Requirements' }).click();
  await settings.getByLabel('预算金额 filled in').check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  await a.getByRole('button', { name: 'Card fields' }).click();
  await dialog.getByRole('button', { name: 'Remove field “预算金额”' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The rules of “To do” use this field');
  await expect(dialog.getByRole('group', { name: 'Remove field “预算金额”' })).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: '预算金额', exact: true })).toBeVisible();

  // Once the stage no longer asks for it, removal asks first, saying how many cards hold a value.
  await a.keyboard.press('Escape');
  await column(a, 'To do').getByRole('button', { name: 'Stage settings' }).click();
  await settings.getByRole('tab', { name: 'Requirements' }).click();
  await settings.getByLabel('预算金额 filled in').uncheck();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await a.getByRole('button', { name: 'Card fields' }).click();
  await dialog.getByRole('button', { name: 'Remove field “预算金额”' }).click();
  const confirm = dialog.getByRole('group', { name: 'Remove field “预算金额”' });
  await expect(confirm).toContainText('Cards with a value for it: 1.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toContainText('This board has no card fields yet');
  await expect(panel.getByRole('textbox', { name: '预算金额', exact: true })).toHaveCount(0);
  // Nobody's session was reset: every change went through the server's policy.
  for (const p of [a, b]) await expect(p.locator('[data-status="connected"]')).toBeVisible();
  await Promise.all([owner.close(), editor.context.close()]);
});

test('fields reorder with the up and down buttons', async ({ browser, request }) => {
  const boardId = await createBoard(request, 'Field order');
  const owner = await browser.newContext({ storageState: ADMIN_STATE });
  const a = await owner.newPage();
  await openBoard(a, boardId);
  await a.getByRole('button', { name: 'Card fields' }).click();
  const dialog = fieldsDialog(a);
  const add = dialog.getByRole('form', { name: 'Add field' });
  for (const name of ['预算', '上线日期', '重大项目']) {
    await add.getByRole('textbox', { name: 'Field name' }).fill(name);
    await add.getByRole('button', { name: 'Add field' }).click();
    await expect(dialog.getByRole('textbox', { name: `Name of “${name}”`, exact: true })).toBeVisible();
  }
  const names = dialog.locator('li[data-field-id] input.name');
  const order = () =>
    expect.poll(() => names.evaluateAll((all) => all.map((i) => (i as HTMLInputElement).value)));
  await order().toEqual(['预算', '上线日期', '重大项目']);
  await expect(dialog.getByRole('button', { name: 'Move “预算” up' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Move “重大项目” up' }).click();
  await order().toEqual(['预算', '重大项目', '上线日期']);
  await dialog.getByRole('button', { name: 'Move “预算” down' }).click();
  await order().toEqual(['重大项目', '预算', '上线日期']);
  await owner.close();
});

test.describe('on a phone', () => {
  test.use(PHONE);
  test('the board menu offers card fields to a manager', async ({ page, request }) => {
    const boardId = await createBoard(request, 'Phone fields');
    await openBoard(page, boardId);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Card fields' }).click();
    await expect(fieldsDialog(page)).toBeVisible();
    await expect(fieldsDialog(page).getByRole('form', { name: 'Add field' })).toBeVisible();
  });
});
