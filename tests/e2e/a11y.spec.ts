import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { en } from '#lib/i18n/en';
import { LOCALE_COOKIE } from '#lib/i18n/locale';
import { zhCN } from '#lib/i18n/zh-CN';
import { ADMIN_STATE } from './helpers';
import { showcaseBoard } from './showcase';

/** axe-core's serious and critical findings on the page as it is now, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the board, the card panel and the board list have no serious or critical axe violation (${locale})`, async ({
    browser,
    request,
    baseURL
  }) => {
    const board = await showcaseBoard(browser, request, locale);
    const context = await browser.newContext({ storageState: ADMIN_STATE, locale });
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    const page = await context.newPage();

    await page.goto(`/boards/${board.boardId}`);
    await expect(page.locator('[data-status="connected"]')).toBeVisible();
    await expect(page.locator('[data-card-id]', { hasText: board.cardTitle })).toBeVisible();
    expect.soft(await seriousViolations(page), 'board').toEqual([]);

    // The keyboard's own screens: the shortcut list and the stage menu of a focused card.
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: (locale === 'en' ? en : zhCN)['keys.title'] });
    await expect(help).toBeVisible();
    expect.soft(await seriousViolations(page), 'shortcut help').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.locator('[data-card-id]', { hasText: board.cardTitle }).focus();
    await page.keyboard.press('m');
    await expect(page.getByRole('menu')).toBeVisible();
    expect.soft(await seriousViolations(page), 'move menu').toEqual([]);
    await page.keyboard.press('Escape');

    await page.goto(`/boards/${board.boardId}?card=${board.cardId}`);
    await expect(page.getByRole('dialog')).toContainText('@Ada Admin');
    expect.soft(await seriousViolations(page), 'card panel').toEqual([]);

    await page.goto('/');
    await expect(page.locator('html[data-hydrated]')).toBeAttached();
    await expect(page.getByRole('link', { name: board.title }).first()).toBeVisible();
    expect.soft(await seriousViolations(page), 'board list').toEqual([]);
    await context.close();
  });
}
