import { expect, test } from '@playwright/test';

// The browser tests share one fresh server: this is the only test that creates accounts, so its
// first sign-up is the install's first account.
test('the first account becomes administrator, sign-up then closes, and sign-in and sign-out work with a safe cookie', async ({
  page,
  browser
}) => {
  await page.goto('/signup');
  await expect(page.getByText('the first account to sign up becomes the administrator')).toBeVisible();
  await page.getByLabel('Email').fill('Ann.Lee@Example.com');
  await page.getByLabel('Display name').fill('Ann Lee');
  await page.getByLabel('Password').fill('spring-campaign-2027');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.account .me')).toHaveText('Ann Lee');

  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'stageboard_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);
  // Scripts on the page cannot read the session.
  expect(await page.evaluate(() => document.cookie)).not.toContain('stageboard_session');

  // Sign-up is by invitation once the administrator exists.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto('/signup');
  await stranger.getByLabel('Email').fill('bob@example.com');
  await stranger.getByLabel('Password').fill('another-password');
  await stranger.getByRole('button', { name: 'Sign up' }).click();
  await expect(stranger.getByRole('alert')).toHaveText(/invitation only/);
  await expect(stranger.getByLabel('Email')).toHaveValue('bob@example.com');
  await other.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect((await page.context().cookies()).filter((c) => c.name === 'stageboard_session')).toHaveLength(0);

  await page.getByLabel('Email').fill('ann.lee@example.com');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That email and password do not match. Try again.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await page.getByLabel('Password').fill('spring-campaign-2027');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.account .me')).toHaveText('Ann Lee');
});
