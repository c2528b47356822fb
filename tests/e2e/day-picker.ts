import type { Locator, Page } from '@playwright/test';

/** The day `iso` ('YYYY-MM-DD') in the viewer's calendar, `days` from now. */
export function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Chooses `iso` in a Bits UI date picker (components/card/DayPicker.svelte) as a person does:
 * opens it with `trigger`, turns the months to the day's, and clicks it.
 */
export async function pickDay(page: Page, trigger: Locator, iso: string): Promise<void> {
  await trigger.click();
  const shownMonth = page.locator('[data-bits-day]:not([data-outside-month])').first();
  for (let turns = 0; turns < 36; turns++) {
    const shown = (await shownMonth.getAttribute('data-value'))!.slice(0, 7);
    const wanted = iso.slice(0, 7);
    if (shown === wanted) break;
    await page.locator(wanted > shown ? '[data-dp-next]' : '[data-dp-prev]').click();
    // Wait for the grid to turn before reading it again.
    await page.waitForFunction(
      (before) =>
        document
          .querySelector('[data-bits-day]:not([data-outside-month])')
          ?.getAttribute('data-value')
          ?.slice(0, 7) !== before,
      shown
    );
  }
  await page.locator(`[data-bits-day][data-value="${iso}"]:not([data-outside-month])`).click();
}
