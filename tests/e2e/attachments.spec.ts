import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { addCard, createBoard, member, openBoard, openCard, twoPeople } from './helpers';

/**
 * Uploads against the real server (adapter-node's body limit included): what is refused stores
 * nothing, what is allowed comes back byte for byte, to members only.
 */
const LIMIT = 1024 * 1024; // ATTACHMENT_MAX_BYTES in playwright.config.ts
const DATA = 'test-results/e2e-data/attachments';
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

const upload = (api: APIRequestContext, boardId: string, cardId: string, body: Buffer, name = 'draft.png') =>
  api.post(`/api/boards/${boardId}/cards/${cardId}/attachments?name=${encodeURIComponent(name)}`, {
    data: body,
    headers: { 'content-type': 'image/png' }
  });

/** Files stored for the board, temporary ones included. */
function storedFiles(boardId: string): string[] {
  const dirs = [path.join(DATA, boardId), path.join(DATA, '.incoming')];
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.join(dir, e.name));
    }
  };
  dirs.forEach(walk);
  return out;
}

test('drafts: refused uploads store nothing, an allowed image comes back byte-identical to members only', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Drafts');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Poster');
  const cardId = (await page.locator('.card', { hasText: 'Poster' }).getAttribute('data-card-id'))!;
  const viewer = await member(browser, request, boardId, 'viewer');
  const stranger = await member(browser, request, await createBoard(request, 'Elsewhere'), 'editor');

  // Too large: a PNG header and a megabyte more.
  const big = await upload(request, boardId, cardId, Buffer.concat([PNG, Buffer.alloc(LIMIT)]));
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toMatchObject({
    code: 'too-large',
    message: expect.stringContaining('1 MB')
  });

  // Text named and labelled as a PNG.
  const fake = await upload(request, boardId, cardId, Buffer.from('<svg onload=alert(1)>'), 'x.png');
  expect(fake.status()).toBe(415);
  expect((await fake.json()).error.code).toBe('unsupported-type');

  // Not on the board, not signed in, or only a viewer.
  expect((await upload(stranger.context.request, boardId, cardId, PNG)).status()).toBe(403);
  // The project signs every context in as the administrator unless told otherwise.
  const anonymous = (await browser.newContext({ storageState: { cookies: [], origins: [] } })).request;
  expect((await upload(anonymous, boardId, cardId, PNG)).status()).toBe(401);
  expect((await upload(viewer.context.request, boardId, cardId, PNG)).status()).toBe(403);
  expect(storedFiles(boardId)).toEqual([]);

  // Allowed: stored as v1, served to a member as it was sent, and to nobody else.
  const ok = await upload(request, boardId, cardId, PNG, '海报 v1.png');
  expect(ok.status()).toBe(201);
  const { attachmentId, v, type } = (await ok.json()) as { attachmentId: string; v: number; type: string };
  expect([v, type]).toEqual([1, 'image/png']);
  const url = (n: number) => `/api/boards/${boardId}/attachments/${attachmentId}/v/${n}`;
  const served = await viewer.context.request.get(url(1));
  expect(served.status()).toBe(200);
  expect(Buffer.compare(await served.body(), PNG)).toBe(0);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  expect((await stranger.context.request.get(url(1))).status()).toBe(403);
  expect((await anonymous.get(url(1))).status()).toBe(401);

  // A second round keeps the first.
  const png2 = Buffer.concat([PNG, Buffer.from('v2')]);
  const second = await request.post(
    `/api/boards/${boardId}/cards/${cardId}/attachments/${attachmentId}?name=poster.png`,
    { data: png2 }
  );
  expect(second.status()).toBe(201);
  expect((await second.json()).v).toBe(2);
  expect(Buffer.compare(await (await request.get(url(2))).body(), png2)).toBe(0);
  expect(Buffer.compare(await (await request.get(url(1))).body(), PNG)).toBe(0);
  expect((await request.get(url(3))).status()).toBe(404);
});

test('a draft uploaded in one browser shows as a preview in the other, and a new version is picked from v1/v2', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Draft rounds');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Flyer');
  for (const p of [a, b]) await openCard(p, 'Flyer');
  const drafts = (p: Page) => p.getByRole('dialog').getByRole('region', { name: /Attachments/ });

  const chooser = a.waitForEvent('filechooser');
  await drafts(a).getByRole('button', { name: 'Upload a draft' }).click();
  await (await chooser).setFiles({ name: 'flyer.png', mimeType: 'image/png', buffer: PNG });
  const preview = drafts(b).getByRole('img', { name: 'flyer.png' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const again = a.waitForEvent('filechooser');
  await drafts(a).getByRole('button', { name: 'Upload a new version' }).click();
  await (await again).setFiles({ name: 'flyer.png', mimeType: 'image/png', buffer: PNG });
  const versions = drafts(b).getByRole('combobox', { name: 'Version of flyer.png' });
  await expect(versions).toHaveValue('2');
  await versions.selectOption('1');
  await expect(drafts(b).getByRole('img', { name: 'flyer.png' })).toHaveAttribute('src', /\/v\/1$/);
  await close();
});

