import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { designReview } from '../../src/lib/templates/builtin/design-review';
import { addCard, createBoard, member, openBoard, openCard } from './helpers';

const zh = (key: string) => designReview.stages.find((s) => s.key === key)!.name['zh-CN'];

async function moveRight(page: Page, title: string): Promise<void> {
  await page.locator('.card', { hasText: title }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
}

async function shoot(context: BrowserContext, url: string, name: string, open?: (p: Page) => Promise<void>) {
  for (const lang of ['zh-CN', 'en']) {
    await context.addCookies([{ name: 'stageboard-lang', value: lang, url: 'http://localhost:4203' }]);
    for (const [w, h] of [[1440, 900], [390, 844]] as const) {
      const p = await context.newPage();
      await p.setViewportSize({ width: w, height: h });
      await p.goto(url);
      await p.locator('html[data-hydrated]').waitFor();
      if (open) await open(p);
      await p.waitForTimeout(600);
      await p.screenshot({ path: `test-results/shots-notify/${name}-${lang}-${w}.png` });
      await p.close();
    }
  }
}

test('shots', async ({ browser, page, request }) => {
  test.setTimeout(240_000);
  const boardId = await createBoard(request, '春节海报审稿', 'design-review');
  const manager = await member(browser, request, boardId, 'manager', '王经理');
  const editor = await member(browser, request, boardId, 'editor', '李编辑');
  const e = await editor.context.newPage();
  await openBoard(e, boardId);
  for (const title of ['春节海报 终稿', '门店易拉宝']) {
    await addCard(e, zh('check'), title);
    await openCard(e, title);
    await e.getByRole('dialog').getByRole('button', { name: 'Assign me' }).click();
    await e.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await moveRight(e, title);
  }
  const m = await manager.context.newPage();
  await openBoard(m, boardId);
  await openCard(m, '春节海报 终稿');
  await m.getByRole('dialog').getByLabel('Note (optional)').fill('字号再大一点，二维码放右下角');
  await m.getByRole('dialog').getByRole('button', { name: /Send back to/ }).click();
  await m.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await openCard(m, '门店易拉宝');
  await m.getByRole('dialog').getByLabel('Note (optional)').fill('可以下单');
  await m.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(m.getByRole('dialog')).toContainText('Approved by');
  await openBoard(page, boardId);
  await shoot(editor.context, '/inbox', 'inbox-editor');
  await shoot(manager.context, '/inbox', 'inbox-manager');
  await shoot(manager.context, `/boards/${boardId}`, 'activity', async (p) => {
    await expect(p.locator('[data-status="connected"]')).toBeVisible();
    const btn = p.getByRole('button', { name: /^(Activity|动态)$/ });
    if (await btn.isVisible()) await btn.click();
    else {
      await p.getByRole('button', { name: /menu|菜单/i }).first().click();
      await p.getByRole('menuitem', { name: /^(Activity|动态)$/ }).click();
    }
  });
});
