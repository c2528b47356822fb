/**
 * What the activity feed records beyond moves and comments: a date set, changed and cleared; a
 * label put on and taken off; the description edited (one entry per person and card while they
 * type); a draft uploaded. A real server over a real SQLite file and a y-websocket client writing
 * through the board operations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '#lib/activity/types';
import { addCard, addLabel, readStages, setCardDate, setCardDescription, setCardLabel } from '#lib/board';
import { roots } from '#lib/board/schema';
import { PNG } from '../attachments/attachmentFixture';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';

describe('the activity feed’s newer kinds', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let client: TestClient;
  let cardId: string;

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    boardId = (await server.services.boards.create({ title: 'Launch', creatorId: server.owner.id })).id;
    client = await connectClient(server, boardId);
    cardId = addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: 'Poster' });
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  /** The card's entries of these kinds, oldest first, once there are `count` of them. */
  const entries = (kinds: readonly ActivityEntry['kind'][], count: number) =>
    waitFor(`${count} × ${kinds.join('/')}`, async () => {
      const list = (await server.services.activity.list(boardId, { cardId }))
        .filter((e) => kinds.includes(e.kind))
        .reverse();
      return list.length >= count ? list : null;
    });

  it('records a date set, changed and cleared, with the days before and after', async () => {
    setCardDate(client.doc, cardId, '2026-12-08');
    setCardDate(client.doc, cardId, '2026-12-10');
    setCardDate(client.doc, cardId, null);
    const dated = await entries(['card.dated'], 3);
    expect(dated.map((e) => [e.data.fromDate, e.data.date])).toEqual([
      [null, '2026-12-08'],
      ['2026-12-08', '2026-12-10'],
      ['2026-12-10', null]
    ]);
    expect(dated[0]).toMatchObject({ userId: server.owner.id, data: { title: 'Poster' } });
  });

  it('records a label put on and taken off, by the name it had', async () => {
    const labelId = addLabel(client.doc, { name: '加急', color: 'red' });
    setCardLabel(client.doc, cardId, labelId);
    setCardLabel(client.doc, cardId, labelId, false);
    const labelled = await entries(['card.labeled', 'card.unlabeled'], 2);
    expect(labelled.map((e) => [e.kind, e.data.label])).toEqual([
      ['card.labeled', '加急'],
      ['card.unlabeled', '加急']
    ]);
  });

  it('records the description typed in many updates as one entry per person and card', async () => {
    for (const text of ['A', 'A2', 'A2 poster', 'A2 poster, matte'])
      setCardDescription(client.doc, cardId, text);
    // A date after the typing is recorded after it: once it is in, every description update was seen.
    setCardDate(client.doc, cardId, '2026-12-08');
    await entries(['card.dated'], 1);
    expect(await entries(['card.described'], 1)).toHaveLength(1);
  });

  it('records an upload and a new draft version with the file’s name', async () => {
    await waitFor('the card on the server', () =>
      server.rooms.read(boardId, (doc) => roots(doc).cards.has(cardId) || null)
    );
    const body = async function* () {
      yield new Uint8Array(PNG);
    };
    const first = await server.services.attachments.upload(server.owner, boardId, cardId, {
      name: 'poster.png',
      body: body()
    });
    await server.services.attachments.upload(server.owner, boardId, cardId, {
      name: 'poster.png',
      body: body(),
      attachmentId: first.attachmentId
    });
    const uploads = await entries(['attachment.uploaded'], 2);
    expect(uploads.map((e) => [e.data.file, e.data.version, e.data.title])).toEqual([
      ['poster.png', 1, 'Poster'],
      ['poster.png', 2, 'Poster']
    ]);
  });
});
