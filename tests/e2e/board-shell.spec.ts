import { expect, request as requests, test, type Browser, type Page } from '@playwright/test';
import { PHONE, addCard, createBoard, openBoard, openCard, titles, twoPeople } from './helpers';

/** A person signed up but not a member of any board, in a context of their own. */
async function outsider(browser: Browser, locale: string) {
  const email = `outsider.${Date.now()}@stageboard.test`;
  const baseURL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
  const api = await requests.newContext({ baseURL });
  const signup = await api.post('/api/auth/signup', {
    data: { email, name: 'Olga Outsider', password: 'outsider-password-1' }
  });
  expect(signup.status(), await signup.text()).toBe(201);
  const storageState = await api.storageState();
  await api.dispose();
  return { email, context: await browser.newContext({ storageState, locale }) };
}

/** True when the centre of the header button `name` hits the button itself, not something over it. */
function onTop(page: Page, name: string) {
  return page
    .getByRole('banner')
    .getByRole('button', { name, exact: true })
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit !== null && el.contains(hit);
    });
}

test.describe('on a phone', () => {
  test.use(PHONE);

  test('the board header is one row with a readable title, and every action is in its menu', async ({
    page,
    request
  }) => {
    const title = '双十一大促 · Singles’ Day campaign';
    const boardId = await createBoard(request, title);
    await openBoard(page, boardId);
    const header = page.getByRole('banner');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(title);

    const headerBox = (await header.boundingBox())!;
    expect(headerBox.height).toBeLessThan(64);
    // Wide enough for several characters (a CJK character is ~16 px here): not one and an ellipsis.
    expect((await heading.boundingBox())!.width).toBeGreaterThan(120);
    for (const control of [
      page.getByRole('link', { name: 'All boards' }),
      page.locator('[data-status]'),
      page.getByRole('link', { name: /^Inbox/ }),
      page.getByRole('button', { name: 'More actions' })
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(headerBox.y + headerBox.height);
    }

    const menu = page.getByRole('menu');
    const open = async () => {
      await page.getByRole('button', { name: 'More actions' }).click();
      await expect(menu).toBeVisible();
    };
    await open();
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Activity',
      'Members',
      'Roles',
      'Card fields',
      'Recurring',
      'Charts',
      'Expense claims',
      'Export Excel',
      'Export JSON (re-importable)',
      'Export CSV',
      'Filter',
      'Integrations',
      'Save as template'
    ]);
    await menu.getByRole('menuitem', { name: 'Filter' }).click();
    await expect(page.getByRole('search', { name: 'Filter' })).toBeVisible();

    await open();
    await menu.getByRole('menuitem', { name: 'Activity' }).click();
    await expect(page.getByRole('complementary', { name: 'Activity' })).toBeVisible();

    await open();
    await menu.getByRole('menuitem', { name: 'Members' }).click();
    const members = page.getByRole('dialog', { name: 'Board members' });
    await expect(members).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(members).toBeHidden();

    await open();
    await menu.getByRole('menuitem', { name: 'Save as template' }).click();
    await expect(page.getByRole('textbox', { name: 'Template name' })).toHaveValue(title);
    await page.getByRole('button', { name: 'Cancel' }).first().click();

    await open();
    await menu.getByRole('menuitemradio', { name: '中文' }).click();
    await expect(page.getByRole('button', { name: '更多操作' })).toBeVisible();
    await expect(page.getByRole('link', { name: '全部看板' })).toBeVisible();
  });
});

test('with a card open the header stays usable, and a click on the board closes the card', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Panel placement');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Poster draft');
  await openCard(page, 'Poster draft');
  const panel = page.getByRole('dialog');

  for (const name of ['Filter', 'Activity', 'Members']) expect(await onTop(page, name)).toBe(true);
  await page.getByRole('banner').getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByRole('search', { name: 'Filter' })).toBeVisible();
  await expect(panel).toBeVisible();

  // A press that travels is a drag or a scroll, not a click on the board.
  const board = page.locator('.board');
  const box = (await board.boundingBox())!;
  const empty = { x: box.x + 20, y: box.y + box.height - 20 };
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x + 60, empty.y - 40, { steps: 5 });
  await page.mouse.up();
  await expect(panel).toBeVisible();

  await page.mouse.click(empty.x, empty.y);
  await expect(panel).toBeHidden();
  await expect(page).not.toHaveURL(/card=/);

  // A click on another card opens that one rather than only closing; Esc closes.
  await addCard(page, 'To do', 'Banner copy');
  await openCard(page, 'Poster draft');
  await page.locator('.card', { hasText: 'Banner copy' }).click();
  await expect(panel.getByRole('textbox', { name: 'Card title' })).toHaveValue('Banner copy');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('a non-member is told so in their language, with the email to be invited by, and the page stops connecting', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Private plans');
  const { email, context } = await outsider(browser, 'zh-CN');
  const page = await context.newPage();
  let sockets = 0;
  page.on('websocket', (ws) => {
    if (ws.url().endsWith(`/sync/${boardId}`)) sockets++;
  });
  await page.goto(`/boards/${boardId}`);
  const problem = page.getByRole('alert');
  await expect(problem.getByRole('heading')).toHaveText('你还不是这个看板的成员');
  await expect(problem).toContainText(email);
  await expect(problem.getByRole('link', { name: '返回全部看板' })).toBeVisible();
  await expect(page.getByText('正在重新连接')).toHaveCount(0);

  // y-websocket retries a refused socket within its 5 s back-off cap; none may come.
  const attempts = sockets;
  await expect(page.waitForEvent('websocket', { timeout: 7000 })).rejects.toThrow(/Timeout/);
  expect(sockets).toBe(attempts);
  await context.close();
});

