import { expect, test as setup } from '@playwright/test';
import { ADMIN, ADMIN_STATE } from './helpers';

// Runs once before every browser test, on the fresh database the web server starts with: the
// first account becomes the administrator, and its session is what the other tests start from.
setup('the first account becomes the administrator, with a safe session cookie', async ({ page }) => {
  await page.goto('/');
  // A fresh install sends people to sign up, and says the first account administers it.
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByText('the first account to sign up becomes the administrator')).toBeVisible();
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Display name').fill(ADMIN.name);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.account .me')).toHaveText(ADMIN.name);

  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'stageboard_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);
  // Scripts on the page cannot read the session.
  expect(await page.evaluate(() => document.cookie)).not.toContain('stageboard_session');
  // The demo board, seeded before anyone signed up, became the administrator's.
  await expect(page.getByRole('link', { name: '双十一推广活动（示例）' })).toBeVisible();

  // The other tests sign up the people they need (invitations are tested on their own).
  const open = await page.request.patch('/api/auth/settings', { data: { openSignup: true } });
  expect(open.status()).toBe(200);
  await page.context().storageState({ path: ADMIN_STATE });
});
