import { expect, test } from '@playwright/test';
import { addCard, createBoard, member, openBoard, titles } from './helpers';

test('an edit made offline by someone demoted meanwhile is refused by the server, dropped, and explained', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Demoted offline');
  const editor = await member(browser, request, boardId, 'editor', 'Olly Offline');
  const e = await editor.context.newPage();
  await openBoard(e, boardId);
  await openBoard(page, boardId);
  await addCard(e, 'To do', 'Agreed online');
  await expect(titles(page, 'To do')).toHaveText(['Agreed online']);

  // Offline, the editor keeps working from the browser's copy...
  await editor.context.setOffline(true);
  await expect(e.locator('[data-status="offline"]')).toBeVisible();
  await addCard(e, 'To do', 'Written offline');

  // ...while a manager makes them a viewer.
  const members = (await (await request.get(`/api/boards/${boardId}/members`)).json()) as {
    members: { userId: string; email: string }[];
  };
  const userId = members.members.find((m) => m.email === editor.email)!.userId;
  const demoted = await request.patch(`/api/boards/${boardId}/members/${userId}`, {
    data: { role: 'viewer' }
  });
  expect(demoted.status()).toBe(200);

  // Back online, the server refuses the offline card; the page drops its copy and says why.
  await editor.context.setOffline(false);
  await expect(e.getByRole('status').filter({ hasText: 'did not accept your last change' })).toBeVisible({
    timeout: 10_000
  });
  await expect(e.locator('[data-status="connected"]')).toBeVisible();
  await expect(titles(e, 'To do')).toHaveText(['Agreed online']);
  await expect(e.getByRole('button', { name: 'Add a card' })).toHaveCount(0);
  // Nobody else ever saw it, and a reload does not bring it back from the browser's cache.
  await expect(titles(page, 'To do')).toHaveText(['Agreed online']);
  await e.reload();
  await expect(e.locator('[data-status="connected"]')).toBeVisible();
  await expect(titles(e, 'To do')).toHaveText(['Agreed online']);
  await editor.context.close();
});

test('a manager invites someone by link; they sign up from it while sign-up is closed and join as the role given', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Invited');
  await openBoard(page, boardId);
  await page.getByRole('button', { name: 'Members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Board members' });
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('commenter');
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  const url = await dialog.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(dialog).toContainText('Pending invites');

  const closed = await request.patch('/api/auth/settings', { data: { openSignup: false } });
  expect(closed.status()).toBe(200);
  try {
    const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const g = await guest.newPage();
    await g.goto(new URL(url).pathname);
    await expect(g.getByRole('heading', { name: 'Join “Invited”' })).toBeVisible();
    await g.getByLabel('Email').fill(`cora.${Date.now()}@stageboard.test`);
    await g.getByLabel('Display name').fill('Cora Commenter');
    await g.getByLabel('Password').fill('commenter-password');
    await g.getByRole('button', { name: 'Create account and join' }).click();
    await expect(g).toHaveURL(new RegExp(`/boards/${boardId}$`));
    await expect(g.locator('[data-status="connected"]')).toBeVisible();
    // A commenter: no card controls; the manager sees them among the members.
    await expect(g.getByRole('button', { name: 'Add a card' })).toHaveCount(0);
    await expect(page.locator('.presence .avatar', { hasText: 'C' })).toHaveCount(1);
    // Their board list shows the board with their role, without the managers' controls.
    await g.goto('/');
    const row = g.locator('li.row', { hasText: 'Invited' });
    await expect(row).toContainText('Commenter');
    await expect(row.getByRole('button', { name: 'Rename' })).toHaveCount(0);
    // The link worked once.
    const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const a = await again.newPage();
    await a.goto(new URL(url).pathname);
    await expect(a.getByText('already been used')).toBeVisible();
    await again.close();
    await guest.close();
  } finally {
    await request.patch('/api/auth/settings', { data: { openSignup: true } });
  }
});

test('a manager adds someone by email: the board waits in their list as an invitation until they accept', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Asked first');
  const email = `dora.${Date.now()}@stageboard.test`;
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const g = await guest.newPage();
  await g.goto('/signup');
  // Typed before hydration, the form's bound fields are reset: seen here as an empty Email.
  await expect(g.locator('html[data-hydrated]')).toBeAttached();
  await g.getByLabel('Email').fill(email);
  await g.getByLabel('Display name').fill('Dora Designer');
  await g.getByLabel('Password').fill('designer-password');
  await g.getByRole('button', { name: 'Sign up' }).click();
  await expect(g).toHaveURL(/\/$/);

  await openBoard(page, boardId);
  await page.getByRole('button', { name: 'Members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Board members' });
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('editor');
  await dialog.getByLabel('Email (optional').fill(email);
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  await expect(dialog).toContainText(email);

  // Not on her list until she says yes.
  await g.reload();
  await expect(g.locator('li.row', { hasText: 'Asked first' })).toHaveCount(0);
  const invitation = g.getByRole('region', { name: 'Invitations' });
  await expect(invitation).toContainText('Ada Admin invited you to “Asked first” as Editor.');
  await invitation.getByRole('button', { name: 'Accept' }).click();
  await expect(g).toHaveURL(new RegExp(`/boards/${boardId}$`));
  await expect(g.locator('[data-status="connected"]')).toBeVisible();
  await g.goto('/');
  await expect(g.locator('li.row', { hasText: 'Asked first' })).toContainText('Editor');
  await expect(g.getByRole('region', { name: 'Invitations' })).toHaveCount(0);
  await guest.close();
});
