import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

const CARDS = 2000;
const STAGES = 8;

// Wide enough that the first and last of eight columns are both on screen: Playwright scrolls the
// target into view between mouse-down and the first move, which no person's drag does.
test.use({ viewport: { width: 2560, height: 1000 } });

test(`a board of ${CARDS} cards across ${STAGES} stages opens, and a card dragged across it lands`, async ({
  page
}, testInfo) => {
  test.setTimeout(120_000);
  // The fixture writes straight into the running server's database (SQLite WAL allows it).
  const out = execFileSync(
    'npx',
    [
      'tsx',
      'scripts/big-board.ts',
      '--cards',
      String(CARDS),
      '--stages',
      String(STAGES),
      '--title',
      'Big board'
    ],
    { env: { ...process.env, DATA_DIR: 'test-results/e2e-data' }, encoding: 'utf8' }
  );
  const boardId = /\/boards\/([A-Za-z0-9_-]+)/.exec(out)?.[1];
  expect(boardId, out).toBeTruthy();

  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('.card')).toHaveCount(CARDS, { timeout: 60_000 });
  const openMs = await page.evaluate(() => performance.now());

  const columns = page.locator('section.column');
  await expect(columns).toHaveCount(STAGES);
  const first = columns.nth(0).locator('.card').first();
  const title = (await first.locator('.title').textContent())!.trim();
  const target = columns
    .nth(STAGES - 1)
    .locator('.card')
    .first();
  const before = await page.evaluate(() => performance.now());
  await first.dragTo(target, { targetPosition: { x: 20, y: 4 } });
  await expect(
    columns
      .nth(STAGES - 1)
      .locator('.card .title')
      .first()
  ).toHaveText(title);
  await expect(columns.nth(0).locator('.card')).toHaveCount(CARDS / STAGES - 1);
  const dragMs = (await page.evaluate(() => performance.now())) - before;

  // Reported, not asserted: timings on a shared two-core machine belong in benchmarks.
  const note = `open ${Math.round(openMs)} ms from navigation to ${CARDS} cards rendered; drag and drop round trip ${Math.round(dragMs)} ms`;
  testInfo.annotations.push({ type: 'timing', description: note });
  console.log(`[big-board] ${note}`);
});
