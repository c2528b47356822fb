/**
 * The board's 集成 dialog in the browser: a manager adds a webhook pointing at a receiver in this
 * test process, copies the secret shown once, sends a test event, and sees it in the delivery
 * log; the receiver checks the signature with that secret. An editor is not offered the dialog.
 * Also writes the dialog's screenshots (1440×900 and 390×844, zh-CN and en) under
 * test-results/shots-outbound/.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { ADMIN_STATE, createBoard, member, openBoard, PHONE } from './helpers';

interface Hit {
  signature: string;
  body: string;
  event: string;
}

async function receiver(): Promise<{ url: string; hits: Hit[]; close: () => Promise<void> }> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({
        signature: String(req.headers['x-stageboard-signature'] ?? ''),
        event: String(req.headers['x-stageboard-event'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8')
      });
      // A path under /fail stands for a receiver that is down.
      const down = req.url?.startsWith('/fail') ?? false;
      res
        .writeHead(down ? 500 : 200, { 'content-type': 'application/json' })
        .end(down ? '{"error":"down"}' : '{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stageboard`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

const signedWith = (hit: Hit, secret: string) => {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(hit.signature) ?? [];
  return Boolean(t) && createHmac('sha256', secret).update(`${t}.${hit.body}`).digest('hex') === v1;
};

test('a manager adds a webhook, sends a test event and sees it delivered in the log; an editor is not offered it', async ({
  page,
  browser,
  request
}) => {
  const hook = await receiver();
  try {
    const boardId = await createBoard(request, 'Webhook board');
    await openBoard(page, boardId);
    await page.getByRole('button', { name: 'Integrations', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Integrations' });
    await expect(dialog.getByText('No integrations yet')).toBeVisible();

    await dialog.getByRole('button', { name: 'Add integration' }).click();
    await dialog.getByRole('textbox', { name: 'Webhook URL' }).fill(hook.url);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    const secret = await dialog.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Signing secret' })).toHaveCount(0);

    const item = dialog.locator('li[data-integration]');
    await expect(item.getByText('Webhook', { exact: true })).toBeVisible();
    await item.getByRole('button', { name: 'Send test' }).click();
    await expect.poll(() => hook.hits.length).toBe(1);
    expect(hook.hits[0]!.event).toBe('ping');
    expect(signedWith(hook.hits[0]!, secret)).toBe(true);

    const log = item.getByRole('region', { name: 'Delivery log' });
    await expect(async () => {
      await log.getByRole('button', { name: 'Refresh' }).click();
      await expect(log.locator('li').first()).toContainText('200', { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(log.locator('li').first()).toContainText('Test');
    await expect(log.locator('li').first()).toContainText('Delivered');
    await expect(log.locator('li').first()).toContainText('Attempt 1');

    // Resend: the same event again, logged as a second attempt of the same delivery.
    await log.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(() => hook.hits.length).toBe(2);
    expect(JSON.parse(hook.hits[1]!.body).id).toBe(JSON.parse(hook.hits[0]!.body).id);

    const editor = await member(browser, request, boardId, 'editor');
    const editorPage = await editor.context.newPage();
    await openBoard(editorPage, boardId);
    await expect(editorPage.getByRole('button', { name: 'Activity' })).toBeVisible();
    await expect(editorPage.getByRole('button', { name: 'Integrations', exact: true })).toHaveCount(0);
    await editor.context.close();
  } finally {
    await hook.close();
  }
});

const SIZES = { desktop: { viewport: { width: 1440, height: 900 } }, phone: PHONE } as const;

async function openDialog(
  browser: Browser,
  baseURL: string,
  boardId: string,
  locale: Locale,
  size: keyof typeof SIZES
): Promise<Page> {
  const context = await browser.newContext({ storageState: ADMIN_STATE, locale, ...SIZES[size] });
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  const page = await context.newPage();
  await openBoard(page, boardId);
  const name = locale === 'en' ? 'Integrations' : '集成';
  if (size === 'phone') {
    await page.locator('.board-menu-trigger').click();
    await page.getByRole('menuitem', { name }).click();
  } else {
    await page.getByRole('button', { name, exact: true }).click();
  }
  await expect(page.getByRole('dialog', { name })).toBeVisible();
  return page;
}

test('screenshots of the integrations dialog: empty, the add form, and a list with its delivery log', async ({
  browser,
  request,
  baseURL
}) => {
  // Twelve screenshots in eight browser contexts, and a hook that takes some 10 s to give up.
  test.setTimeout(180_000);
  const hook = await receiver();
  try {
    const empty = await createBoard(request, '空看板');
    const full = await createBoard(request, '春季上新 · 集成');
    const add = (body: object) => request.post(`/api/boards/${full}/integrations`, { data: body });
    const webhook = await add({
      kind: 'webhook',
      url: hook.url,
      events: ['card.created', 'card.moved', 'card.sent_back'],
      locale: 'zh-CN'
    });
    expect(webhook.status()).toBe(201);
    const { integration } = (await webhook.json()) as { integration: { id: string } };
    await request.post(`/api/boards/${full}/integrations/${integration.id}/test`);
    const robot = await add({
      kind: 'feishu',
      url: `${hook.url.replace('/stageboard', '')}/open-apis/bot/v2/hook/0f4e2c1a-9b7d-4c55-8a1e-2d6f3b9c7e10`,
      events: ['card.awaiting_approval', 'card.sent_back', 'card.overdue', 'digest.weekly'],
      locale: 'zh-CN',
      secret: 'abc'
    });
    expect(robot.status()).toBe(201);
    await expect.poll(() => hook.hits.length).toBeGreaterThanOrEqual(1);
    // A hook whose receiver is down: the e2e server gives up after three attempts and turns it off.
    const failing = await add({
      kind: 'webhook',
      url: hook.url.replace('/stageboard', '/fail/hook'),
      events: ['card.created'],
      locale: 'zh-CN'
    });
    const off = ((await failing.json()) as { integration: { id: string } }).integration.id;
    await request.post(`/api/boards/${full}/integrations/${off}/test`);
    // Retries wait for the worker's 5 s look at the outbox: three attempts take some 10 s.
    await expect
      .poll(
        async () => {
          const list = (await (await request.get(`/api/boards/${full}/integrations`)).json()) as {
            integrations: { id: string; disabledReason: string | null }[];
          };
          return list.integrations.find((i) => i.id === off)?.disabledReason;
        },
        { timeout: 30_000 }
      )
      .toBe('failures');

    for (const locale of ['zh-CN', 'en'] as const) {
      for (const size of ['desktop', 'phone'] as const) {
        const shot = (what: string) => `test-results/shots-outbound/${what}-${size}-${locale}.png`;
        const p1 = await openDialog(browser, baseURL!, empty, locale, size);
        await p1.screenshot({ path: shot('empty') });
        await p1.getByRole('button', { name: locale === 'en' ? 'Add integration' : '添加集成' }).click();
        await p1
          .getByRole('dialog')
          .getByRole('combobox', { name: locale === 'en' ? 'Type' : '类型' })
          .selectOption('dingtalk');
        await p1.screenshot({ path: shot('form') });
        await p1.context().close();
        const p2 = await openDialog(browser, baseURL!, full, locale, size);
        await p2
          .getByRole('button', { name: locale === 'en' ? 'Delivery log' : '推送记录' })
          .first()
          .click();
        await expect(p2.locator('[data-attempt]').first()).toBeVisible();
        await expect(p2.getByRole('alert').first()).toBeVisible();
        await p2.screenshot({ path: shot('list') });
        await p2.getByRole('dialog').locator('li[data-integration]').last().scrollIntoViewIfNeeded();
        await p2.screenshot({ path: shot('turned-off') });
        // The owner's inbox says so, and its link opens the board.
        await p2.goto('/inbox');
        const entry = p2.locator('li[data-kind="integration-off"]').first();
        await expect(entry).toBeVisible();
        await expect(entry.getByRole('link')).toHaveAttribute('href', `/boards/${full}`);
        await p2.screenshot({ path: shot('inbox') });
        await p2.context().close();
      }
    }
  } finally {
    await hook.close();
  }
});
