import { expect, test, type Page } from '@playwright/test';
import { addCard, createBoard, member, openBoard, openCard } from './helpers';

/**
 * Budgets and overruns with two people (001 六.1): the manager sets the card's budget, the editor
 * records an expense with a receipt that takes the line over it, the server keeps it pending, the
 * manager sees it arrive live and approves it, and both see the card's spent total change, on
 * the panel and on the card's face; each then lists the month's claims. Then two editors race
 * for the last of a budget: both expenses are kept, the later one pending, its recorder told.
 */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

test('an overrun waits for the manager’s approval and then counts for both', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Campaign money');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Store launch');
  const cardId = (await page.locator('.card', { hasText: 'Store launch' }).getAttribute('data-card-id'))!;
  const receipt = await request.post(
    `/api/boards/${boardId}/cards/${cardId}/attachments?name=${encodeURIComponent('发票.png')}`,
    { data: PNG, headers: { 'content-type': 'image/png' } }
  );
  expect(receipt.status()).toBe(201);

  const manager = await member(browser, request, boardId, 'manager');
  const editor = await member(browser, request, boardId, 'editor');
  const [m, e] = await Promise.all([manager.context.newPage(), editor.context.newPage()]);
  await openBoard(m, boardId);
  await openBoard(e, boardId);

  // The manager sets a budget line; the editor may not.
  await openCard(m, 'Store launch');
  const mMoney = m.getByTestId('card-money');
  await mMoney.getByPlaceholder('Line name').fill('Materials');
  await mMoney.getByPlaceholder('Budget').fill('100');
  await mMoney.getByRole('button', { name: 'Add line' }).click();
  await expect(mMoney.getByTestId('money-summary')).toHaveText('CN¥0.00 / CN¥100.00');
  // Typed in English, stored in the document's words (001 第十二条).
  await expect(mMoney.getByRole('textbox', { name: 'Line name' })).toHaveValue('物料成本');

  await openCard(e, 'Store launch');
  const eMoney = e.getByTestId('card-money');
  await expect(eMoney.getByRole('button', { name: 'Add line' })).toHaveCount(0);
  await expect(eMoney.getByTestId('money-summary')).toHaveText('CN¥0.00 / CN¥100.00');

  // Within budget: counted at once.
  const form = eMoney.getByRole('form', { name: 'Record an expense' });
  await form.getByRole('textbox', { name: 'Amount' }).fill('0.10');
  await form.getByRole('button', { name: 'Record' }).click();
  await form.getByRole('textbox', { name: 'Amount' }).fill('0.20');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(eMoney.getByTestId('money-summary')).toHaveText('CN¥0.30 / CN¥100.00');

  // Over budget: warned before, pending after, not counted.
  await form.getByRole('textbox', { name: 'Amount' }).fill('120.50');
  await expect(form.getByText('goes over budget')).toBeVisible();
  await form.getByRole('combobox', { name: 'Receipt' }).selectOption({ label: '发票.png' });
  await form.getByRole('textbox', { name: 'Note' }).fill('Printing, rush order');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'awaits approval' })).toBeVisible();
  const pendingE = eMoney.locator('[data-status="pending"]');
  await expect(pendingE).toContainText('CN¥120.50');
  await expect(pendingE).toContainText('发票.png');
  await expect(pendingE.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(eMoney.getByTestId('money-summary')).toHaveText('CN¥0.30 / CN¥100.00');

  // The manager sees it arrive live, and approves it.
  const pendingM = mMoney.locator('[data-status="pending"]');
  await expect(pendingM).toContainText('Printing, rush order');
  await expect(m.getByTestId('face-money')).toHaveAttribute('aria-label', /CN¥120.50 awaiting approval/);
  await pendingM.getByRole('button', { name: 'Approve' }).click();

  for (const [p, money] of [
    [m, mMoney],
    [e, eMoney]
  ] as const) {
    await expect(money.getByTestId('money-summary')).toHaveText('CN¥120.80 / CN¥100.00');
    await expect(money.getByTestId('money-summary')).toHaveClass(/over/);
    await expect(money.locator('[data-status="approved"]')).toContainText('Overrun approved');
    await expect(p.getByTestId('face-money')).toHaveText('CN¥120.80 / CN¥100.00');
  }

  // The claims list counts what was approved, for the editor's month.
  const month = new Date().toISOString().slice(0, 7);
  const claims = await editor.context.request.get(`/api/boards/${boardId}/expenses?month=${month}`);
  expect(((await claims.json()) as { totalFen: number }).totalFen).toBe(12_080);

  // Listed, not only exported: the editor their own month, the manager anyone's.
  await openBoard(e, boardId);
  await e.getByRole('button', { name: 'Expense claims' }).click();
  const eClaims = e.getByRole('dialog', { name: 'Expense claims' });
  await expect(eClaims.getByRole('combobox', { name: 'Person' })).toBeDisabled();
  await expect(eClaims.getByRole('combobox', { name: 'Person' })).toContainText(editor.name);
  await expect(eClaims.locator('[data-status]')).toHaveCount(3);
  await expect(eClaims.locator('[data-status="approved"]')).toContainText('Store launch');
  await expect(eClaims.locator('[data-total="counted"]')).toHaveText('CN¥120.80');
  const download = e.waitForEvent('download');
  await eClaims.getByRole('link', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^expenses-${month}-\\w+\\.csv$`));

  await openBoard(m, boardId);
  await m.getByRole('button', { name: 'Expense claims' }).click();
  const mClaims = m.getByRole('dialog', { name: 'Expense claims' });
  const person = mClaims.getByRole('combobox', { name: 'Person' });
  await expect(person).toBeEnabled();
  await expect(mClaims.locator('[data-status]')).toHaveCount(3);
  await expect(mClaims.locator('[data-status="approved"]')).toContainText(editor.name);
  await person.selectOption({ label: manager.name });
  await expect(mClaims.getByText('No expenses in this month.')).toBeVisible();
  await expect(mClaims.locator('[data-total="counted"]')).toHaveText('CN¥0.00');
  await person.selectOption({ label: editor.name });
  await expect(mClaims.locator('[data-total="counted"]')).toHaveText('CN¥120.80');
  await manager.context.close();
  await editor.context.close();
});

test('two editors spend the last of a budget at once: the later expense waits for approval, and its recorder is told', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Racing money');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Flyers');
  await openCard(page, 'Flyers');
  const owner = page.getByTestId('card-money');
  await owner.getByPlaceholder('Line name').fill('Materials');
  await owner.getByPlaceholder('Budget').fill('100');
  await owner.getByRole('button', { name: 'Add line' }).click();

  const first = await member(browser, request, boardId, 'editor');
  const second = await member(browser, request, boardId, 'editor');
  const [a, b] = await Promise.all([first.context.newPage(), second.context.newPage()]);
  for (const p of [a, b]) {
    await openBoard(p, boardId);
    await openCard(p, 'Flyers');
    await expect(p.getByTestId('money-summary')).toHaveText('CN¥0.00 / CN¥100.00');
  }
  const record = async (p: Page, amount: string) => {
    const form = p.getByRole('form', { name: 'Record an expense' });
    await form.getByRole('textbox', { name: 'Amount' }).fill(amount);
    await form.getByRole('button', { name: 'Record' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Recorded.' })).toBeVisible();
  };

  // The first spends 60.00 offline: it fits on their copy. Meanwhile the second spends 60.00 online.
  await first.context.setOffline(true);
  await expect(a.locator('[data-status="offline"]')).toBeVisible();
  await record(a, '60');
  await record(b, '60');
  await expect(b.getByTestId('money-summary')).toHaveText('CN¥60.00 / CN¥100.00');

  // Back online, the first's expense arrives second: kept, pending, and they are told why.
  await first.context.setOffline(false);
  await expect(a.locator('[data-status="connected"]')).toBeVisible({ timeout: 10_000 });
  await expect(a.getByText('Another expense took the budget first')).toBeVisible();
  for (const p of [a, b, page]) {
    const money = p.getByTestId('card-money');
    await expect(money.locator('[data-status="pending"]')).toHaveCount(1);
    await expect(money.locator('[data-status="within"]')).toHaveCount(1);
    await expect(money.getByTestId('money-summary')).toHaveText('CN¥60.00 / CN¥100.00');
  }
  await expect(a.locator('[data-status="connected"]')).toBeVisible();
  await Promise.all([first.context.close(), second.context.close()]);
});
