import { expect, test } from '@playwright/test';
import { addCard, column, createBoard, titles, twoPeople } from './helpers';

const stageNames = (page: import('@playwright/test').Page) => page.locator('section.column h2 button.name');

test('stages are added, renamed, reordered and removed, and the other person sees each change', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Stages');
  const { a, b, close } = await twoPeople(browser, boardId, request);
  a.on('dialog', (dialog) => void dialog.accept());

  await a.getByRole('button', { name: 'Add stage' }).click();
  await a.getByRole('textbox', { name: 'Add stage' }).fill('Review');
  await a.getByRole('textbox', { name: 'Add stage' }).press('Enter');
  await expect(stageNames(b)).toHaveText(['待办', '进行中', '已完成', 'Review']);

  await column(a, 'In progress').getByRole('button', { name: 'Rename stage' }).click();
  await a.getByRole('textbox', { name: 'Rename stage' }).fill('Doing');
  await a.getByRole('textbox', { name: 'Rename stage' }).press('Enter');
  await expect(stageNames(b)).toHaveText(['待办', 'Doing', '已完成', 'Review']);

  await column(a, 'Review').getByRole('button', { name: 'Move stage left' }).click();
  await expect(stageNames(b)).toHaveText(['待办', 'Doing', 'Review', '已完成']);

  // Removing a stage that holds cards moves them to the stage before it; nothing is lost.
  await addCard(a, 'Done', 'Published');
  await column(a, 'Done').getByRole('button', { name: 'Remove stage' }).click();
  await expect(stageNames(b)).toHaveText(['待办', 'Doing', 'Review']);
  await expect(titles(b, 'Review')).toHaveText(['Published']);
  await close();
});
