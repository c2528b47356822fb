import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { defineCardField, readFieldDefs } from '#lib/board';
import { en } from '#lib/i18n/en';
import { LOCALE_COOKIE, type Locale, type MessageKey } from '#lib/i18n/locale';
import { zhCN } from '#lib/i18n/zh-CN';
import { campaignExecution } from '#lib/templates/builtin/campaign-execution';
import { ADMIN_STATE, PHONE, addCard, column, createBoard, openBoard } from './helpers';
import { connect } from './showcase';

/**
 * The stage settings dialog: an approver's condition set in the form decides which cards need that
 * approver; its five tabs follow the WAI-ARIA tabs pattern; a value that is not one opens its tab;
 * and on a phone no tab is wider than the dialog.
 */

/**
 * A campaign board made from the template with a 预算 (Budget) money field for the conditions to
 * test: the template's budget is its budget lines, which conditions cannot name.
 */
async function campaignWithBudgetField(request: APIRequestContext, title: string): Promise<string> {
  const boardId = await createBoard(request, title, campaignExecution.id);
  const cookies = (await request.storageState()).cookies;
  const writer = await connect(boardId, cookies);
  defineCardField(writer.doc, { name: '预算', alt: 'Budget', kind: 'money' }, 'budget');
  // Read back through a second client, so the field is on the server before the page opens.
  const reader = await connect(boardId, cookies);
  await expect.poll(() => readFieldDefs(reader.doc).map((f) => f.id)).toEqual(['budget']);
  for (const client of [writer, reader]) client.destroy();
  return boardId;
}

const stageOf = (key: string) => campaignExecution.stages.find((s) => s.key === key)!.name;

async function openSettings(page: Page, stage: string) {
  await column(page, stage).getByRole('button', { name: 'Stage settings' }).click();
  const settings = page.getByRole('dialog', { name: /Stage settings/ });
  await expect(settings).toBeVisible();
  return settings;
}

/** Opens the card's panel, types its budget in yuan, and returns the panel. */
async function withBudget(page: Page, title: string, yuan: string) {
  await page.locator('.card', { hasText: title }).getByRole('button', { name: 'Open card details' }).click();
  const panel = page.getByRole('dialog');
  const budget = panel.getByRole('textbox', { name: 'Budget', exact: true });
  await budget.fill(yuan);
  await budget.press('Enter');
  await expect(budget).toHaveValue(`${yuan}.00`);
  return panel;
}

