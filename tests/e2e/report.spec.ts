import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  addCard,
  readBoard,
  readRetro,
  recordExpense,
  setActual,
  setBudgetLine,
  setTarget
} from '#lib/board';
import { en } from '#lib/i18n/en';
import { LOCALE_COOKIE, type Locale, type MessageKey } from '#lib/i18n/locale';
import { zhCN } from '#lib/i18n/zh-CN';
import { ADMIN_STATE, addCard as addCardUi, createBoard, member, openBoard, openCard } from './helpers';
import { downloaded, pdfText } from './money-helpers';
import { connect, showcaseBoard } from './showcase';

/**
 * The summary report (001 七) end to end: from the card panel, one click opens the printable
 * report; what the team writes under 问题与改进建议 in the panel is in it; its PDF and the board's
 * workbook download and read back with the right figures. Then the report page is photographed in
 * both languages on a laptop and a phone, and as it prints, under test-results/screenshots.
 */

/** Gives the card a budget with spending, and a target with its result, as the owner. */
async function planAndSpend(admin: APIRequestContext, boardId: string, cardId: string | null, title: string) {
  const me = (await (await admin.get(`/api/boards/${boardId}`)).json()) as { user: { id: string } };
  const owner = { userId: me.user.id, role: 'owner' as const };
  const client = await connect(boardId, (await admin.storageState()).cookies);
  const doc = client.doc;
  const id = cardId ?? addCard(doc, { stageId: readBoard(doc).stages[0]!.id, title });
  const materials = setBudgetLine(doc, id, null, { name: '物料成本', amount: 500_000 });
  const staff = setBudgetLine(doc, id, null, { name: '人力成本', amount: 300_000 });
  recordExpense(doc, id, { line: materials, amount: 435_000, date: '2026-11-04', note: '海报印刷' }, owner);
  recordExpense(doc, id, { line: staff, amount: 120_000, date: '2026-11-05' }, owner);
  const visitors = setTarget(doc, id, null, { name: '到店人数', kind: 'count', unit: '人', target: 800 });
  setActual(doc, id, visitors, 1000);
  const sales = setTarget(doc, id, null, { name: '销售额', kind: 'money', target: 2_000_000 });
  setActual(doc, id, sales, 1_300_000);
  return { id, doc, destroy: client.destroy };
}

test('one click from the card to its report, with what the team wrote; the PDF and the workbook download', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Store opening');
  const client = await planAndSpend(request, boardId, null, 'Store opening day');
  await openBoard(page, boardId);
  await openCard(page, 'Store opening day');

  // The team's issues and suggestions, written in the panel, reach the server as live text.
  const panel = page.getByRole('dialog');
  const retro = panel.getByRole('textbox', { name: 'Issues and suggestions' });
  await retro.click();
  await retro.fill('Posters arrived two days late. Order a week earlier next time.');
  await expect.poll(() => readRetro(client.doc, client.id)).toContain('Order a week earlier');
  client.destroy();

  await panel.getByRole('link', { name: 'Summary report' }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/cards/${client.id}/report$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Store opening day' })).toBeVisible();
  const goals = page.getByRole('region', { name: '1. Goals and attainment' });
  await expect(goals.getByRole('row', { name: /Store visitors/ })).toContainText('125%');
  const money = page.getByRole('region', { name: '2. Budget and spending' });
  await expect(money.getByRole('row', { name: /Materials/ })).toContainText('CN¥4,350.00');
  await expect(money.locator('tfoot')).toContainText('CN¥5,550.00');
  await expect(page.getByRole('region', { name: '6. Issues and suggestions' })).toContainText(
    'Posters arrived two days late.'
  );

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click()
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(await downloaded(pdf));
  expect(text).toContain('Store opening day');
  expect(text).toContain('125%');
  expect(text).toContain('CN¥4,350.00');
  expect(text).toContain('Store visitors');

  // The board's workbook, from the board header.
  await openBoard(page, boardId);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Export Excel' }).click()
  ]);
  expect(xlsx.suggestedFilename()).toBe('Store opening.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await downloaded(xlsx)).buffer as ArrayBuffer);
  const cards = book.getWorksheet('Cards')!;
  const header = (cards.getRow(1).values as unknown[]).slice(1);
  const row = cards.getRow(2);
  expect(row.getCell(header.indexOf('Title') + 1).value).toBe('Store opening day');
  expect(row.getCell(header.indexOf('Spent') + 1).value).toBe(5550);
  expect(row.getCell(header.indexOf('Budget') + 1).value).toBe(8000);
  // Mean of 125% and 65%.
  expect(row.getCell(header.indexOf('Attainment') + 1).value).toBeCloseTo(0.95, 10);
  expect(book.getWorksheet('Expenses')!.getRow(2).getCell(5).value).toBe(4350);
});

