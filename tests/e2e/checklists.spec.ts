import { expect, test, type Page } from '@playwright/test';
import { PHONE, addCard, createBoard, finger, openBoard, openCard, twoPeople } from './helpers';

const panel = (page: Page) => page.getByRole('dialog');
/** The rows of one checklist group, by its heading. */
const list = (page: Page, name: string) => panel(page).getByRole('list', { name, exact: true });
const rows = (page: Page, name: string) => list(page, name).locator(':scope > li .text');
const row = (page: Page, text: string) => panel(page).locator('li[data-item-id]', { hasText: text });
const listHeadings = (page: Page) => panel(page).locator('.checklist h4');
/** The checklist's live region: what a screen reader says after a move. */
const announcer = (page: Page) => panel(page).locator('.checklist [role="status"]');

async function addItem(page: Page, text: string): Promise<void> {
  await panel(page).getByRole('textbox', { name: 'Add item', exact: true }).fill(text);
  await panel(page).getByRole('textbox', { name: 'Add item', exact: true }).press('Enter');
  await expect(row(page, text)).toBeVisible();
}

async function newChecklist(page: Page, name: string): Promise<void> {
  await panel(page).getByRole('button', { name: '+ New checklist' }).click();
  await panel(page).getByRole('textbox', { name: 'New checklist' }).fill(name);
  await panel(page).getByRole('textbox', { name: 'New checklist' }).press('Enter');
}

/** Drags a row by its grip onto the top half of another row, as a mouse does. */
async function dragAbove(page: Page, text: string, target: string): Promise<void> {
  const grip = row(page, text).locator('[data-grip]');
  await grip.dragTo(row(page, target), { targetPosition: { x: 40, y: 3 } });
}

test('named checklists: made, filled and reordered by dragging in one browser, live in the other, kept on reload', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Checklists');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Autumn expo');
  await openCard(a, 'Autumn expo');
  await openCard(b, 'Autumn expo');

  await addItem(a, 'Call the caterer');
  await addItem(a, 'Order flyers');
  await newChecklist(a, 'Print');
  await expect(list(b, 'Print')).toBeVisible();
  await panel(a).getByRole('button', { name: '+ Add an item to “Print”' }).click();
  await panel(a).getByRole('textbox', { name: 'Add an item to “Print”' }).fill('Badges');
  await panel(a).getByRole('textbox', { name: 'Add an item to “Print”' }).press('Enter');
  await expect(rows(b, 'Print')).toHaveText(['Badges']);

  // Drag "Order flyers" from the items added by hand into Print, above Badges.
  await dragAbove(a, 'Order flyers', 'Badges');
  for (const page of [a, b]) {
    await expect(rows(page, 'Print')).toHaveText(['Order flyers', 'Badges']);
    await expect(rows(page, 'Added by hand')).toHaveText(['Call the caterer']);
  }
  // ...and within Print, Badges back to the top.
  await dragAbove(b, 'Badges', 'Order flyers');
  await expect(rows(a, 'Print')).toHaveText(['Badges', 'Order flyers']);

  // Ticking is unchanged by where an item lives; the card's face counts every list.
  await row(b, 'Badges').getByRole('checkbox').check();
  await expect(row(a, 'Badges').getByRole('checkbox')).toBeChecked();
  await a.reload();
  await expect(rows(a, 'Print')).toHaveText(['Badges', 'Order flyers']);
  await expect(row(a, 'Badges').getByRole('checkbox')).toBeChecked();
  await expect(a.locator('.card', { hasText: 'Autumn expo' })).toContainText('Checklist 1/3');

  // Deleting the list asks once more, then takes its items with it, for everyone.
  await panel(b).getByRole('button', { name: 'Delete checklist “Print”' }).click();
  await panel(b).getByRole('button', { name: 'Delete it with its items (2)' }).click();
  for (const page of [a, b]) {
    await expect(list(page, 'Print')).toHaveCount(0);
    await expect(row(page, 'Badges')).toHaveCount(0);
    await expect(rows(page, 'Added by hand')).toHaveText(['Call the caterer']);
  }
  await close();
});

