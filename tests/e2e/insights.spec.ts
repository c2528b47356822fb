import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { addCard, assignCard, moveCard, readStages, setCardDate, setStageRules } from '#lib/board';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { ADMIN_STATE, createBoard, member } from './helpers';
import { connect } from './showcase';

/**
 * The board charts and the manager's page in the browser, over a real server: a board whose
 * history is made here (cards created, moved, one sent back, one made in the last stage) shows
 * the figures worked out below in the charts' tables; the manager's page lists a card waiting for
 * the manager's sign-off and drops it, without a reload, when it is approved elsewhere. Both pages
 * are photographed at a laptop's and a phone's size in both languages.
 */
// With the other screens' pictures (screenshots.spec.ts), inside the checkout.
const SHOTS = 'test-results/screenshots';
type StorageState = string | Awaited<ReturnType<BrowserContext['storageState']>>;
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
} as const;

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Fixture {
  boardId: string;
  stages: { id: string; name: string; altName: string }[];
  gated: number;
  sentTo: number;
  waitingId: string;
}

async function fixtureBoard(browser: Browser, admin: Page['request'], title: string) {
  const boardId = await createBoard(admin, title, 'design-review');
  const manager = await member(browser, admin, boardId, 'manager', `Mia ${Date.now() % 10000}`);
  const owner = await connect(boardId, (await admin.storageState()).cookies);
  const doc: Y.Doc = owner.doc;
  const all = readStages(doc);
  // The drafts the stages ask for are another spec's business (requirements.spec.ts).
  for (const s of all) setStageRules(doc, s.id, { requires: null });
  const gated = all.findIndex((s) => s.gate !== null);
  const sentTo = all.findIndex((s) => s.id === all[gated]!.sendBackTo);
  const [first, second, last] = [all[0]!.id, all[1]!.id, all.at(-1)!.id];
  // History, in order: three cards planned; two move on; one goes to the gate and is sent back;
  // one waits at the gate; one is made straight into the last stage.
  const a = addCard(doc, { stageId: first, title: '主视觉 A' });
  const b = addCard(doc, { stageId: first, title: '海报 B' });
  const c = addCard(doc, { stageId: first, title: '长图 C' });
  // Dates and people for the manager's page (they change no stage figure): C is late and the
  // manager's, A is due tomorrow and the owner's.
  const managerId = (
    (await (await manager.context.request.get(`/api/boards/${boardId}`)).json()) as { user: { id: string } }
  ).user.id;
  const ownerId = ((await (await admin.get(`/api/boards/${boardId}`)).json()) as { user: { id: string } })
    .user.id;
  setCardDate(doc, c, isoDay(-2));
  assignCard(doc, c, managerId);
  setCardDate(doc, a, isoDay(1));
  assignCard(doc, a, ownerId);
  moveCard(doc, a, second, 0);
  moveCard(doc, b, second, 0);
  const g = addCard(doc, { stageId: all[gated]!.id, title: '终稿 G' });
  const waitingId = addCard(doc, { stageId: all[gated]!.id, title: '待批 H' });
  addCard(doc, { stageId: last, title: '已上线 D' });
  await expect.poll(async () => (await admin.get(`/api/boards/${boardId}/insights`)).ok()).toBe(true);
  // Wait for the server to hold every card before the send-back names one.
  await expect
    .poll(async () => {
      const res = await admin.get(`/api/boards/${boardId}/insights`);
      const body = (await res.json()) as { flow: { counts: Record<string, number[]> } };
      return Object.values(body.flow.counts).reduce((n, c) => n + (c.at(-1) ?? 0), 0);
    })
    .toBe(6);
  owner.destroy();
  const sent = await manager.context.request.post(`/api/boards/${boardId}/cards/${g}/send-back`, {
    data: { note: '字太小' }
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const fixture: Fixture = {
    boardId,
    stages: all.map(({ id, name, altName }) => ({ id, name, altName })),
    gated,
    sentTo,
    waitingId
  };
  return { fixture, manager };
}

async function openAs(
  browser: Browser,
  state: StorageState,
  locale: Locale,
  device: keyof typeof DEVICES,
  baseURL: string
) {
  const context = await browser.newContext({ storageState: state, locale, ...DEVICES[device] });
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  return context;
}

/** The rows of one chart's table, as text cells (the row header first). */
async function tableRows(page: Page, chart: string, index = 0) {
  const figure = page.locator(`[data-chart="${chart}"]`);
  await figure.locator('summary').click();
  return figure
    .locator('table')
    .nth(index)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
}

test('the charts show the figures of a board with known history, and the manager’s page follows approvals live', async ({
  browser,
  request,
  baseURL
}) => {
  const { fixture, manager } = await fixtureBoard(browser, request, '图表看板');
  const { boardId, stages, gated, sentTo } = fixture;

  // Charts, read as the board's owner.
  const owner = await openAs(browser, ADMIN_STATE, 'en', 'desktop', baseURL!);
  const page = await owner.newPage();
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('button', { name: 'Charts' }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/insights$`));
  await expect(page.getByRole('heading', { name: 'Cumulative flow' })).toBeVisible();

  // Cumulative flow, today's row: C in the first stage; A and B in the second; H and G's stay at
  // the gate ended by the send-back, so H alone there; G in the stage it was sent back to; D last.
  const expected = new Map<number, number>([
    [0, 1],
    [1, 2],
    [gated, 1],
    [stages.length - 1, 1]
  ]);
  expected.set(sentTo, (expected.get(sentTo) ?? 0) + 1);
  const flow = await tableRows(page, 'flow');
  const today = flow.at(-1)!;
  expect(today.slice(1)).toEqual(stages.map((_, i) => String(expected.get(i) ?? 0)));

  // Time per stage: A and B left the first stage (two stays, minutes long); G left the gate.
  const times = await tableRows(page, 'times');
  expect(times[0]!.slice(2)).toEqual(['0.0', '2']);
  expect(times[gated]!.slice(3)).toEqual(['1']);
  expect(times[stages.length - 1]!.slice(1)).toEqual(['—', '—', '0']);

  // Revision rounds: one send-back, from the gate, of G.
  const perStage = await tableRows(page, 'revisions');
  expect(perStage.map((r) => r[1])).toEqual(stages.map((_, i) => (i === gated ? '1' : '0')));
  const perCard = await page
    .locator('[data-table="revision-cards"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
  expect(perCard).toEqual([['终稿 G', '1']]);

  // Throughput: D reached the last stage this week.
  expect((await tableRows(page, 'throughput')).map((r) => r[1])).toEqual(['1']);
  await owner.close();

  // The manager's page, from the board list: the card at the gate waits for this manager.
  const managerState = await manager.context.storageState();
  const watching = await openAs(browser, managerState, 'en', 'desktop', baseURL!);
  const board = await watching.newPage();
  await board.goto('/');
  await board.getByRole('link', { name: 'Manager view' }).click();
  await expect(board).toHaveURL(/\/manage$/);
  const awaiting = board.locator('[data-section="awaiting"]');
  await expect(awaiting.locator(`[data-card-id="${fixture.waitingId}"]`)).toContainText('待批 H');
  // C is past its date; work by person counts C (the manager's) and A (the owner's).
  await expect(board.locator('[data-section="late"] li[data-status="overdue"]')).toContainText('长图 C');
  await expect(board.locator('[data-section="work"] tbody tr')).toHaveCount(2);
  await expect(board.locator('.live')).toBeVisible();

  // Approved in another context (the manager's own API session); the list drops it unreloaded.
  const approved = await manager.context.request.post(
    `/api/boards/${boardId}/cards/${fixture.waitingId}/approve`,
    {
      data: {}
    }
  );
  expect(approved.status(), await approved.text()).toBe(200);
  await expect(awaiting.locator(`[data-card-id="${fixture.waitingId}"]`)).toHaveCount(0);
  await expect(awaiting).toContainText('Nothing is waiting for your approval.');
  await watching.close();
  await manager.context.close();
});

test('screenshots of the charts and the manager’s page', async ({ browser, request, baseURL }) => {
  const { fixture, manager } = await fixtureBoard(browser, request, '双十一图表');
  const state = await manager.context.storageState();
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const device of ['desktop', 'phone'] as const) {
      const context = await openAs(browser, state, locale, device, baseURL!);
      const page = await context.newPage();
      await page.goto(`/boards/${fixture.boardId}/insights`);
      await expect(page.locator('[data-chart] svg').first()).toBeVisible();
      await expect(page.locator('[data-chart="throughput"] svg')).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, 'charts page scrolls sideways').toBeLessThanOrEqual(page.viewportSize()!.width);
      await page.screenshot({ path: `${SHOTS}/insights.${locale}.${device}.png`, fullPage: true });
      await page.goto('/manage');
      await expect(page.locator('[data-section="awaiting"] li').first()).toBeVisible();
      const w2 = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(w2, 'manager page scrolls sideways').toBeLessThanOrEqual(page.viewportSize()!.width);
      await page.screenshot({ path: `${SHOTS}/manage.${locale}.${device}.png`, fullPage: true });
      await context.close();
    }
  }
  await manager.context.close();
});
