import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { ADMIN_STATE } from './helpers';

/**
 * The import dialog at a laptop's and a phone's size in both languages, written as
 * test-results/shots-import/<shot>.<locale>.<device>.png for people to look at: choosing a
 * source, a Trello preview, a refusal, a CSV preview and an import under way. Each checks the
 * page does not scroll sideways.
 */
const OUT = process.env.IMPORT_SHOTS ?? 'test-results/shots-import';
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;
const TRELLO = 'tests/fixtures/trello/gocd-test-drive.json';

async function noSidewaysScroll(p: Page, what: string) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${what} scrolls sideways`).toBeLessThanOrEqual(p.viewportSize()!.width);
}

test('import dialog screens in both languages, on a laptop and a phone', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    for (const [device, options] of Object.entries(DEVICES)) {
      const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...options });
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
      const p = await context.newPage();
      const shot = async (name: string) => {
        await noSidewaysScroll(p, `${locale} ${device} ${name}`);
        await p.screenshot({ path: `${OUT}/${name}.${locale}.${device}.png` });
      };
      await p.goto('/');
      await p.getByRole('button', { name: locale === 'en' ? 'Import' : '导入', exact: true }).click();
      const dialog = p.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await shot('choose');

      const text = readFileSync(TRELLO, 'utf8');
      await dialog.getByTestId('import-file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text.slice(0, 5000))
      });
      await expect(dialog.getByRole('alert')).toBeVisible();
      await shot('refused');

      await dialog.getByTestId('import-file').setInputFiles(TRELLO);
      await expect(dialog.getByTestId('import-counts')).toBeVisible();
      await shot('trello');
      await dialog.getByTestId('import-counts').scrollIntoViewIfNeeded();
      await shot('trello-counts');

      // An import held at the server's door: the bar at its start.
      await p.route('**/api/boards/import', (route) =>
        route.request().method() === 'POST' ? new Promise(() => {}) : route.continue()
      );
      await dialog
        .getByRole('button', { name: locale === 'en' ? 'Import' : '开始导入', exact: true })
        .click();
      await expect(dialog.locator('progress')).toBeVisible();
      await shot('running');
      await context.close();

      const again = await browser.newContext({ storageState: ADMIN_STATE, locale, ...options });
      await again.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
      const q = await again.newPage();
      await q.goto('/');
      await q.getByRole('button', { name: locale === 'en' ? 'Import' : '导入', exact: true }).click();
      const d = q.getByRole('dialog');
      await d.getByText(locale === 'en' ? 'CSV spreadsheet' : 'CSV 表格').click();
      await d.getByTestId('import-file').setInputFiles('tests/fixtures/csv/tasks-gb18030.csv');
      await expect(d.getByTestId('import-counts')).toBeVisible();
      await noSidewaysScroll(q, `${locale} ${device} csv`);
      await q.screenshot({ path: `${OUT}/csv.${locale}.${device}.png` });
      await again.close();
    }
  }
});
