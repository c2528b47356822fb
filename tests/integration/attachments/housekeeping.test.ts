/**
 * The attachment sweep on a real server, a real SQLite file and real files: drafts of a card a
 * client deleted are marked, kept through the grace period and only then deleted (rows and
 * files); a card that comes back clears its mark; a board nobody has open is read from the store
 * without loading its room; leftovers of a crash mid-upload go at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, deleteCard, readStages } from '#lib/board';
import { roots } from '#lib/board/schema';
import { AttachmentSweeper } from '#server/attachments/AttachmentSweeper';
import { SqliteAttachmentStore } from '#server/attachments/SqliteAttachmentStore';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { startTestServer, tempDir, waitFor } from '../helpers/syncHarness';
import { PNG, download, startDrafts, upload, type Drafts } from './attachmentFixture';

const DAY = 24 * 3600 * 1000;
const GRACE = 30 * DAY;
const T0 = Date.UTC(2030, 0, 1);

/** A sweeper over the running server's own rooms, store and files, on a clock the test drives. */
function sweeperOf(d: Drafts, clock: { now: number }, graceMs = GRACE): AttachmentSweeper {
  const { server } = d;
  if (!(server.store instanceof SqliteDocStore)) throw new Error('The fixture runs on SQLite.');
  return new AttachmentSweeper({
    store: SqliteAttachmentStore.over(server.store),
    rooms: server.rooms,
    docs: server.store,
    remove: (boardId, attachmentId) => server.services.attachments.removeOrphan(boardId, attachmentId),
    dataDir: server.config.dataDir,
    log: server.log,
    now: () => clock.now,
    graceMs
  });
}

/** Each version row of an attachment as [v, orphaned_at], read from the file on disk. */
function rowsOf(d: Drafts, attachmentId: string): [number, number | null][] {
  const db = new Database(d.server.config.dbFile, { readonly: true });
  try {
    return db
      .prepare(
        'select v, orphaned_at from attachment_versions where board_id = ? and attachment_id = ? order by v'
      )
      .raw()
      .all(d.boardId, attachmentId) as [number, number | null][];
  } finally {
    db.close();
  }
}

const fileOf = (d: Drafts, attachmentId: string, v: number) =>
  path.join(d.server.config.dataDir, 'attachments', d.boardId, attachmentId, `v${v}`);

async function newCard(d: Drafts, title: string): Promise<string> {
  let cardId = '';
  await d.server.rooms.change(d.boardId, (doc) => {
    cardId = addCard(doc, { stageId: readStages(doc)[0]!.id, title });
  });
  return cardId;
}

/** Uploads a PNG to the card (as a new version of `attachmentId` when given); returns the id. */
async function draft(d: Drafts, cardId: string, attachmentId?: string): Promise<string> {
  const res = await upload(d, d.editor, { body: PNG, cardId, attachmentId });
  expect(res.status).toBe(201);
  return ((await res.json()) as { attachmentId: string }).attachmentId;
}

const removeCard = (d: Drafts, cardId: string) =>
  d.server.rooms.change(d.boardId, (doc) => deleteCard(doc, cardId));

const roomLoaded = (d: Drafts) => d.server.rooms.stats().boards.some((b) => b.boardId === d.boardId);