test('a new version under another file name leaves the earlier version its own name (defect 16)', async ({
  browser,
  request
}) => {
  const boardId = await createBoard(request, 'Draft names');
  const { a, b, close } = await twoPeople(browser, boardId, request, 'editor');
  await addCard(a, 'To do', 'Poster');
  for (const p of [a, b]) await openCard(p, 'Poster');
  const drafts = (p: Page) => p.getByRole('dialog').getByRole('region', { name: /Attachments/ });

  const chooser = a.waitForEvent('filechooser');
  await drafts(a).getByRole('button', { name: 'Upload a draft' }).click();
  await (await chooser).setFiles({ name: '海报-初稿.png', mimeType: 'image/png', buffer: PNG });
  await expect(drafts(b).getByRole('img', { name: '海报-初稿.png' })).toBeVisible();
  const again = a.waitForEvent('filechooser');
  await drafts(a).getByRole('button', { name: 'Upload a new version' }).click();
  await (await again).setFiles({ name: '海报-二稿.png', mimeType: 'image/png', buffer: PNG });

  const versions = drafts(b).getByRole('combobox', { name: 'Version of 海报-二稿.png' });
  await expect(versions).toHaveValue('2');
  await expect(versions.locator('option')).toHaveText(['v1 · 海报-初稿.png', 'v2 · 海报-二稿.png']);
  await versions.selectOption('1');
  const first = drafts(b).getByRole('img', { name: '海报-初稿.png' });
  await expect(first).toHaveAttribute('src', /\/v\/1$/);
  await expect(drafts(b).locator('.facts strong')).toHaveText('海报-初稿.png');
  await close();
});

test('a viewer sees drafts without controls; the editor is told why a file is refused and can delete', async ({
  browser,
  request,
  page
}) => {
  const boardId = await createBoard(request, 'Draft rules');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Banner');
  await openCard(page, 'Banner');
  const drafts = (p: Page) => p.getByRole('dialog').getByRole('region', { name: /Attachments/ });
  const viewer = await member(browser, request, boardId, 'viewer');
  const viewerPage = await viewer.context.newPage();
  await openBoard(viewerPage, boardId);
  await openCard(viewerPage, 'Banner');

  // Too large, through the browser's own upload (its Content-Length, its reading of the 413).
  let chooser = page.waitForEvent('filechooser');
  await drafts(page).getByRole('button', { name: 'Upload a draft' }).click();
  await (
    await chooser
  ).setFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(LIMIT)]) });
  await expect(drafts(page).getByRole('alert')).toHaveText(
    'Upload failed: The file is too large: the limit is 1 MB.'
  );

  // A text file with an image's name and type.
  chooser = page.waitForEvent('filechooser');
  await drafts(page).getByRole('button', { name: 'Upload a draft' }).click();
  await (
    await chooser
  ).setFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await expect(drafts(page).getByRole('alert')).toHaveText(
    'Upload failed: This kind of file is not taken. Upload images, PDF, video (MP4, MOV, WebM), Word, PowerPoint, Excel, PSD, AI or ZIP.'
  );

  chooser = page.waitForEvent('filechooser');
  await drafts(page).getByRole('button', { name: 'Upload a draft' }).click();
  await (await chooser).setFiles({ name: 'banner.png', mimeType: 'image/png', buffer: PNG });
  await expect(drafts(page).getByRole('alert')).toHaveCount(0);
  await expect(drafts(viewerPage).getByRole('img', { name: 'banner.png' })).toBeVisible();
  await expect(drafts(viewerPage).getByText('v1', { exact: true })).toBeVisible();
  await expect(drafts(viewerPage).getByRole('button')).toHaveCount(0);

  page.once('dialog', (dialog) => void dialog.accept());
  await drafts(page).getByRole('button', { name: 'Delete banner.png' }).click();
  await expect(drafts(viewerPage).getByRole('img', { name: 'banner.png' })).toHaveCount(0);
  await expect(drafts(viewerPage).getByText('No drafts yet.')).toBeVisible();
  await viewer.context.close();
});

/** Drops files onto an element as a desktop's file manager does: dragover, then drop, with a DataTransfer. */
async function dropFiles(target: Locator, files: { name: string; base64: string }[]): Promise<void> {
  const transfer = await target.page().evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, files);
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('files dropped onto a card on the board open it and become drafts; a file dropped onto a draft is its next version', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Drop drafts');
  await openBoard(page, boardId);
  await addCard(page, 'To do', 'Banner');
  const png = { name: 'banner.png', base64: PNG.toString('base64') };
  const text = { name: 'notes.png', base64: Buffer.from('not a picture').toString('base64') };

  await dropFiles(page.locator('.card', { hasText: 'Banner' }), [png, text]);
  const panel = page.getByRole('dialog');
  await expect(panel.getByRole('heading', { name: 'Banner' })).toBeVisible();
  const drafts = panel.getByRole('region', { name: /Attachments/ });
  await expect(drafts.getByRole('img', { name: 'banner.png' })).toBeVisible();
  // The refused file is named, and did not stop the other.
  await expect(drafts.getByRole('alert')).toContainText('notes.png');
  await expect(drafts.locator('li')).toHaveCount(1);

  await dropFiles(drafts.locator('li', { hasText: 'banner.png' }), [png]);
  await expect(drafts.getByRole('combobox', { name: 'Version of banner.png' })).toHaveValue('2');
  await expect(drafts.locator('li')).toHaveCount(1);
});
