import { expect, test, type Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { ADMIN_STATE, addCard, createBoard, member, openBoard, openCard } from './helpers';

/**
 * The 预算与费用 section, the face's money badge and the claims dialog at a laptop's and a phone's
 * size in both languages, written as MONEY_SHOTS-<shot>.<locale>.<device>.png (default
 * test-results/screenshots/money-…) for people to look at; each checks the phone page does not
 * scroll sideways.
 */
const OUT = process.env.MONEY_SHOTS ?? 'test-results/screenshots/money';
const shot = (name: string) => `${OUT}-${name}.png`;

async function noSidewaysScroll(p: Page, what: string) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${what} scrolls sideways`).toBeLessThanOrEqual(p.viewportSize()!.width);
}
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;

async function record(page: Page, amount: string, note: string) {
  const form = page.getByRole('form', { name: 'Record an expense' });
  await form.getByRole('textbox', { name: 'Amount' }).fill(amount);
  await form.getByRole('textbox', { name: 'Note' }).fill(note);
  await form.getByRole('button', { name: 'Record' }).click();
}

test('money screens in both languages, on a laptop and a phone', async ({
  browser,
  request,
  page,
  baseURL
}) => {
  const boardId = await createBoard(request, '双十一门店推广', 'campaign-execution');
  await openBoard(page, boardId);
  const first = page.locator('section.column h2').first();
  await addCard(page, (await first.textContent())!.trim().split('\n')[0]!.trim(), '门店开业活动');
  await openCard(page, '门店开业活动');
  const money = page.getByTestId('card-money');
  const lines: [string, string][] = [
    ['Staff', '8000'],
    ['Materials', '3000'],
    ['Promotion', '5000'],
    ['Venue', '2000']
  ];
  for (const [name, amount] of lines) {
    await money.getByPlaceholder('Line name').fill(name);
    await money.getByPlaceholder('Budget').fill(amount);
    await money.getByRole('button', { name: 'Add line' }).click();
  }
  await money.getByRole('combobox', { name: 'Budget line' }).selectOption({ label: 'Materials' });
  await record(page, '1280.50', '易拉宝 6 个、海报 200 张');
  await record(page, '2000', '加印传单（加急）');
  await money.getByRole('combobox', { name: 'Budget line' }).selectOption({ label: 'Venue' });
  await record(page, '2400', '商场中庭场地两天');
  const editor = await member(browser, request, boardId, 'editor', '李执行');
  const e = await editor.context.newPage();
  await openBoard(e, boardId);
  await openCard(e, '门店开业活动');
  await e
    .getByTestId('card-money')
    .getByRole('combobox', { name: 'Budget line' })
    .selectOption({ label: 'Promotion' });
  await record(e, '5200', '朋友圈广告投放');
  await expect(page.getByTestId('card-money').locator('[data-status="pending"]')).toHaveCount(3);
  await page
    .getByTestId('card-money')
    .locator('[data-status="pending"]')
    .last()
    .getByRole('button', { name: 'Approve' })
    .click();
  await editor.context.close();

  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    for (const [device, options] of Object.entries(DEVICES)) {
      const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...options });
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
      const p = await context.newPage();
      await p.goto(`/boards/${boardId}`);
      await expect(p.locator('[data-status="connected"]')).toBeVisible();
      await expect(p.getByTestId('face-money')).toBeVisible();
      await p.screenshot({ path: shot(`board.${locale}.${device}`) });
      if (device === 'desktop') {
        await p.getByRole('button', { name: locale === 'en' ? 'Roles' : '角色' }).click();
        const dialog = p.getByRole('dialog');
        await expect(dialog.locator('.money-settings select').first()).toHaveValue('CNY');
        await p.screenshot({ path: shot(`settings.${locale}.${device}`) });
        await p.keyboard.press('Escape');
      }
      await p.goto(
        `/boards/${boardId}?card=${await p.locator('[data-card-id]').first().getAttribute('data-card-id')}`
      );
      const section = p.getByTestId('card-money');
      await section.locator('h3').evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await expect(section.locator('[data-status="pending"]')).toHaveCount(2);
      await noSidewaysScroll(p, `${locale} ${device} card`);
      await p.screenshot({ path: shot(`card.${locale}.${device}`) });
      await section.screenshot({ path: shot(`section.${locale}.${device}`) });
      // The expense list's foot and the form to record one, where a thumb reaches them.
      await section
        .locator('form')
        .last()
        .evaluate((f) => f.scrollIntoView({ block: 'end' }));
      await noSidewaysScroll(p, `${locale} ${device} expense form`);
      await p.screenshot({ path: shot(`form.${locale}.${device}`) });

      // The month's claims, from the header on a laptop and from its menu on a phone.
      await p.goto(`/boards/${boardId}`);
      await expect(p.locator('[data-status="connected"]')).toBeVisible();
      const claims = locale === 'en' ? 'Expense claims' : '报销明细';
      if (device === 'phone') {
        await p.getByRole('button', { name: locale === 'en' ? 'More actions' : '更多操作' }).click();
        await p.getByRole('menuitem', { name: claims }).click();
      } else {
        await p.getByRole('button', { name: claims }).click();
      }
      await expect(p.getByRole('dialog').locator('[data-status]')).toHaveCount(4);
      await noSidewaysScroll(p, `${locale} ${device} claims`);
      await p.screenshot({ path: shot(`claims.${locale}.${device}`) });
      await context.close();
    }
  }
});
