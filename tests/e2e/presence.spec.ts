import { expect, test, type BrowserContext } from '@playwright/test';
import { ADMIN_STATE, createBoard, member, openBoard } from './helpers';

const others = '.presence .avatar:not(.self)';

test('a person with two tabs is one avatar to the others, and two people never share a colour', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Presence');
  const colorOf = async (context: BrowserContext) => {
    const res = await context.request.get(`/api/boards/${boardId}`);
    return ((await res.json()) as { user: { color: string } }).user.color;
  };
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const adminColor = await colorOf(admin);
  // Account colours are a hash of the id into eight: sign people up until one shares the
  // administrator's, the case where two people used to look alike.
  let second: BrowserContext | null = null;
  for (let tries = 0; tries < 60 && !second; tries++) {
    const candidate = await member(browser, request, boardId, 'editor', `Mia ${tries}`);
    if ((await colorOf(candidate.context)) === adminColor) second = candidate.context;
    else await candidate.context.close();
  }
  expect(second, 'no account shared the colour in 60 sign-ups').not.toBeNull();

  const [tab1, tab2] = [await admin.newPage(), await admin.newPage()];
  const mia = await second!.newPage();
  for (const page of [tab1, tab2, mia]) await openBoard(page, boardId);

  // Mia sees the administrator once, however many tabs are open; the tabs do not see each other.
  await expect(mia.locator(others)).toHaveCount(1);
  await expect(mia.locator('.presence')).toHaveAttribute('data-peer-count', '1');
  await expect(tab1.locator(others)).toHaveCount(1);
  await expect(tab2.locator(others)).toHaveCount(1);

  // Distinct colours, and the same ones in everyone's eyes.
  const background = (locator: ReturnType<typeof mia.locator>) =>
    locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  const miaSelf = await background(mia.locator('.presence .avatar.self'));
  const adminSeenByMia = await background(mia.locator(others));
  expect(adminSeenByMia).not.toBe(miaSelf);
  expect(await background(tab1.locator('.presence .avatar.self'))).toBe(adminSeenByMia);
  expect(await background(tab1.locator(others))).toBe(miaSelf);

  // Closing one tab leaves the administrator present through the other.
  await tab2.close();
  await expect(mia.locator(others)).toHaveCount(1);
  await Promise.all([admin.close(), second!.close()]);
});