describe('drafts whose card was deleted', () => {
  let d: Drafts;
  const clock = { now: T0 };
  let sweeper: AttachmentSweeper;
  let gone: { cardId: string; attachmentId: string };
  let kept: { cardId: string; attachmentId: string };

  beforeAll(async () => {
    d = await startDrafts();
    sweeper = sweeperOf(d, clock);
  });
  afterAll(() => d.stop());

  it('are marked at the first sweep after the deletion, with every file and row kept', async () => {
    gone = { cardId: d.cardId, attachmentId: await draft(d, d.cardId) };
    await draft(d, gone.cardId, gone.attachmentId);
    const keptCard = await newCard(d, 'Flyer');
    kept = { cardId: keptCard, attachmentId: await draft(d, keptCard) };
    expect(await sweeper.sweep()).toEqual({ boards: 1, marked: 0, cleared: 0, removed: 0, failed: 0 });

    await removeCard(d, gone.cardId);
    expect(await sweeper.sweep()).toMatchObject({ marked: 1, removed: 0 });
    expect(rowsOf(d, gone.attachmentId)).toEqual([
      [1, T0],
      [2, T0]
    ]);
    expect(rowsOf(d, kept.attachmentId)).toEqual([[1, null]]);
    for (const v of [1, 2]) expect(fs.existsSync(fileOf(d, gone.attachmentId, v))).toBe(true);
  });

  it('keep their first mark and everything else until the grace period is over', async () => {
    clock.now = T0 + GRACE - 1;
    expect(await sweeper.sweep()).toMatchObject({ marked: 0, removed: 0, failed: 0 });
    expect(rowsOf(d, gone.attachmentId)).toEqual([
      [1, T0],
      [2, T0]
    ]);
    expect(fs.existsSync(fileOf(d, gone.attachmentId, 2))).toBe(true);
  });

  it('lose their rows and files once the mark is as old as the grace period; other cards keep theirs', async () => {
    clock.now = T0 + GRACE;
    expect(await sweeper.sweep()).toMatchObject({ marked: 0, removed: 1, failed: 0 });
    expect(rowsOf(d, gone.attachmentId)).toEqual([]);
    expect(fs.existsSync(path.dirname(fileOf(d, gone.attachmentId, 1)))).toBe(false);
    expect((await download(d, d.viewer, gone.attachmentId, 1)).status).toBe(404);
    expect(rowsOf(d, kept.attachmentId)).toEqual([[1, null]]);
    expect((await download(d, d.viewer, kept.attachmentId, 1)).status).toBe(200);
    expect(d.server.log.find('orphaned attachment removed')).toMatchObject({
      board: d.boardId,
      card: gone.cardId,
      attachment: gone.attachmentId
    });
  });

  it('are unmarked when the card comes back (an undo), and outlive the grace period', async () => {
    const cardId = await newCard(d, 'Banner');
    const attachmentId = await draft(d, cardId);
    // Server transactions carry a plain-object BoardOrigin, so tracking Object tracks them.
    const undo = await d.server.rooms.read(
      d.boardId,
      (doc) => new Y.UndoManager(roots(doc).cards, { trackedOrigins: new Set([Object]) })
    );
    try {
      undo.clear();
      await removeCard(d, cardId);
      clock.now = T0 + 2 * GRACE;
      expect(await sweeper.sweep()).toMatchObject({ marked: 1 });
      expect(rowsOf(d, attachmentId)).toEqual([[1, T0 + 2 * GRACE]]);

      await d.server.rooms.change(d.boardId, () => void undo.undo());
      expect(await d.server.rooms.read(d.boardId, (doc) => roots(doc).cards.has(cardId))).toBe(true);
      clock.now = T0 + 4 * GRACE;
      expect(await sweeper.sweep()).toMatchObject({ cleared: 1, removed: 0 });
      expect(rowsOf(d, attachmentId)).toEqual([[1, null]]);
      expect(await sweeper.sweep()).toMatchObject({ marked: 0, cleared: 0, removed: 0 });
      expect((await download(d, d.viewer, attachmentId, 1)).status).toBe(200);
    } finally {
      undo.destroy();
    }
  });

  it('on a board nobody has open are judged from the store, without loading its room', async () => {
    const cardId = await newCard(d, 'Sticker');
    const attachmentId = await draft(d, cardId);
    await removeCard(d, cardId);
    await d.server.rooms.unloadBoard(d.boardId);
    expect(roomLoaded(d)).toBe(false);

    clock.now = T0 + 10 * GRACE;
    expect(await sweeper.sweep()).toMatchObject({ marked: 1, cleared: 0, removed: 0, failed: 0 });
    expect(roomLoaded(d)).toBe(false);
    expect(rowsOf(d, attachmentId)).toEqual([[1, T0 + 10 * GRACE]]);

    clock.now = T0 + 11 * GRACE;
    expect(await sweeper.sweep()).toMatchObject({ removed: 1, failed: 0 });
    expect(roomLoaded(d)).toBe(false);
    expect(rowsOf(d, attachmentId)).toEqual([]);
    expect(fs.existsSync(fileOf(d, attachmentId, 1))).toBe(false);
    // The cards still on the board kept theirs: the store's copy of the document was read whole.
    expect(rowsOf(d, kept.attachmentId)).toEqual([[1, null]]);
  });

  it('are swept again on the timer until stop(), which ends it', async () => {
    const timed = sweeperOf(d, clock, 0);
    const cardId = await newCard(d, 'Badge');
    const attachmentId = await draft(d, cardId);
    await removeCard(d, cardId);
    timed.start(20);
    // The start-up pass marks, a later pass on the timer deletes (no grace).
    await waitFor('the timer to delete the draft', () => rowsOf(d, attachmentId).length === 0);
    await timed.stop();

    const later = await newCard(d, 'Sticker two');
    const untouched = await draft(d, later);
    await removeCard(d, later);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rowsOf(d, untouched)).toEqual([[1, null]]);
  });

  it('of a board without a stored document are left unmarked, and the board is reported', async () => {
    if (!(d.server.store instanceof SqliteDocStore)) throw new Error('The fixture runs on SQLite.');
    const store = SqliteAttachmentStore.over(d.server.store);
    // Rows whose board's document is gone (its deletion failed half-way): nothing says which cards were.
    const row = { boardId: 'lost-board', attachmentId: 'a1', v: 1, cardId: 'c1', name: 'x.png' };
    await store.addVersion({
      ...row,
      type: 'image/png',
      size: 1,
      sha256: '00',
      uploadedBy: 'u',
      createdAt: 1
    });
    try {
      expect(await sweeper.sweep()).toMatchObject({ removed: 0, failed: 1 });
      expect(await store.listAttachments('lost-board')).toEqual([
        { attachmentId: 'a1', cardId: 'c1', orphanedAt: null }
      ]);
      expect(d.server.log.find('attachment sweep skipped a board without a document')).toEqual({
        board: 'lost-board'
      });
    } finally {
      await store.removeBoard('lost-board');
    }
  });
});

describe('uploads a crash left in .incoming/', () => {
  const tmp = tempDir();
  const incoming = path.join(tmp.dir, 'attachments', '.incoming');
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600 * 1000);
  afterAll(() => tmp.cleanup());

  it('are removed when the server starts if older than an hour; newer files and folders stay', async () => {
    fs.mkdirSync(path.join(incoming, 'not-a-file'), { recursive: true });
    for (const [name, age] of [
      ['crashed-1', 2],
      ['crashed-2', 30],
      ['in-flight', 0]
    ] as const) {
      fs.writeFileSync(path.join(incoming, name), PNG);
      fs.utimesSync(path.join(incoming, name), hoursAgo(age), hoursAgo(age));
    }
    const server = await startTestServer(tmp.dir);
    try {
      const logged = await waitFor('the start-up clean-up', () => server.log.find('stale uploads removed'));
      expect(logged).toEqual({ files: 2 });
      expect(fs.readdirSync(incoming).sort()).toEqual(['in-flight', 'not-a-file']);
    } finally {
      await server.stop();
    }
  });
});
