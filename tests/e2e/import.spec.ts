import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { expect, test, type Page } from '@playwright/test';
import { planTrello, readTrelloExport, trelloPeople } from '#lib/transfer/trello';
import { boardCounts } from '../unit/transfer/boardCounts';
import { column, createBoard, member, openCard } from './helpers';

/**
 * Issue 19, Done-when 1: a real Trello export of 122 cards imports in the browser with the
 * counts its preview promised (checked on the server's own copy of the board), the progress bar
 * moving on the way; a broken file says what is wrong and creates nothing. And a CSV saved by a
 * Chinese Excel (GB18030) imports with its columns mapped.
 */
const FIXTURE = 'tests/fixtures/trello/gocd-test-drive.json';
const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
const DB = 'test-results/e2e-data/stageboard.db';

/** The board as the server stores it: its snapshot and logged updates, read from the database. */
function storedBoard(boardId: string): { doc: Y.Doc; updates: number } {
  const db = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    const doc = new Y.Doc();
    const snap = db.prepare('SELECT snapshot FROM doc_snapshots WHERE board_id = ?').get(boardId) as
      { snapshot: Buffer } | undefined;
    if (snap) Y.applyUpdate(doc, snap.snapshot);
    const rows = db
      .prepare('SELECT "update" FROM doc_updates WHERE board_id = ? ORDER BY seq')
      .all(boardId) as {
      update: Buffer;
    }[];
    for (const row of rows) Y.applyUpdate(doc, row.update);
    return { doc, updates: rows.length };
  } finally {
    db.close();
  }
}

async function openImport(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a board' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const boardCount = async (page: Page) =>
  ((await (await page.request.get('/api/boards')).json()) as { boards: unknown[] }).boards.length;

test('a real 122-card Trello export imports with every count its preview promised, showing progress', async ({
  page,
  browser,
  request
}) => {
  // Someone the administrator works with, to map a Trello member to.
  const shared = await createBoard(request, 'Team board');
  const colleague = await member(browser, request, shared, 'editor', 'Lin Wei');
  await colleague.context.close();

  const dialog = await openImport(page);
  await dialog.getByTestId('import-file').setInputFiles(FIXTURE);
  await expect(dialog.getByText('File: gocd-test-drive.json')).toBeVisible();
  await dialog.getByLabel('Bring in, their cards archived').check();

  const board = readTrelloExport(raw);
  const person = trelloPeople(board).find((p) => p.comments > 0)!;
  await dialog
    .getByRole('combobox', { name: person.name, exact: true })
    .selectOption({ label: `Lin Wei · ${colleague.email}` });
  // What the preview promises: the same plan, made here from the same file.
  const { counts, losses } = planTrello(board, {
    target: { title: '', template: null, stageFor: {} },
    closedLists: 'archive',
    people: { [person.key]: 'mapped' }
  });
  const promised = dialog.getByTestId('import-counts');
  await expect(promised).toContainText(`${counts.stages} stages`);
  await expect(promised).toContainText(`${counts.cards} cards · ${counts.archived} of them archived`);
  await expect(promised).toContainText(
    `${counts.checklistItems} checklist items (${counts.checkedItems} done)`
  );
  await expect(promised).toContainText(`${counts.comments} comments`);
  await expect(promised).toContainText(`${counts.labels} labels`);
  await expect(promised).toContainText(`${counts.links} attachment links`);
  const warned = dialog.getByTestId('import-losses');
  await expect(warned).toContainText('maximum of 1,000 actions');
  await expect(warned).toContainText(`${losses.trelloFiles} attachments are files uploaded to Trello`);
  expect(counts.cards).toBe(122);

  // Every value the bar shows, frame by frame, from the moment the import starts.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const look = () => {
      const bar = document.querySelector('progress');
      if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
      requestAnimationFrame(look);
    };
    look();
  });
  const before = await boardCount(page);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForURL(/\/boards\/[^/]+$/);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.length, `progress seen: ${seen.join(', ')}`).toBeGreaterThan(3);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(122);

  const boardId = new URL(page.url()).pathname.split('/').at(-1)!;
  const { doc, updates } = storedBoard(boardId);
  expect(updates).toBeLessThanOrEqual(1);
  expect(boardCounts(doc)).toEqual(counts);
  const comments = [...doc.getMap<Y.Map<unknown>>('cards').values()].flatMap((c) => [
    ...(c.get('comments') as Y.Map<{ originally?: string }>).values()
  ]);
  expect(comments.filter((c) => !c.originally)).toHaveLength(person.comments);
  expect(await boardCount(page)).toBe(before + 1);
  await expect(column(page, 'Done')).toBeVisible();

  // An unmatched member's comment says who originally wrote it.
  const open = new Set(board.lists.filter((l) => !l.closed).map((l) => l.id));
  const other = board.comments.find((c) => {
    const card = board.cards.find((k) => k.id === c.idCard);
    return c.idMember !== person.key && card && !card.closed && open.has(card.idList);
  })!;
  const card = board.cards.find((k) => k.id === other.idCard)!;
  await openCard(page, card.name);
  await expect(page.getByText(`originally by ${other.memberName} (imported)`).first()).toBeVisible();
});

