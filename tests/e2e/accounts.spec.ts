import { expect, test } from '@playwright/test';

const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

// admin.setup.ts covers the first account; this covers everyone after it.
test('sign-up is by invitation once the administrator closes it, and sign-in and sign-out work', async ({
  browser,
  request
}) => {
  const closed = await request.patch('/api/auth/settings', { data: { openSignup: false } });
  expect(closed.status()).toBe(200);
  try {
    const other = await browser.newContext(SIGNED_OUT);
    const stranger = await other.newPage();
    await stranger.goto('/signup');
    await stranger.getByLabel('Email').fill('bob@example.com');
    await stranger.getByLabel('Password').fill('another-password');
    await stranger.getByRole('button', { name: 'Sign up' }).click();
    await expect(stranger.getByRole('alert')).toHaveText(/invitation only/);
    await expect(stranger.getByLabel('Email')).toHaveValue('bob@example.com');
    await other.close();
  } finally {
    // The other browser tests sign up the people they need.
    await request.patch('/api/auth/settings', { data: { openSignup: true } });
  }

  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  // Signed out, the board list sends people to sign in (the install has an administrator).
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/signup');
  await page.getByLabel('Email').fill('Ann.Lee@Example.com');
  await page.getByLabel('Display name').fill('Ann Lee');
  await page.getByLabel('Password').fill('spring-campaign-2027');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.locator('.account .me')).toHaveText('Ann Lee');
  // A new account sees only its own boards: none yet, not the administrator's demo board.
  await expect(page.getByRole('link', { name: '双十一推广活动（示例）' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect((await context.cookies()).filter((c) => c.name === 'stageboard_session')).toHaveLength(0);

  await page.getByLabel('Email').fill('ann.lee@example.com');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That email and password do not match. Try again.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await page.getByLabel('Password').fill('spring-campaign-2027');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.account .me')).toHaveText('Ann Lee');
  await context.close();
});
