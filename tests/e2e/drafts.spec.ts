import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { officeFile, pdfOf } from '../helpers/draftFiles';
import { addCard, createBoard, openCard, twoPeople } from './helpers';

/**
 * Drafts of every kind in Chromium against the built server, under the page's CSP: PDF pages
 * drawn by pdf.js (its worker from our origin) with a comment pinned on page 2, a video with a
 * comment pinned at a moment, and an Office file as a download row. Pins are numbered from the
 * document, so the second person sees the same number.
 */
// Two people, pdf.js drawing pages and a video recorded in the page: more than the default minute
// on a loaded two-core machine (measured: 30 s of it opening the board twice with six runs at once).
test.describe.configure({ timeout: 120_000 });

const comments = (page: Page) => page.getByRole('dialog').getByRole('region', { name: 'Comments' });
const attachments = (page: Page) => page.getByRole('dialog').getByRole('region', { name: /Attachments/ });

/** Every CSP violation reported as a console message in `contexts`. */
function cspViolations(contexts: readonly BrowserContext[]): string[] {
  const seen: string[] = [];
  for (const context of contexts) {
    context.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
  }
  return seen;
}

async function send(page: Page, text: string): Promise<void> {
  await comments(page).getByRole('textbox', { name: 'New comment' }).fill(text);
  await comments(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(comments(page).locator('.comment-text', { hasText: text })).toBeVisible();
}

/** A card on a new board, open in two contexts, with the upload API at hand. */
async function cardForTwo(
  browser: Parameters<typeof twoPeople>[0],
  request: Parameters<typeof twoPeople>[2]
) {
  const boardId = await createBoard(request, 'Drafts of every kind');
  const people = await twoPeople(browser, boardId, request, 'commenter');
  await addCard(people.a, 'To do', 'Launch');
  await openCard(people.a, 'Launch');
  const cardId = new URL(people.a.url()).searchParams.get('card')!;
  const upload = async (body: Buffer, name: string) => {
    const res = await request.post(
      `/api/boards/${boardId}/cards/${cardId}/attachments?name=${encodeURIComponent(name)}`,
      { data: body, headers: { 'content-type': 'application/octet-stream' } }
    );
    expect(res.status(), await res.text()).toBe(201);
  };
  return { ...people, upload };
}

test('a PDF shows each page, and a comment pinned on page 2 shows there for the other person', async ({
  browser,
  request
}) => {
  const { a, b, contexts, close, upload } = await cardForTwo(browser, request);
  const violations = cspViolations(contexts);
  await upload(pdfOf(3), 'brief.pdf');
  await openCard(b, 'Launch');

  const pages = comments(b).locator('[data-page]');
  await expect(pages).toHaveCount(3);
  // pdf.js drew the page: its canvas has the page's proportions (US Letter), not a blank 300×150.
  const canvas = pages.nth(1).locator('canvas');
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => Math.round((c.height / c.width) * 100)))
    .toBe(Math.round((792 / 612) * 100));
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return data.some((v, i) => i % 4 !== 3 && v < 128);
  });
  expect(inked).toBe(true);

  const spot = comments(b).getByRole('button', { name: 'Pin a comment on page 2' });
  const box = (await spot.boundingBox())!;
  await spot.click({ position: { x: box.width * 0.4, y: box.height * 0.3 } });
  await send(b, 'Headline too long');

  const pagesA = comments(a).locator('[data-page]');
  const pin = pagesA.nth(1).getByRole('button', { name: 'Pin 1' });
  await expect(pin).toBeVisible();
  await expect(pagesA.nth(0).getByRole('button', { name: 'Pin 1' })).toHaveCount(0);
  const style = (await pin.getAttribute('style')) ?? '';
  const [left, top] = [/left:\s*([\d.]+)%/, /top:\s*([\d.]+)%/].map((r) => Number(r.exec(style)?.[1]));
  expect(left).toBeCloseTo(40, 0);
  expect(top).toBeCloseTo(30, 0);
  await pin.click();
  await expect(comments(a).locator('.thread.highlighted')).toContainText('Headline too long');
  expect(violations).toEqual([]);
  await close();
});

/** A WebM of about `seconds`, recorded in the page from a canvas (there is no encoder on the machine). */
async function recordVideo(page: Page, seconds: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (ms) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const ctx = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((done) => (recorder.onstop = done));
    recorder.start();
    const started = performance.now();
    while (performance.now() - started < ms) {
      ctx.fillStyle = `hsl(${((performance.now() - started) / ms) * 360}, 80%, 50%)`;
      ctx.fillRect(0, 0, 160, 90);
      await new Promise((r) => setTimeout(r, 40));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    return btoa(Array.from(bytes, (x) => String.fromCharCode(x)).join(''));
  }, seconds * 1000);
  return Buffer.from(base64, 'base64');
}

test('a video plays in the card, and a comment pinned at a moment is a mark on its timeline that seeks there', async ({
  browser,
  request
}) => {
  const { a, b, contexts, close, upload } = await cardForTwo(browser, request);
  const violations = cspViolations(contexts);
  await upload(await recordVideo(a, 2.5), 'teaser.webm');
  await openCard(b, 'Launch');

  const video = comments(b).locator('video');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => Number.isFinite(v.duration) && v.duration > 1))
    .toBe(true);
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 1.2));
  const pinAt = comments(b).getByRole('button', { name: 'Comment at 0:01' });
  await expect(pinAt).toBeVisible();
  await pinAt.click();
  await expect(comments(b)).toContainText('This comment will be pinned at 0:01 of the video.');
  await send(b, 'Logo comes in late');

  const mark = comments(a).getByRole('button', { name: 'Pin 1 at 0:01' });
  await expect(mark).toBeVisible();
  const videoA = comments(a).locator('video');
  await expect.poll(() => videoA.evaluate((v: HTMLVideoElement) => Number.isFinite(v.duration))).toBe(true);
  await videoA.evaluate((v: HTMLVideoElement) => (v.currentTime = 0));
  await mark.click();
  await expect.poll(() => videoA.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(1.2, 1);
  await expect(comments(a).locator('.thread.highlighted')).toContainText('Logo comes in late');
  // The attachment row shows the first frame as the video's poster.
  const poster = attachments(a).locator('.preview canvas');
  await expect.poll(() => poster.evaluate((c: HTMLCanvasElement) => c.width)).toBe(160);
  expect(violations).toEqual([]);
  await close();
});

test('a Word file shows as a download row with its name, kind, size and version', async ({
  browser,
  request
}) => {
  const { a, close, upload } = await cardForTwo(browser, request);
  const docx = officeFile('word');
  await upload(docx, '活动方案.docx');
  const row = attachments(a).getByRole('listitem').filter({ hasText: '活动方案.docx' });
  await expect(row).toContainText('Word document');
  await expect(row).toContainText('1 KB');
  await expect(row).toContainText('v1');
  // Nothing to pin on: the comments offer no draft for it.
  await expect(comments(a).locator('.drafts')).toHaveCount(0);

  const link = row.getByRole('link', { name: 'Download 活动方案.docx (version 1, 1 KB)' });
  const [download] = await Promise.all([a.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('活动方案.docx');
  const saved = await download.path();
  expect(readFileSync(saved).equals(docx)).toBe(true);
  await close();
});