test('an approver set in the form to sign only when the budget is above ¥500,000 is needed by a ¥600,000 card and not by a ¥100,000 one', async ({
  page,
  request
}) => {
  const review = stageOf('approval').en;
  const boardId = await campaignWithBudgetField(request, '条件审批');
  await openBoard(page, boardId);

  const settings = await openSettings(page, review);
  await settings.getByRole('tab', { name: 'Approval' }).click();
  await settings.getByRole('button', { name: 'Add approver' }).click();
  const gm = settings.getByRole('group', { name: 'Approver 2' });
  await gm.getByRole('textbox', { name: 'Approver title' }).fill('总经理');
  await gm.getByRole('combobox', { name: 'Level' }).selectOption('general-manager');
  await expect(gm.getByRole('combobox', { name: 'Applies' })).toHaveValue('');
  await gm.getByRole('combobox', { name: 'Applies' }).selectOption({ label: 'Budget' });
  await gm.getByRole('combobox', { name: 'Test' }).selectOption({ label: 'is above' });
  await gm.getByRole('textbox', { name: 'Value' }).fill('500000');
  await expect(gm).toContainText('yuan');
  await settings.getByRole('combobox', { name: 'Signing', exact: true }).selectOption('all');
  // The time limit too, for large budgets only.
  await settings.getByRole('tab', { name: 'Time limit' }).click();
  await settings.getByRole('combobox', { name: 'Time limit' }).selectOption('stage-days');
  await settings.getByLabel('Amount').fill('5');
  const timeIf = settings.getByRole('group', { name: 'When the time limit applies' });
  await timeIf.getByRole('combobox', { name: 'Applies' }).selectOption({ label: 'Budget' });
  await timeIf.getByRole('combobox', { name: 'Test' }).selectOption('gte');
  await timeIf.getByRole('textbox', { name: 'Value' }).fill('500000');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toHaveCount(0);
  // The column says whom the gate needs, and when, and for which cards the time limit counts.
  await expect(column(page, review).locator('.tag-time')).toHaveText(
    'At most 5 days in this stage (when Budget is at least CN¥500,000.00)'
  );
  await expect(column(page, review).locator('.tag-gate')).toHaveText(
    /Approval by Reviewing superior, 总经理 \(when Budget is above CN¥500,000\.00\)/
  );

  // The condition reads back as saved, in yuan.
  const again = await openSettings(page, review);
  await again.getByRole('tab', { name: 'Approval' }).click();
  const saved = again.getByRole('group', { name: 'Approver 2' });
  await expect(saved.getByRole('combobox', { name: 'Test' })).toHaveValue('gt');
  await expect(saved.getByRole('textbox', { name: 'Value' })).toHaveValue('500000.00');
  await expect(
    again.getByRole('group', { name: 'Approver 1' }).getByRole('combobox', { name: 'Applies' })
  ).toHaveValue('');
  await again.getByRole('button', { name: 'Cancel' }).click();

  await addCard(page, review, '大型发布会');
  await addCard(page, review, '门店小活动');

  const big = await withBudget(page, '大型发布会', '600000');
  await expect(big).toContainText('总经理: waiting');
  await expect(big).toContainText('Reviewing superior: waiting');
  await expect(big.getByRole('button', { name: 'Approve as 总经理' })).toBeVisible();
  await big.getByRole('button', { name: 'Close' }).click();

  const small = await withBudget(page, '门店小活动', '100000');
  await expect(small).toContainText('Reviewing superior: waiting');
  await expect(small).toContainText('(by Reviewing superior)');
  await expect(small).not.toContainText('总经理');
  await expect(small.getByRole('button', { name: 'Approve as 总经理' })).toHaveCount(0);
  // Raising the budget brings the 总经理 in, live.
  await small.getByRole('textbox', { name: 'Budget', exact: true }).fill('500000.01');
  await small.getByRole('textbox', { name: 'Budget', exact: true }).press('Enter');
  await expect(small).toContainText('总经理: waiting');
});

test('the tabs follow the arrow keys, Home and End, and Save opens the tab whose value is wrong', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Tabs');
  await openBoard(page, boardId);
  const settings = await openSettings(page, 'To do');
  const tabs = settings.getByRole('tab');
  await expect(tabs).toHaveText(['Basics', 'Checklist', 'Time limit', 'Approval', 'Requirements']);
  const selected = settings.getByRole('tab', { selected: true });
  await expect(selected).toHaveText('Basics');
  await expect(settings.getByRole('tabpanel')).toContainText('Owner role');

  await settings.getByRole('tab', { name: 'Basics' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(selected).toHaveText('Checklist');
  await expect(settings.getByRole('tab', { name: 'Checklist' })).toBeFocused();
  await expect(settings.getByRole('tabpanel')).toContainText('Checklist a card gets');
  await page.keyboard.press('End');
  await expect(selected).toHaveText('Requirements');
  await page.keyboard.press('ArrowRight');
  await expect(selected).toHaveText('Basics');
  await page.keyboard.press('ArrowLeft');
  await expect(selected).toHaveText('Requirements');
  await page.keyboard.press('Home');
  await expect(selected).toHaveText('Basics');
  // Only the chosen tab's panel is shown; Tab moves from the tab into it.
  await expect(settings.getByRole('tabpanel')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(settings.getByRole('tabpanel')).toBeFocused();

  // A time limit of 0 days, then Save from another tab: the time tab opens with the day count focused.
  await settings.getByRole('tab', { name: 'Time limit' }).click();
  await settings.getByRole('combobox', { name: 'Time limit' }).selectOption('stage-days');
  await settings.getByLabel('Amount').fill('0');
  await settings.getByRole('tab', { name: 'Checklist' }).click();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(selected).toHaveText('Time limit');
  await expect(settings.getByRole('alert')).toHaveText(
    'The time limit must be a whole number from 1 to 1000.'
  );
  await expect(settings.getByLabel('Amount')).toBeFocused();
  await settings.getByLabel('Amount').fill('3');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toHaveCount(0);
  await expect(column(page, 'To do')).toContainText('At most 3 days in this stage');
});

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const DEVICES = { desktop: { viewport: { width: 1440, height: 900 } }, phone: PHONE } as const;

async function openAs(browser: Browser, locale: Locale, device: keyof typeof DEVICES, baseURL: string) {
  const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...DEVICES[device] });
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  return context;
}

