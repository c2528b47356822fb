/**
 * A recurring plan's card appears on its day, with the clock moved rather than waited for. The
 * shared browser-test server keeps real time, so this spec starts a server of its own (the same
 * build, its own database and port) with NODE_ENV=test and STAGEBOARD_TEST_NOW (server/testClock.ts),
 * and restarts it a day later on the same database: the day arriving is the only change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { PROCESS_ENV } from '#server/processEnv';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 100;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = `test-results/e2e-recurring-${PORT}`;

/** Starts the built server with its clock at `now` (the server's local time) and waits for it. */
async function startServer(now: string): Promise<ChildProcess> {
  const child = spawn('node', ['build-server/index.js'], {
    env: {
      ...process.env,
      ...PROCESS_ENV,
      PORT: String(PORT),
      DATA_DIR,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      STAGEBOARD_TEST_NOW: now
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  await expect
    .poll(async () => (await fetch(`${BASE}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
    .toBe(200);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const firstColumn = (page: Page) => page.locator('section.column').first();

test.describe('recurring plans', () => {
  let server: ChildProcess | null = null;
  let context: BrowserContext;

  test.beforeAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));
  test.afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server);
    rmSync(DATA_DIR, { recursive: true, force: true });
  });

  test('the monthly sales plan appears on the 26th; a rule added for today makes its card at once', async ({
    browser
  }) => {
    test.setTimeout(120_000);
    // Monday 2027-01-25: the plan is due tomorrow, a Tuesday.
    server = await startServer('2027-01-25T10:00:00');
    context = await browser.newContext({ baseURL: BASE });
    const signup = await context.request.post('/api/auth/signup', {
      data: { email: 'sales@stageboard.test', name: 'Sales Lead', password: 'sales-password-1' }
    });
    expect(signup.status(), await signup.text()).toBe(201);
    const created = await context.request.post('/api/boards', {
      data: { title: '销售计划', templateId: 'monthly-sales-plan' }
    });
    expect(created.status()).toBe(201);
    const { board } = (await created.json()) as { board: { id: string } };

    const page = await context.newPage();
    await page.goto(`/boards/${board.id}`);
    await expect(page.locator('[data-status="connected"]')).toBeVisible();
    await page.getByRole('button', { name: 'Recurring' }).click();
    const dialog = page.getByRole('dialog');
    const plan = dialog.getByRole('listitem').filter({ hasText: '月度销售计划' });
    await expect(plan).toContainText(/Next: .*26/);
    await expect(plan).toContainText('Monthly on day 26');
    await expect(dialog.getByLabel('Working calendar')).toHaveValue('cn-mainland');
    await page.keyboard.press('Escape');
    await expect(firstColumn(page).locator('.card')).toHaveCount(0);

    // The next day: the same database, the clock a day on. The open page reconnects by itself.
    await stopServer(server);
    server = await startServer('2027-01-26T10:00:00');
    const card = firstColumn(page).locator('.card', { hasText: '月度销售计划 2027-01' });
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(firstColumn(page).locator('.card')).toHaveCount(1);
    // With the stage's checklist (制订月度销售计划's three items).
    await card.getByRole('button', { name: 'Open card details' }).click();
    await expect(page.getByRole('dialog')).toContainText('填写销售计划表');
    await page.keyboard.press('Escape');

    // A paused plan says so; a weekly plan added for today (a Tuesday) makes its card at once.
    await page.getByRole('button', { name: 'Recurring' }).click();
    await plan.getByRole('button', { name: 'Pause' }).click();
    await expect(plan).toContainText('Paused');
    await dialog.getByRole('button', { name: 'New recurring plan' }).click();
    await dialog.getByLabel('Title').fill('周例会');
    await dialog.getByLabel('Repeats').selectOption('weekly');
    await dialog.getByLabel('Weekday').selectOption('2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('listitem').filter({ hasText: '周例会' })).toContainText('Every Tuesday');
    await page.keyboard.press('Escape');
    await expect(firstColumn(page).locator('.card', { hasText: '周例会 2027-01-26' })).toBeVisible({
      timeout: 10_000
    });
    // Passes keep running every second: still one card per plan and period.
    await page.waitForTimeout(2_500);
    await expect(firstColumn(page).locator('.card')).toHaveCount(2);
  });
});
