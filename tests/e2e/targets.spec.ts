import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { campaignExecution } from '#lib/templates/builtin/campaign-execution';
import { ADMIN_STATE, addCard, column, createBoard, openBoard, openCard } from './helpers';
import { addLine, addTarget, percent, yuan } from './money-helpers';

/**
 * Targets and results on a campaign board (issue 18, 001 监测指标): planning cannot be left without a
 * budget line and a target, 监控与评估 not without every actual; the 目标达成率 and cost per result
 * (or ROI) shown match figures worked out here from the typed numbers. Then the targets area at a
 * laptop's and a phone's size in both languages, to test-results/screenshots/targets-*.png.
 */

// Five sessions share this machine's two cores: a page may take longer than five seconds to settle.
const expect = baseExpect.configure({ timeout: 20_000 });

const stage = (key: string) => campaignExecution.stages.find((s) => s.key === key)!.name.en;
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;

async function spend(page: Page, amount: string) {
  const form = page.getByRole('form', { name: 'Record an expense' });
  await form.getByRole('textbox', { name: 'Amount' }).fill(amount);
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByRole('status')).toHaveText('Recorded.');
}

const row = (targets: Locator, name: string) => targets.locator('tbody tr', { hasText: name });

test('a campaign is planned with a budget line and a target, evaluated on its actuals, and shows attainment and cost per result', async ({
  page,
  request,
  browser,
  baseURL
}) => {
  test.setTimeout(240_000);
  const boardId = await createBoard(request, '双十一门店推广', campaignExecution.id);
  await openBoard(page, boardId);
  const planning = stage('planning');
  const monitoring = stage('monitoring');

  // The template's requirements are ticked in the planning stage's settings.
  await column(page, planning).getByRole('button', { name: 'Stage settings' }).click();
  const settings = page.getByRole('dialog', { name: /Stage settings/ });
  await settings.getByRole('tab', { name: 'Requirements' }).click();
  await expect(settings.getByLabel('A budget (at least one line)')).toBeChecked();
  await expect(settings.getByLabel('Targets set (at least one)')).toBeChecked();
  await expect(settings.getByLabel('An actual recorded for every target')).not.toBeChecked();
  await settings.getByRole('button', { name: 'Cancel' }).click();

  // Planning: the face says what the card lacks, and stops saying it once each is there.
  await addCard(page, planning, '门店开业活动');
  const planFace = column(page, planning).locator('.card', { hasText: '门店开业活动' });
  await expect(planFace).toContainText('Still needed: add a budget line, set a target');
  await openCard(page, '门店开业活动');
  const panel = page.getByRole('dialog');
  await addLine(panel.getByTestId('card-money'), 'Promotion', '5000');
  await expect(planFace).toContainText('Still needed: set a target');
  const planTargets = panel.getByTestId('card-targets');
  await expect(planTargets).toContainText('No targets yet.');
  await addTarget(planTargets, 'Leads', '300');
  await expect(planFace).not.toContainText('Still needed');
  // What holds it now is the plan's sign-off, not its requirements.
  await expect(panel.getByRole('button', { name: 'Move to “Preparation”' })).toHaveAccessibleDescription(
    /^Needs approval/
  );
  await panel.getByRole('button', { name: 'Close' }).click();

  // 监控与评估: a campaign that spent 3,280.50 of a 5,000.00 line, with three targets.
  await addCard(page, monitoring, '快闪店活动');
  const face = column(page, monitoring).locator('.card', { hasText: '快闪店活动' });
  await openCard(page, '快闪店活动');
  await addLine(panel.getByTestId('card-money'), 'Promotion', '5000');
  await spend(page, '1280.50');
  await spend(page, '2000');
  const spent = 1_280_50 + 2_000_00;
  const targets = panel.getByTestId('card-targets');
  await addTarget(targets, 'Store visitors', '800');
  await addTarget(targets, 'Sales', '20000');
  await addTarget(targets, 'Conversion rate', '5');
  await expect(targets.getByTestId('targets-summary')).toHaveText('0 of 3 measured');
  await expect(face).toContainText(
    'Still needed: record the actual of “Store visitors”, “Sales”, “Conversion rate”'
  );
  const moveOn = panel.getByRole('button', { name: 'Move to “Summary and feedback”' });
  await expect(moveOn).toBeDisabled();

  const actuals: [string, string][] = [
    ['Store visitors', '912'],
    ['Sales', '23456.78'],
    ['Conversion rate', '4.2']
  ];
  for (const [name, value] of actuals) {
    const input = targets.getByRole('textbox', { name: `Actual of “${name}”` });
    await input.fill(value);
    await input.press('Enter');
  }
  await expect(targets.getByTestId('targets-summary')).toHaveText('3 of 3 measured');
  await expect(face).not.toContainText('Still needed');

  // Worked out here: attainment = actual ÷ goal; cost per visitor = spent ÷ visitors, to the fen;
  // ROI = sales ÷ spent.
  const visitors = row(targets, 'Store visitors');
  await expect(visitors.locator('[data-cell="attainment"]')).toHaveText(percent(912 / 800));
  await expect(visitors.locator('[data-cell="cost"]')).toHaveText(`${yuan(Math.round(spent / 912))} each`);
  const sales = row(targets, 'Sales');
  await expect(sales.locator('[data-cell="attainment"]')).toHaveText(percent(2_345_678 / 2_000_000));
  await expect(sales.locator('[data-cell="cost"]')).toHaveText(`ROI ${(2_345_678 / spent).toFixed(2)}`);
  const conversion = row(targets, 'Conversion rate');
  await expect(conversion.locator('[data-cell="attainment"]')).toHaveText(percent(4.2 / 5));
  await expect(conversion.locator('[data-cell="cost"]')).toHaveText('—');
  await expect(targets.getByTestId('targets-basis')).toContainText(yuan(spent));
  // Figures typed wrong are refused beside the table, and the stored actual is kept.
  const wrong = targets.getByRole('textbox', { name: 'Actual of “Sales”' });
  await wrong.fill('12.345');
  await wrong.press('Enter');
  await expect(targets.getByRole('alert')).toContainText('at most two decimals');
  await expect(sales.locator('[data-cell="attainment"]')).toHaveText(percent(2_345_678 / 2_000_000));
  await wrong.fill('23456.78');
  await wrong.press('Enter');

  await expect(moveOn).toBeEnabled();
  await moveOn.click();
  await expect(column(page, stage('summary')).locator('.card', { hasText: '快闪店活动' })).toBeVisible();

  // A new campaign in planning, for the pictures of a face saying what it lacks.
  await addCard(page, planning, '会员日活动');
  const cardId = await column(page, stage('summary'))
    .locator('.card', { hasText: '快闪店活动' })
    .getAttribute('data-card-id');
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    for (const [device, options] of Object.entries(DEVICES)) {
      const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...options });
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
      const p = await context.newPage();
      await p.goto(`/boards/${boardId}`);
      await expect(p.locator('[data-status="connected"]')).toBeVisible();
      await expect(p.locator('.card', { hasText: '会员日活动' })).toContainText(
        locale === 'en' ? 'Still needed: add a budget line, set a target' : '还差：添加预算科目、设定效果目标'
      );
      await p.screenshot({ path: `test-results/screenshots/targets-board.${locale}.${device}.png` });
      await p.goto(`/boards/${boardId}?card=${cardId}`);
      await expect(p.locator('[data-status="connected"]')).toBeVisible();
      const section = p.getByTestId('card-targets');
      await expect(section.locator('tbody tr')).toHaveCount(3);
      await p
        .getByTestId('card-money')
        .locator('h3')
        .evaluate((h) => h.scrollIntoView({ block: 'start' }));
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, `${locale} ${device} scrolls sideways`).toBeLessThanOrEqual(p.viewportSize()!.width);
      const wide = await section.evaluate((s) => s.scrollWidth > s.clientWidth);
      expect.soft(wide, `${locale} ${device}: the targets table is wider than its section`).toBe(false);
      await p.screenshot({ path: `test-results/screenshots/targets-panel.${locale}.${device}.png` });
      await section.screenshot({ path: `test-results/screenshots/targets-section.${locale}.${device}.png` });
      await context.close();
    }
  }
});