test('without a mouse: Alt+arrows reorder within a list, “Move to…” moves between lists, lists move by buttons, and each move is announced', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Checklist keys');
  const { a, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Store opening');
  await openCard(a, 'Store opening');
  for (const text of ['Sign lease', 'Hire staff', 'Stock shelves']) await addItem(a, text);
  await newChecklist(a, 'Week one');

  await row(a, 'Stock shelves').getByRole('checkbox').press('Alt+ArrowUp');
  await expect(rows(a, 'Added by hand')).toHaveText(['Sign lease', 'Stock shelves', 'Hire staff']);
  // A screen reader hears where it went.
  await expect(announcer(a)).toHaveText('“Stock shelves” moved to position 2 of 3 in “Added by hand”.');
  // The keyboard stays on the moved item, so a second press moves it again.
  await a.keyboard.press('Alt+ArrowUp');
  await expect(rows(a, 'Added by hand')).toHaveText(['Stock shelves', 'Sign lease', 'Hire staff']);

  await row(a, 'Hire staff').getByRole('button', { name: 'More for “Hire staff”' }).click();
  await row(a, 'Hire staff').getByRole('combobox', { name: 'Move to…' }).selectOption({ label: 'Week one' });
  await expect(rows(a, 'Week one')).toHaveText(['Hire staff']);
  await expect(rows(a, 'Added by hand')).toHaveText(['Stock shelves', 'Sign lease']);
  await expect(announcer(a)).toHaveText('“Hire staff” moved to position 1 of 1 in “Week one”.');

  // Lists move too, by their buttons; the keyboard stays on the list's buttons as it goes.
  await newChecklist(a, 'Week two');
  await newChecklist(a, 'Week three');
  await expect(listHeadings(a)).toHaveText(['Week one', 'Week two', 'Week three', 'Added by hand']);
  await panel(a).getByRole('button', { name: 'Move checklist “Week three” up' }).click();
  await expect(listHeadings(a)).toHaveText(['Week one', 'Week three', 'Week two', 'Added by hand']);
  await expect(announcer(a)).toHaveText('Checklist “Week three” moved to position 2 of 3.');
  await a.keyboard.press('Enter');
  await expect(listHeadings(a)).toHaveText(['Week three', 'Week one', 'Week two', 'Added by hand']);
  // At the top "up" is disabled, so the keyboard moved to "down".
  await expect(panel(a).getByRole('button', { name: 'Move checklist “Week three” up' })).toBeDisabled();
  await expect(panel(a).getByRole('button', { name: 'Move checklist “Week three” down' })).toBeFocused();
  // The items went with their list, and the order is the board's, not this browser's.
  await expect(rows(a, 'Week one')).toHaveText(['Hire staff']);
  await a.reload();
  await expect(listHeadings(a)).toHaveText(['Week three', 'Week one', 'Week two', 'Added by hand']);
  await close();
});

test.describe('on a phone', () => {
  test.use(PHONE);

  test('a long press on an item’s grip lifts it and the finger moves it', async ({ page, request }) => {
    const boardId = await createBoard(request, 'Checklist touch');
    await openBoard(page, boardId);
    await addCard(page, 'To do', 'Store opening');
    await openCard(page, 'Store opening');
    for (const text of ['Sign lease', 'Hire staff', 'Stock shelves']) await addItem(page, text);

    const grip = (await row(page, 'Stock shelves').locator('[data-grip]').boundingBox())!;
    const target = (await row(page, 'Sign lease').boundingBox())!;
    await (
      await finger(page)
    ).drag(
      { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 },
      { x: target.x + 60, y: target.y + 3 },
      600
    );
    await expect(rows(page, 'Added by hand')).toHaveText(['Stock shelves', 'Sign lease', 'Hire staff']);
  });
});
