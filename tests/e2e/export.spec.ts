import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { addCard, createBoard, openBoard } from './helpers';

/**
 * Issue 19's exports in the browser: the board menu's "Export JSON" downloads a board file that
 * POST /api/boards/import-json turns into a new board showing the same card; and the screens this
 * slice adds (the header's export entries, 导出我的数据, 邮件通知, 退订) at a laptop's and a phone's size in both
 * languages, written under test-results/shots-export/ for people to look at.
 */
const OUT = 'test-results/shots-export';
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;

async function noSidewaysScroll(p: Page, what: string) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${what} scrolls sideways`).toBeLessThanOrEqual(p.viewportSize()!.width);
}

test('a board exported as JSON from its header imports as a new board with the same cards', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, '春季上新 Export', 'blank');
  await openBoard(page, boardId);
  const stage = (await page.locator('section.column h2').first().textContent())!
    .trim()
    .split('\n')[0]!
    .trim();
  await addCard(page, stage, '=1+1 不是公式');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export JSON' }).click();
  const file = JSON.parse(await fs.readFile(await (await downloading).path(), 'utf8')) as {
    document: { meta: { entries: Record<string, string> } };
  };
  // About 1.2 MB, past adapter-node's 512 KB body cap: the import is served before SvelteKit.
  for (let i = 0; i < 6; i++) file.document.meta.entries[`pad${i}`] = '填'.repeat(100_000);
  const body = JSON.stringify(file);
  expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
  const imported = await request.post('/api/boards/import-json', {
    data: body,
    headers: { 'content-type': 'application/json' }
  });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  await openBoard(page, id);
  await expect(page.getByText('=1+1 不是公式')).toBeVisible();
});

test('mail settings are saved and shown again: a kind turned off stays off', async ({ page }) => {
  await page.goto('/account/notifications');
  const mention = page.getByRole('checkbox', { name: 'Mention' });
  await expect(mention).toBeChecked();
  await mention.uncheck();
  await page.getByRole('combobox', { name: 'Mail language' }).selectOption('en');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Mention' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Overdue' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Mail language' })).toHaveValue('en');
});

for (const device of ['desktop', 'phone'] as const) {
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    test(`export screens, ${locale}, ${device}`, async ({ browser, request, baseURL }) => {
      const boardId = await createBoard(
        request,
        locale === 'en' ? 'Autumn launch' : '秋季新品发布会',
        'campaign-execution'
      );
      const state = await request.storageState();
      const context = await browser.newContext({ ...DEVICES[device], storageState: state });
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
      const page = await context.newPage();
      await openBoard(page, boardId);
      if (device === 'phone') {
        await page.locator('.board-menu-trigger').click();
        await expect(page.getByRole('menuitem').first()).toBeVisible();
      } else {
        // The laptop's header gathers the exports in one 导出 dropdown.
        await page.getByRole('button', { name: locale === 'en' ? 'Export' : '导出', exact: true }).click();
        await expect(page.getByRole('menuitem').first()).toBeVisible();
      }
      await page.screenshot({ path: `${OUT}/board-menu.${locale}.${device}.png` });
      await page.keyboard.press('Escape');
      await page.goto('/account/export');
      await expect(page.locator('a.download')).toBeVisible();
      await noSidewaysScroll(page, 'the account export page');
      await page.screenshot({ path: `${OUT}/account-export.${locale}.${device}.png`, fullPage: true });
      await page.goto('/account/notifications');
      await expect(page.locator('form.settings')).toBeVisible();
      await noSidewaysScroll(page, 'the mail settings page');
      await page.screenshot({ path: `${OUT}/mail-settings.${locale}.${device}.png`, fullPage: true });
      await page.goto('/mail/unsubscribe?token=broken');
      await expect(page.getByRole('alert')).toBeVisible();
      await page.screenshot({ path: `${OUT}/mail-unsubscribe-invalid.${locale}.${device}.png` });
      await context.close();
    });
  }
}