test('two people who both write the first 问题与改进建议 at once both keep their words', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Retro race');
  await openBoard(page, boardId);
  await addCardUi(page, 'To do', 'Pop-up store');
  const other = await member(browser, request, boardId, 'editor');
  const o = await other.context.newPage();
  await openBoard(o, boardId);
  await openCard(page, 'Pop-up store');
  await openCard(o, 'Pop-up store');
  const mine = page.getByRole('dialog').getByRole('textbox', { name: 'Issues and suggestions' });
  const theirs = o.getByRole('dialog').getByRole('textbox', { name: 'Issues and suggestions' });
  // Offline, the other editor writes the card's first words; online, the owner writes theirs.
  // Back online, both are in the one text. (When the text was made on first use, each made a text
  // of their own, the server refused the second, and its writer's words were lost.)
  await other.context.setOffline(true);
  await expect(o.locator('[data-status="offline"]')).toBeVisible();
  await theirs.click();
  await theirs.pressSequentially('Stock ran out');
  await mine.click();
  await mine.pressSequentially('Queue too long');
  await expect.poll(async () => (await request.get(`/api/boards/${boardId}`)).status()).toBe(200);
  await other.context.setOffline(false);
  for (const field of [mine, theirs]) {
    await expect(field).toHaveValue(/Stock ran out/, { timeout: 20_000 });
    await expect(field).toHaveValue(/Queue too long/, { timeout: 20_000 });
  }
  await other.context.close();
});

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;

async function shoot(page: Page, name: string) {
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect
    .soft(scrollWidth, `${name}: the page scrolls sideways`)
    .toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

async function reportPage(browser: Browser, baseURL: string, locale: Locale, device: keyof typeof DEVICES) {
  const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...DEVICES[device] });
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  return { context, page: await context.newPage() };
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the report page, photographed in ${locale} on a laptop, a phone and paper`, async ({
    browser,
    request,
    baseURL
  }) => {
    const board = await showcaseBoard(browser, request, locale);
    const client = await planAndSpend(request, board.boardId, board.cardId, board.cardTitle);
    client.destroy();
    const url = `/boards/${board.boardId}/cards/${board.cardId}/report`;
    for (const device of ['desktop', 'phone'] as const) {
      const { context, page } = await reportPage(browser, baseURL!, locale, device);
      // The card panel's summary area: the report link and the team's issues and suggestions.
      await page.goto(`/boards/${board.boardId}?card=${board.cardId}`);
      const retro = page
        .getByRole('dialog')
        .getByRole('region', { name: CATALOGUES[locale]['report.retro.label'] });
      await retro.scrollIntoViewIfNeeded();
      await expect(retro.getByRole('link', { name: CATALOGUES[locale]['report.open'] })).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/report-panel-${locale}-${device}.png` });
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: board.cardTitle })).toBeVisible();
      await shoot(page, `report-${locale}-${device}`);
      if (device === 'desktop') {
        // A4's width at 96 dpi, so the picture is what the paper gets.
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.chrome')).toBeHidden();
        await page.screenshot({
          path: `test-results/screenshots/report-${locale}-print.png`,
          fullPage: true
        });
      }
      await context.close();
    }
  });
}
