import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { addCard, createBoard, openBoard, titles } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A finger: trusted touch events through the DevTools protocol, as a phone's touchscreen sends them. */
async function finger(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y }]
    });
  return {
    async drag(from: { x: number; y: number }, to: { x: number; y: number }, holdMs: number) {
      await touch('touchStart', from.x, from.y);
      await page.waitForTimeout(holdMs);
      const steps = 12;
      for (let i = 1; i <= steps; i++) {
        await touch(
          'touchMove',
          from.x + ((to.x - from.x) * i) / steps,
          from.y + ((to.y - from.y) * i) / steps
        );
        await page.waitForTimeout(16);
      }
      await touch('touchEnd', to.x, to.y);
    }
  };
}

async function centre(page: Page, title: string, dy = 0) {
  const box = (await page.locator('.card', { hasText: title }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 + dy };
}

test('on a phone, a long press lifts a card and moving the finger reorders it', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Touch');
  await openBoard(page, boardId);
  for (const title of ['Alpha', 'Beta', 'Gamma']) await addCard(page, 'To do', title);
  const from = await centre(page, 'Gamma');
  const to = await centre(page, 'Alpha', -20);
  await (await finger(page)).drag(from, to, 600);
  await expect(titles(page, 'To do')).toHaveText(['Gamma', 'Alpha', 'Beta']);
  await page.reload();
  await expect(titles(page, 'To do')).toHaveText(['Gamma', 'Alpha', 'Beta']);
});

test('on a phone, a quick swipe over a card does not move it', async ({ page, request }) => {
  const boardId = await createBoard(request, 'Touch swipe');
  await openBoard(page, boardId);
  for (const title of ['One', 'Two', 'Three']) await addCard(page, 'To do', title);
  const from = await centre(page, 'Three');
  const to = await centre(page, 'One', -20);
  await (await finger(page)).drag(from, to, 0);
  await page.waitForTimeout(300);
  await expect(titles(page, 'To do')).toHaveText(['One', 'Two', 'Three']);
});
