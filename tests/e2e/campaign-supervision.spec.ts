import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { campaignExecution } from '#lib/templates/builtin/campaign-execution';
import { column, createBoard, member, openBoard, openCard } from './helpers';
import { addLine, addTarget, downloaded, pdfText, percent, yuan } from './money-helpers';

/**
 * Issue 18, Done-when 1: one campaign card from the campaign template, two people — the executor
 * (an editor) and the manager (the board's owner, who signs the 总经理-level approver too). The
 * manager budgets it, the executor sets targets; the plan is signed and the card goes through
 * preparation and the superior's review; the executor spends with a receipt; an expense made
 * offline that the budget no longer allows is stopped by the server (kept, pending, not counted)
 * until the manager approves it; the card is evaluated on its actuals; and the manager takes its
 * summary report as a PDF and the board as an Excel workbook. Every figure checked is worked out
 * here from the amounts typed.
 */

// Several sessions may share this machine's two cores: a page can take longer than 5 s to settle.
const expect = baseExpect.configure({ timeout: 20_000 });

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
const TITLE = '双十一门店推广';
const stage = (key: string) => campaignExecution.stages.find((s) => s.key === key)!.name.en;

async function spend(page: Page, line: string, amount: string, receipt?: string) {
  const form = page.getByRole('form', { name: 'Record an expense' });
  await page
    .getByTestId('card-money')
    .getByRole('combobox', { name: 'Budget line' })
    .selectOption({ label: line });
  await form.getByRole('textbox', { name: 'Amount' }).fill(amount);
  if (receipt) await form.getByRole('combobox', { name: 'Receipt' }).selectOption({ label: receipt });
  await form.getByRole('button', { name: 'Record' }).click();
}

