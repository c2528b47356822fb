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
    // Said before anyone types (issue 15, defect 16): no form to fill in only to be refused.
    await expect(stranger.getByRole('heading', { name: 'Sign-up is by invitation' })).toBeVisible();
    await expect(stranger.getByText(/invitation link/)).toBeVisible();
    await expect(stranger.getByLabel('Email')).toHaveCount(0);
    await stranger.getByRole('link', { name: 'Have an account? Sign in' }).click();
    await expect(stranger).toHaveURL(/\/signin$/);
    // The server still refuses a sign-up posted anyway.
    const posted = await other.request.post('/api/auth/signup', {
      data: { email: 'bob@example.com', password: 'another-password' }
    });
    expect(posted.status()).toBe(403);
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
  // Typed before hydration, the form's bound fields are reset: seen here as an empty Email.
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
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

test('repeated wrong passwords make the sign-in page say how long to wait, in words', async ({ browser }) => {
  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  await page.goto('/signin');
  const email = `guess.${Date.now()}@example.com`;
  const alert = page.getByRole('alert');
  // Five tries are free; then each must wait 1 s, 2 s, 4 s …, so the wait shows within a few
  // more tries however slowly this machine submits (bounded by count, not by a clock).
  for (let i = 0; i < 12; i++) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`guess number ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText(/do not match|Wait/);
    if (/Wait/.test(await alert.innerText())) break;
  }
  await expect(alert).toHaveText(/^Too many attempts\. Wait (1 second|\d+ seconds), then try again\.$/);
  await context.close();
});