test('edits made offline are announced as synced once the connection is back', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Offline notice');
  const { a, b, contexts, close } = await twoPeople(browser, boardId, request);
  await addCard(a, 'To do', 'Venue booking');
  const toast = (page: Page) => page.locator('[data-sonner-toast]');

  await contexts[0]!.setOffline(true);
  await expect(a.locator('[data-status="offline"]')).toBeVisible();
  await addCard(a, 'To do', 'Written offline');
  await addCard(a, 'To do', 'Also offline');
  await contexts[0]!.setOffline(false);

  await expect(toast(a)).toContainText('Your offline changes were synced (2)', { timeout: 10_000 });
  await expect(titles(b, 'To do')).toHaveText(['Venue booking', 'Written offline', 'Also offline']);
  // Online edits are not "offline changes": nobody else was told anything.
  await expect(toast(b)).toHaveCount(0);
  await close();
});

test('the page title and heading carry the board’s name before the live connection syncs', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Spring launch');
  // A socket that never answers: the board's name must not wait for it.
  await page.routeWebSocket(/\/sync\//, () => {});
  await page.goto(`/boards/${boardId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spring launch');
  await expect(page).toHaveTitle('Spring launch · Stageboard');
  await expect(page.getByRole('status').filter({ hasText: 'Opening board…' })).toBeAttached();
});

test('the board name from the offline cache titles the page while the server is unreachable', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Cached name');
  const context = await browser.newContext();
  const page = await context.newPage();
  await openBoard(page, boardId);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cached name');
  await expect(page).toHaveTitle('Cached name · Stageboard');
  await context.close();
});

test('a board shows once its role is known, cards draggable from their first frame, and the offline worker installs after it', async ({
  browser,
  page,
  request
}) => {
  const boardId = await createBoard(request, 'First frame');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Ready to drag');

  const context = await browser.newContext();
  const fresh = await context.newPage();
  // The role comes late, as it did when the 2,000-card board's document beat it: the cards were
  // drawn read-only first and every one of them again when it came.
  await fresh.route(`**/api/boards/${boardId}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await fresh.addInitScript(() => {
    const seen = { undraggable: 0, firstCardAt: 0, registeredAt: 0 };
    Object.assign(window, { seen });
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      seen.registeredAt = performance.now();
      return register(...args);
    };
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          for (const card of [node, ...node.querySelectorAll('*')].filter((n) =>
            n.matches('.card[data-card-id]')
          )) {
            seen.firstCardAt ||= performance.now();
            if (card.getAttribute('draggable') !== 'true') seen.undraggable++;
          }
        }
    }).observe(document, { childList: true, subtree: true });
  });
  await fresh.goto(`/boards/${boardId}`);
  await expect(titles(fresh, 'To do')).toHaveText(['Ready to drag']);
  await fresh.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  type Seen = { undraggable: number; firstCardAt: number; registeredAt: number };
  const seen = await fresh.evaluate(() => (window as unknown as { seen: Seen }).seen);
  expect(seen.undraggable).toBe(0);
  expect(seen.firstCardAt).toBeGreaterThan(0);
  expect(seen.registeredAt).toBeGreaterThan(seen.firstCardAt);

  // pdf.js's worker is left to the first draft preview; the rest of the app is cached at install.
  const cached = await fresh.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached.some((path) => path.startsWith('/_app/immutable/nodes/'))).toBe(true);
  expect(cached.filter((path) => path.includes('pdf.worker'))).toEqual([]);
  await context.close();
});