test('a broken Trello file says what is wrong and creates no board', async ({ page }) => {
  const before = await boardCount(page);
  const dialog = await openImport(page);
  const text = readFileSync(FIXTURE, 'utf8');
  await dialog.getByTestId('import-file').setInputFiles({
    name: 'truncated.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.slice(0, text.length / 2))
  });
  await expect(dialog.getByRole('alert')).toContainText('not valid JSON');

  const lost = {
    ...raw,
    cards: [...(raw.cards as object[]), { id: 'x', name: 'Orphan card', idList: 'nowhere' }]
  };
  await dialog.getByTestId('import-file').setInputFiles({
    name: 'orphan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(lost))
  });
  await expect(dialog.getByRole('alert')).toContainText(
    'Card “Orphan card” is in a list the file does not have'
  );
  await expect(dialog.getByRole('alert')).toContainText('No board was created');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  expect(await boardCount(page)).toBe(before);
});

test('a GB18030 CSV from a Chinese Excel imports with its columns mapped', async ({ page }) => {
  const dialog = await openImport(page);
  await dialog.getByText('CSV spreadsheet').click();
  await dialog.getByTestId('import-file').setInputFiles('tests/fixtures/csv/tasks-gb18030.csv');
  await expect(dialog.getByText('Encoding: GB18030')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: '任务名称' })).toHaveValue('title');
  await expect(dialog.getByRole('combobox', { name: '状态' })).toHaveValue('stage');
  // The mapping: labels are left out this time, and the preview follows.
  await expect(dialog.getByTestId('import-counts')).toContainText('5 labels');
  await dialog.getByRole('combobox', { name: '标签' }).selectOption('ignore');
  await expect(dialog.getByTestId('import-counts')).not.toContainText('labels');
  await expect(dialog.getByTestId('import-counts')).toContainText('4 cards');
  await expect(dialog.getByTestId('import-losses')).toContainText('Rows left out for having no title: 1');
  await dialog.getByLabel('Board name').fill('端午节营销');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForURL(/\/boards\/[^/]+$/);
  await expect(column(page, '设计中').locator('.card', { hasText: '端午节海报设计' })).toBeVisible();
  await expect(column(page, '待办').locator('.card')).toHaveCount(2);
  await expect(column(page, '已完成').locator('.card', { hasText: '抖音短视频脚本' })).toBeVisible();
});

test('the dialog offers a Stageboard export as its third source', async ({ page }) => {
  const dialog = await openImport(page);
  await dialog.getByText('Stageboard export (JSON)').click();
  await expect(dialog.getByRole('radio', { name: /Stageboard export/ })).toBeChecked();
  await expect(dialog.getByTestId('import-file')).toHaveAttribute('accept', '.json,application/json');
});