test('every tab fits the dialog on a phone and a laptop, in both languages, with no serious axe finding (pictures in test-results/screenshots)', async ({
  browser,
  request,
  baseURL
}) => {
  test.slow();
  const boardId = await campaignWithBudgetField(request, '推广方案');
  for (const locale of ['zh-CN', 'en'] as const) {
    const t = (key: MessageKey) => CATALOGUES[locale][key];
    for (const device of ['phone', 'desktop'] as const) {
      const context = await openAs(browser, locale, device, baseURL!);
      const page = await context.newPage();
      await openBoard(page, boardId);
      // 策划阶段: a long checklist, four approvers (one conditional in words only), a required budget and targets.
      await column(page, stageOf('planning')[locale])
        .getByRole('button', { name: t('stage.settings') })
        .click();
      const settings = page.getByRole('dialog', { name: new RegExp(t('stage.settings')) });
      for (const tab of ['basic', 'checklist', 'time', 'gate', 'requires'] as const) {
        await settings.getByRole('tab', { name: t(`stage.tab.${tab}`) }).click();
        await expect(settings.getByRole('tabpanel')).toBeVisible();
        // A condition in the picture: the time limit for large budgets, the 公司领导层 above ¥500,000.
        const condition = settings.getByRole('tabpanel').getByRole('group', {
          name:
            tab === 'time' ? t('stage.settings.timeIf') : t('stage.settings.approverN').replace('{n}', '3')
        });
        if (tab === 'time')
          await settings
            .getByRole('combobox', { name: t('stage.settings.timeRule') })
            .selectOption('start-by');
        if (tab === 'time' || tab === 'gate') {
          await condition
            .getByRole('combobox', { name: t('stage.settings.if'), exact: true })
            .selectOption('budget');
          await condition.getByRole('combobox', { name: t('stage.settings.if.op') }).selectOption('gt');
          await condition.getByRole('textbox', { name: t('stage.settings.if.value') }).fill('500000');
        }
        const sizes = await settings.evaluate((dialog) =>
          [dialog, ...dialog.querySelectorAll('form, [role="tabpanel"]:not([hidden])')].map((el) => ({
            scroll: el.scrollWidth,
            client: el.clientWidth
          }))
        );
        await page.screenshot({
          path: `test-results/screenshots/stage-settings.${tab}.${locale}.${device}.png`
        });
        for (const { scroll, client } of sizes)
          expect
            .soft(scroll, `${tab} (${locale}, ${device}) is wider than the dialog`)
            .toBeLessThanOrEqual(client);
        if (device === 'desktop') {
          // The dialog alone: the board behind it is inert while it is open.
          const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze();
          const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect
            .soft(
              serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`),
              `${tab} (${locale})`
            )
            .toEqual([]);
        }
      }
      await context.close();
    }
  }
});
