/**
 * Scenario 5(b), inside a generator: Debian's Chromium (pinned with the generator, off the
 * server's core) opens a Stageboard board page in a fresh context, so nothing is cached.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '#tests/chromium';

export interface BrowserOpenArgs {
  url: string;
  /** A Cookie header value (`name=value`) the page is opened with: Stageboard's session. */
  cookie?: string;
  cards: number;
  timeoutMs: number;
}

export interface BrowserOpenResult {
  /** performance.now() in the page (ms since navigation start) when the cards were there and draggable. */
  ms: number;
  cards: number;
}

/** Navigates to `url` and times until `cards` `.card` elements exist and one is draggable. */
export async function browserOpen(args: BrowserOpenArgs): Promise<BrowserOpenResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    if (args.cookie) {
      const eq = args.cookie.indexOf('=');
      const [name, value] = [args.cookie.slice(0, eq), args.cookie.slice(eq + 1)];
      // For the whole site, as the server sets it (Path=/): a cookie for the page's URL alone
      // would have the page's path and never reach /api or /sync.
      await context.addCookies([{ name, value, url: new URL('/', args.url).href }]);
    }
    const page = await context.newPage();
    await page.goto(args.url, { waitUntil: 'commit', timeout: args.timeoutMs });
    // Checked every animation frame, so the time is the first frame that could show the board.
    const handle = await page.waitForFunction(
      (n: number) =>
        document.querySelectorAll('.card').length >= n && document.querySelector('.card[draggable="true"]')
          ? performance.now()
          : false,
      args.cards,
      { polling: 'raf', timeout: args.timeoutMs }
    );
    const ms = (await handle.jsonValue()) as number;
    const cards = await page.locator('.card').count();
    await context.close();
    return { ms, cards };
  } finally {
    await browser.close();
  }
}