/** Moves the open card on with its panel's button, and waits until it shows in that column. */
async function moveOn(page: Page, to: string) {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Move to “${to}”` })
    .click();
  await expect(column(page, to).locator('.card', { hasText: TITLE })).toBeVisible();
}

/**
 * Signs every approver of the card's gate the manager may sign, one after another ("Approve as …"
 * for each of several approvers, plain "Approve" for a gate of one).
 */
async function signAll(panel: Locator) {
  const sign = panel.getByRole('button', { name: /^Approve( as .+)?$/ });
  await expect(sign.first()).toBeVisible();
  for (let left = await sign.count(); left > 0; left = await sign.count()) {
    await sign.first().click();
    await expect(sign).toHaveCount(left - 1);
  }
}

test('a campaign is budgeted, targeted, signed, spent with receipts, held at an overrun, evaluated and reported', async ({
  browser,
  request,
  page: m
}) => {
  test.setTimeout(300_000);
  const boardId = await createBoard(request, '双十一营销推广', campaignExecution.id);
  const executor = await member(browser, request, boardId, 'editor', 'Li Executor');
  const e = await executor.context.newPage();
  await openBoard(m, boardId);
  await openBoard(e, boardId);

  // 策划阶段: the executor proposes the campaign; its face says what planning needs.
  const planning = column(e, stage('planning'));
  await planning.getByRole('button', { name: 'Add a card' }).click();
  await planning.getByRole('textbox', { name: 'Add a card' }).fill(TITLE);
  await planning.getByRole('textbox', { name: 'Add a card' }).press('Enter');
  const face = e.locator('.card', { hasText: TITLE });
  await expect(face).toContainText('Still needed: add a budget line, set a target');

  // The manager budgets it (editors may not), and the executor sees it arrive.
  await openCard(m, TITLE);
  const mPanel = m.getByRole('dialog');
  const mMoney = mPanel.getByTestId('card-money');
  await addLine(mMoney, 'Promotion', '5000');
  await addLine(mMoney, 'Materials', '1000');
  const budget = 6_000_00;
  await expect(face).toContainText('Still needed: set a target');
  await openCard(e, TITLE);
  const ePanel = e.getByRole('dialog');
  const eMoney = ePanel.getByTestId('card-money');
  await expect(eMoney.getByRole('button', { name: 'Add line' })).toHaveCount(0);

  // The executor sets the targets the plan promises.
  const eTargets = ePanel.getByTestId('card-targets');
  await addTarget(eTargets, 'Leads', '300');
  await addTarget(eTargets, 'Sales', '20000');
  await expect(face).not.toContainText('Still needed');

  // The plan's gate: the executor may not pass it or sign it; the manager signs every approver.
  await expect(
    ePanel.getByRole('button', { name: `Move to “${stage('preparation')}”` })
  ).toHaveAccessibleDescription(/^Needs approval/);
  await expect(ePanel.getByRole('button', { name: /^Approve( as .+)?$/ })).toHaveCount(0);
  await signAll(mPanel);
  await moveOn(e, stage('preparation'));
  await moveOn(e, stage('approval'));
  await signAll(mPanel);
  await moveOn(e, stage('execution'));

  // 执行阶段: spending within budget, with a receipt attached to the card.
  const receipt = await executor.context.request.post(
    `/api/boards/${boardId}/cards/${await face.getAttribute('data-card-id')}/attachments?name=${encodeURIComponent('发票.png')}`,
    { data: PNG, headers: { 'content-type': 'image/png' } }
  );
  expect(receipt.status()).toBe(201);
  await spend(e, 'Promotion', '3000', '发票.png');
  await expect(eMoney.getByTestId('money-summary')).toHaveText(`${yuan(3_000_00)} / ${yuan(budget)}`);
  await expect(eMoney.locator('[data-status="within"]', { hasText: '发票.png' })).toBeVisible();

  // The server stops an overrun: a second tab of the executor, offline, spends 1,500 that fits
  // its copy, while the first spends 1,800 online. Back online, the server keeps the offline
  // expense but holds it as pending, and it does not count.
  const second = await browser.newContext({ storageState: await executor.context.storageState() });
  const e2 = await second.newPage();
  await openBoard(e2, boardId);
  await openCard(e2, TITLE);
  await second.setOffline(true);
  await expect(e2.locator('[data-status="offline"]')).toBeVisible();
  await spend(e2, 'Promotion', '1500');
  await expect(e2.getByTestId('card-money').getByTestId('money-summary')).toHaveText(
    `${yuan(4_500_00)} / ${yuan(budget)}`
  );
  await spend(e, 'Promotion', '1800');
  await expect(mMoney.getByTestId('money-summary')).toHaveText(`${yuan(4_800_00)} / ${yuan(budget)}`);
  await second.setOffline(false);
  await expect(e2.locator('[data-status="connected"]')).toBeVisible();
  const pending = mMoney.locator('[data-status="pending"]');
  await expect(pending).toContainText(yuan(1_500_00));
  for (const money of [mMoney, eMoney]) {
    await expect(money.getByTestId('money-summary')).toHaveText(`${yuan(4_800_00)} / ${yuan(budget)}`);
  }
  await second.close();

  // Only the manager decides the overrun; once approved it counts for both.
  await expect(
    eMoney.locator('[data-status="pending"]').getByRole('button', { name: 'Approve' })
  ).toHaveCount(0);
  await pending.getByRole('button', { name: 'Approve' }).click();
  const spent = 3_000_00 + 1_800_00 + 1_500_00;
  for (const money of [mMoney, eMoney]) {
    await expect(money.getByTestId('money-summary')).toHaveText(`${yuan(spent)} / ${yuan(budget)}`);
  }

  // 监控与评估: the card may not leave before every target has its actual.
  await moveOn(e, stage('monitoring'));
  const toSummary = ePanel.getByRole('button', { name: `Move to “${stage('summary')}”` });
  await expect(toSummary).toBeDisabled();
  for (const [name, value] of [
    ['Leads', '360'],
    ['Sales', '30000']
  ] as const) {
    const input = eTargets.getByRole('textbox', { name: `Actual of “${name}”` });
    await input.fill(value);
    await input.press('Enter');
  }
  await expect(eTargets.getByTestId('targets-summary')).toHaveText('2 of 2 measured');
  const leads = eTargets.locator('tbody tr', { hasText: 'Leads' });
  await expect(leads.locator('[data-cell="attainment"]')).toHaveText(percent(360 / 300));
  await expect(leads.locator('[data-cell="cost"]')).toHaveText(`${yuan(Math.round(spent / 360))} each`);
  const sales = eTargets.locator('tbody tr', { hasText: 'Sales' });
  await expect(sales.locator('[data-cell="attainment"]')).toHaveText(percent(30_000 / 20_000));
  await expect(sales.locator('[data-cell="cost"]')).toHaveText(`ROI ${(3_000_000 / spent).toFixed(2)}`);

  // 总结与反馈: the executor writes what went wrong and what to do next time.
  await moveOn(e, stage('summary'));
  const retro = ePanel.getByRole('textbox', { name: 'Issues and suggestions' });
  await retro.click();
  await retro.fill('Leaflets ran out on day two; print 20% more next time.');

  // The manager: one click from the card to its report, then the PDF and the board's workbook.
  await expect(mPanel.getByRole('textbox', { name: 'Issues and suggestions' })).toHaveValue(
    /print 20% more next time/
  );
  await mPanel.getByRole('link', { name: 'Summary report' }).click();
  await expect(m.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const goals = m.getByRole('region', { name: '1. Goals and attainment' });
  await expect(goals.getByRole('row', { name: /Leads/ })).toContainText('120%');
  await expect(goals.getByRole('row', { name: /Sales/ })).toContainText('150%');
  const money = m.getByRole('region', { name: '2. Budget and spending' });
  await expect(money.getByRole('row', { name: /Promotion/ })).toContainText(yuan(spent));
  await expect(m.getByRole('region', { name: '6. Issues and suggestions' })).toContainText('print 20% more');
  // The approvals name who signed: the owner, for both gates.
  await expect(m.getByText('Ada Admin').first()).toBeVisible();

  const [pdf] = await Promise.all([
    m.waitForEvent('download'),
    m.getByRole('link', { name: 'Download PDF' }).click()
  ]);
  const text = await pdfText(await downloaded(pdf));
  for (const want of [TITLE, '120%', '150%', yuan(spent)]) expect(text).toContain(want);

  await openBoard(m, boardId);
  await m.getByRole('button', { name: 'Export', exact: true }).click();
  const [xlsx] = await Promise.all([
    m.waitForEvent('download'),
    m.getByRole('menuitem', { name: 'Export Excel' }).click()
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await downloaded(xlsx)).buffer as ArrayBuffer);
  const cards = book.getWorksheet('Cards')!;
  const header = (cards.getRow(1).values as unknown[]).slice(1);
  const row = cards.getRow(2);
  const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
  expect(cell('Title')).toBe(TITLE);
  expect(cell('Stage')).toBe(stage('summary'));
  expect(cell('Budget')).toBe(budget / 100);
  expect(cell('Spent')).toBe(spent / 100);
  expect(cell('Attainment')).toBeCloseTo((1.2 + 1.5) / 2, 10);
  await executor.context.close();
});
