import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { designReview } from '#lib/templates/builtin/design-review';
import { PHONE, addCard, column, createBoard, openBoard, titles } from './helpers';

test.use(PHONE);

const zh = (key: string) => designReview.stages.find((s) => s.key === key)!.name['zh-CN'];
const FIRST = zh('briefing');
const DISTANT = zh('first-draft');

/** A finger that can be held still: trusted touch events through the DevTools protocol. */
async function finger(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  return (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
}

test('on a phone, a card held at the screen’s edge scrolls the board to a distant column and drops there', async ({
  page,
  request,
  browser
}) => {
  const boardId = await createBoard(request, 'Auto-scroll', 'design-review');
  await openBoard(page, boardId);
  await addCard(page, FIRST, 'Poster');
  const target = column(page, DISTANT);
  const width = PHONE.viewport.width;
  // Two columns away: off the screen to the right.
  expect((await target.boundingBox())!.x).toBeGreaterThan(width);

  const touch = await finger(page);
  const box = (await page.locator('.card', { hasText: 'Poster' }).boundingBox())!;
  const y = box.y + box.height / 2;
  await touch('touchStart', box.x + 40, y);
  await page.waitForTimeout(600);
  // Slide to the right edge, then hold the finger still there.
  for (let x = box.x + 40; x <= width - 8; x += 24) await touch('touchMove', Math.min(x, width - 8), y);
  await touch('touchMove', width - 8, y);
  await expect.poll(async () => (await target.boundingBox())!.x, { timeout: 15_000 }).toBeLessThan(width);
  // Then steer as a person does: auto-scroll speeds up the longer the finger rests at the edge,
  // so the column may race past; hold at whichever edge it lies beyond until it is on screen,
  // then rest over it, away from both edges, until the board stops moving.
  let settledAt = Number.NaN;
  await expect
    .poll(
      async () => {
        const box = (await target.boundingBox())!;
        const centre = box.x + box.width / 2;
        if (centre > width - 100) await touch('touchMove', width - 8, y);
        else if (centre < 100) await touch('touchMove', 8, y);
        else {
          await touch('touchMove', centre, y);
          const still = box.x === settledAt;
          settledAt = box.x;
          return still;
        }
        settledAt = Number.NaN;
        return false;
      },
      { timeout: 15_000, intervals: [150] }
    )
    .toBe(true);
  await touch('touchEnd');

  await expect(titles(page, DISTANT)).toHaveText(['Poster']);
  await expect(titles(page, FIRST)).toHaveCount(0);
  // The server has it: a fresh context sees the card there.
  const other = await browser.newContext({ storageState: 'test-results/e2e-admin.json' });
  const o = await other.newPage();
  await openBoard(o, boardId);
  await expect(titles(o, DISTANT)).toHaveText(['Poster']);
  await other.close();
});
