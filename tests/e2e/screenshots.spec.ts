import { expect, test, type Browser, type Page } from '@playwright/test';
import { en } from '#lib/i18n/en';
import { LOCALE_COOKIE, type Locale, type MessageKey } from '#lib/i18n/locale';
import { zhCN } from '#lib/i18n/zh-CN';
import { campaignExecution } from '#lib/templates/builtin/campaign-execution';
import { ADMIN_STATE } from './helpers';
import { showcaseBoard, type Showcase } from './showcase';

/**
 * The five screens a team meets first, and the card-fields dialog, adding a card and the move
 * menu, at a laptop's and a phone's size, in both languages, under
 * test-results/screenshots/<screen>.<locale>.<device>.png for people to look at. Each shot also
 * checks that its screen is there and, on the phone, that the page does not scroll sideways.
 */
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

async function openAs(browser: Browser, locale: Locale, device: keyof typeof DEVICES, baseURL: string) {
  const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...DEVICES[device] });
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  return context;
}

/** Waits for the page to be interactive, checks it fits a phone, and writes the picture. */
async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  // The device's width, not innerWidth: a phone zooms out to whatever overflows, and innerWidth
  // grows with it.
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect
    .soft(scrollWidth, `${name}: the page scrolls sideways`)
    .toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, ...options });
}

async function screens(page: Page, locale: Locale, device: string, board: Showcase) {
  const t = (key: MessageKey) => CATALOGUES[locale][key];
  const at = (screen: string) => `${screen}.${locale}.${device}`;

  await page.goto(`/boards/${board.boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(board.title);
  await expect(page.locator('[data-stage-id]')).toHaveCount(campaignExecution.stages.length);
  await expect(page.locator('[data-card-id]', { hasText: board.cardTitle })).toBeVisible();
  await shoot(page, at('board'));

  await page.goto(`/boards/${board.boardId}?card=${board.cardId}`);
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('region', { name: t('comments.title') })).toContainText('@Ada Admin');
  await shoot(page, at('card'));

  // The card-fields dialog, from the header on a laptop and from the menu on a phone.
  await page.goto(`/boards/${board.boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  if (device === 'phone') {
    await page.getByRole('button', { name: t('board.menu') }).click();
    await page.getByRole('menuitem', { name: t('fields.manage') }).click();
  } else await page.getByRole('button', { name: t('fields.manage') }).click();
  const fields = page.getByRole('dialog', { name: t('fields.manage') });
  await expect(fields.locator('li[data-field-id]')).not.toHaveCount(0);
  await shoot(page, at('fields'));

  // The members dialog, the other board dialog a manager opens from the same place.
  await page.keyboard.press('Escape');
  await expect(fields).toBeHidden();
  if (device === 'phone') {
    await page.getByRole('button', { name: t('board.menu') }).click();
    await page.getByRole('menuitem', { name: t('members.open') }).click();
  } else await page.getByRole('button', { name: t('members.open') }).click();
  const members = page.getByRole('dialog', { name: t('members.title') });
  await expect(members).toBeVisible();
  // A long email once pushed the role and remove controls past a phone's dialog edge.
  const fits = await members.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect.soft(fits, `members.${locale}.${device}: the dialog scrolls sideways`).toBe(true);
  await shoot(page, at('members'));

  // A card being added in the first column and, with a keyboard, the move menu (M on a card).
  await page.goto(`/boards/${board.boardId}`);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await page
    .locator('[data-stage-id]')
    .first()
    .getByRole('button', { name: t('board.addCard') })
    .click();
  await page.getByRole('textbox', { name: t('board.addCard') }).fill(t('board.addCard.placeholder'));
  await shoot(page, at('add-card'));
  if (device === 'desktop') {
    await page.keyboard.press('Escape');
    await page.locator('[data-card-id]', { hasText: board.cardTitle }).focus();
    await page.keyboard.press('m');
    await expect(page.getByRole('menu')).toBeVisible();
    await shoot(page, at('move'));
  }

  await page.goto('/');
  await expect(page.getByRole('heading', { name: t('boards.title') })).toBeVisible();
  await expect(page.getByRole('link', { name: board.title }).first()).toBeVisible();
  await shoot(page, at('boards'), { fullPage: true });

  await page.getByRole('radio', { name: new RegExp(campaignExecution.name[locale]) }).check();
  const preview = page.getByRole('region', { name: t('templates.preview') });
  await expect(preview).toContainText(campaignExecution.stages[0]!.name[locale]);
  await preview.scrollIntoViewIfNeeded();
  await shoot(page, at('templates'));

  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: t('inbox.title') })).toBeVisible();
  await expect(page.getByRole('list', { name: t('inbox.title') })).toContainText(board.cardTitle);
  await shoot(page, at('inbox'));
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`screens in ${locale}, on a laptop and a phone, are written and fit`, async ({
    browser,
    request,
    baseURL
  }) => {
    // Some twenty screens at two sizes: 40 s alone on the 2-core machine, past a minute beside
    // another browser run (seen once). The limit is for a hang, not for the machine's load.
    test.setTimeout(150_000);
    const board = await showcaseBoard(browser, request, locale);
    for (const device of ['desktop', 'phone'] as const) {
      const context = await openAs(browser, locale, device, baseURL!);
      await screens(await context.newPage(), locale, device, board);
      await context.close();
    }
  });
}
