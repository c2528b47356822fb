/**
 * Issue 14, failure 2: thousands of one-character edits at the start of a card title, each its
 * own update, made the server re-read the whole title twice per update to derive activity, so
 * the flood cost the square of its length and stalled every board. The rule protected here: the
 * activity an update makes costs work bounded by the update, not by the texts it touches. It is
 * counted, not timed: every whole-title read goes through server/audit/textReads.ts, which counts
 * the Yjs items it walks (the deleted ones Yjs keeps in the list too).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addChecklistItem, readStages, setChecklistItemDone } from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';
import { textItemsWalked } from '#server/audit/textReads';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

/** Keystroke pairs: a character typed at the start, then the one typed before it deleted. */
const PAIRS = 1_500;

describe('activity derived from a flood of title keystrokes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let client: TestClient;
  let boardId: string;
  let cardId: string;

  beforeEach(async () => {
    tmp = tempDir();
    // No budget to speak of: this is about the work each update costs, so every one must arrive
    // as its own update (the budget would slow the flood, then have it resent as one merged update).
    server = await startTestServer(tmp.dir, {
      syncMessagesPerSecond: 1_000_000,
      syncMessageBurst: 1_000_000
    });
    boardId = (await server.services.boards.create({ title: 'Flood', creatorId: server.owner.id })).id;
    const editor = await server.member(boardId, 'editor', 'Typist');
    client = await connectClient(editor, boardId);
    cardId = addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: 'Poster' });
    await waitFor('the card on the server', () =>
      server.rooms.read(boardId, (d) => roots(d).cards.has(cardId))
    );
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  const title = () => roots(client.doc).cards.get(cardId)?.get(CardKey.title) as Y.Text;
  const serverTitle = () =>
    server.rooms.read(boardId, (d) => String(roots(d).cards.get(cardId)?.get(CardKey.title) ?? ''));
  /** Items of a title's list, deleted ones included: what one whole read walks. */
  const itemsOf = (doc: Y.Doc) => {
    let n = 0;
    const text = roots(doc).cards.get(cardId)?.get(CardKey.title) as Y.Text;
    for (let item = text._start; item; item = item.right) n++;
    return n;
  };
  const serverTitleItems = () => server.rooms.read(boardId, itemsOf);

  /**
   * Types PAIRS characters at the start of the title, each its own update, deleting the one typed
   * before, so the visible title stays short (within any title limit) while its list of items
   * grows by one per pair; `between` runs after each pair.
   */
  async function flood(between: (i: number) => void = () => {}) {
    for (let i = 0; i < PAIRS; i++) {
      title().insert(0, 'x');
      if (i > 0) title().delete(1, 1);
      between(i);
    }
    // The last update is a delete: the title reads 'xPoster' only once it has arrived.
    await waitFor(
      'the flood on the server',
      async () => (await serverTitle()) === 'xPoster' && (await serverTitleItems()) === itemsOf(client.doc),
      60_000
    );
  }

  it('reads a title typed in thousands of updates a bounded number of times, and logs one rename', async () => {
    const before = textItemsWalked();
    await flood();
    // Releases the rename held while its author types (renameBursts.ts) and writes the log.
    await server.services.activity.flush();
    const walked = textItemsWalked() - before;
    const items = await serverTitleItems();
    expect(items).toBeGreaterThan(PAIRS);
    // A few whole reads of the final title, however many updates made it: linear, not quadratic.
    expect(walked).toBeLessThanOrEqual(3 * items);
    const renames = (await server.services.activity.list(boardId, { cardId })).filter(
      (e) => e.kind === 'card.renamed'
    );
    expect(renames.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'Poster', title: 'xPoster' })
    ]);
  });

  it('names the card in entries made while its title is typed without re-reading the title each time', async () => {
    const itemId = addChecklistItem(client.doc, cardId, 'Proofread');
    await waitFor('the item on the server', async () => {
      const entries = await server.services.activity.list(boardId, { cardId });
      return entries.length > 0;
    });
    const before = textItemsWalked();
    // Every tenth pair also ticks or unticks the item: an entry that names the card.
    await flood((i) => {
      if (i % 10 === 9) setChecklistItemDone(client.doc, cardId, itemId, (i / 10) % 2 < 1);
    });
    await server.services.activity.flush();
    const walked = textItemsWalked() - before;
    expect(walked).toBeLessThanOrEqual(3 * (await serverTitleItems()));
    const ticks = (await server.services.activity.list(boardId, { cardId, limit: 200 })).filter((e) =>
      e.kind.startsWith('checklist.')
    );
    expect(ticks).toHaveLength(PAIRS / 10);
  });
});
