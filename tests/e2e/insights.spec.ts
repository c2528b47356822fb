import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import {
  addCard,
  assignCard,
  decideExpense,
  moveCard,
  readStages,
  recordExpense,
  setActual,
  setBudgetLine,
  setCardDate,
  setStageRules,
  setTarget
} from '#lib/board';
import { LOCALE_COOKIE, type Locale } from '#lib/i18n/locale';
import { ADMIN_STATE, createBoard, member } from './helpers';
import { connect } from './showcase';

/**
 * The board charts and the manager's page in the browser, over a real server: a board whose
 * history is made here (cards created, moved, one sent back, one made in the last stage) shows
 * the figures worked out below in the charts' tables; the manager's page lists a card waiting for
 * the manager's sign-off and drops it, without a reload, when it is approved elsewhere, shows the
 * budget burn and attainment worked out below and follows a new expense live; its weekly digest
 * tells who moved what. The pages are photographed at a laptop's and a phone's size in both
 * languages.
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
  /** A (second stage) has a budget; D (last stage) has met 75 % of its one target. */
  budgeted: { cardId: string; line: string };
  finishedId: string;
  ownerId: string;
  managerName: string;
}

async function fixtureBoard(browser: Browser, admin: Page['request'], title: string) {
  const boardId = await createBoard(admin, title, 'design-review');
  const managerName = `Mia ${Date.now() % 10000}`;
  const manager = await member(browser, admin, boardId, 'manager', managerName);
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
  const d = addCard(doc, { stageId: last, title: '已上线 D' });
  // Money and targets (no stage figure depends on them): A has ¥1,000.00 to spend, ¥300.00 spent
  // today and ¥100.00 in 2020; D aimed at 200 leads and reached 150 (75 %).
  const line = setBudgetLine(doc, a, null, { name: '物料成本', amount: 100_000 });
  const owns = { userId: ownerId, role: 'owner' as const };
  recordExpense(doc, a, { line, amount: 30_000, date: isoDay(0) }, owns);
  recordExpense(doc, a, { line, amount: 10_000, date: '2020-01-01' }, owns);
  const leads = setTarget(doc, d, null, { name: '线索数', kind: 'count', unit: '条', target: 200 });
  setActual(doc, d, leads, 150);
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
    waitingId,
    budgeted: { cardId: a, line },
    finishedId: d,
    ownerId,
    managerName
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

test('the charts show the figures of a board with known history, and the manager’s page follows approvals and spending live', async ({
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

  // Budget burn, all time: A spent ¥400.00 (¥300.00 today, ¥100.00 in 2020) of ¥1,000.00: 40 %.
  const money = board.locator('[data-section="money"]');
  const boardRow = money.locator(`[data-burn="boards"] tr[data-row="${boardId}/CNY"]`);
  await expect(boardRow).toContainText('1,000.00');
  await expect(boardRow).toContainText('400.00');
  await expect(boardRow).toContainText('40%');
  await expect(money.locator('[data-burn="cards"] tbody tr')).toContainText('主视觉 A');
  // Attainment: D, finished today, reached 150 of 200 leads.
  const finished = board.locator(`[data-section="attainment"] li[data-card-id="${fixture.finishedId}"]`);
  await expect(finished.locator('[data-mean]')).toContainText('75%');
  await expect(finished.locator('tr[data-target="线索数"]')).toContainText('150 条');

  // An overrun recorded on the board (¥800.00 past the ¥600.00 left) shows, unreloaded, waiting.
  const owner2 = await connect(boardId, (await request.storageState()).cookies);
  recordExpense(
    owner2.doc,
    fixture.budgeted.cardId,
    { line: fixture.budgeted.line, amount: 80_000, date: isoDay(0) },
    { userId: fixture.ownerId, role: 'owner' }
  );
  await expect(boardRow).toHaveAttribute('data-flag', 'pending');
  await expect(boardRow).toContainText('800.00');
  owner2.destroy();

  // This week leaves out 2020's ¥100.00, and the filter is in the URL for a bookmark.
  await board.getByLabel('Period').selectOption('week');
  await expect(board).toHaveURL(/\/manage\?period=week$/);
  await expect(boardRow).toContainText('300.00');
  await expect(boardRow).toContainText('30%');
  await board.reload();
  await expect(board.getByLabel('Period')).toHaveValue('week');
  await expect(boardRow).toContainText('30%');

  // The weekly digest: G was sent back by the manager this week; ¥300.00 spent, ¥800.00 waits.
  await board.getByRole('link', { name: 'Weekly digest' }).click();
  await expect(board).toHaveURL(/\/manage\/digest$/);
  const week = board.locator(`[data-section="board-${boardId}"]`);
  const sentBack = week.locator('[data-part="moved"] li[data-status="sent-back"]');
  await expect(sentBack).toContainText('终稿 G');
  await expect(sentBack).toContainText(`by ${fixture.managerName}`);
  await expect(week.locator('[data-part="money"] [data-spent]')).toHaveAttribute('data-spent', '30000');
  await expect(week.locator('[data-part="money"]')).toContainText('Pending overruns');
  await watching.close();
  await manager.context.close();
});

test('screenshots of the charts and the manager’s page', async ({ browser, request, baseURL }) => {
  const { fixture, manager } = await fixtureBoard(browser, request, '双十一图表');
  // Rows that stand out in the pictures: A with an overrun waiting, H over budget by an approved one.
  const owner = await connect(fixture.boardId, (await request.storageState()).cookies);
  const owns = { userId: fixture.ownerId, role: 'owner' as const };
  const { cardId, line } = fixture.budgeted;
  recordExpense(owner.doc, cardId, { line, amount: 80_000, date: isoDay(0) }, owns);
  const venue = setBudgetLine(owner.doc, fixture.waitingId, null, { name: '场地费用', amount: 10_000 });
  const over = recordExpense(
    owner.doc,
    fixture.waitingId,
    { line: venue, amount: 15_000, date: isoDay(0) },
    owns
  );
  decideExpense(owner.doc, fixture.waitingId, over.id, true, owns);
  owner.destroy();
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
      await expect(page.locator('[data-section="money"] tr[data-flag="over"]').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/manage-overview.${locale}.${device}.png`, fullPage: true });
      await page.goto('/manage/digest');
      await expect(page.locator(`[data-section="board-${fixture.boardId}"]`)).toBeVisible();
      const w3 = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(w3, 'digest scrolls sideways').toBeLessThanOrEqual(page.viewportSize()!.width);
      await page.screenshot({ path: `${SHOTS}/manage-digest.${locale}.${device}.png`, fullPage: true });
      await context.close();
    }
  }
  await manager.context.close();
});
