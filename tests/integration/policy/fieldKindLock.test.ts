/**
 * A card field's kind is fixed once a card holds a value for it, through the real server: a
 * manager's hand-written update (a stock y-websocket client, skipping defineCardField's own check)
 * that turns a budget cards have filled into a date is refused with UpdateRefused 'invalid', and
 * the server keeps the field a money field. Renaming it, and changing the kind of a field no card
 * has filled, go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_ORIGIN,
  addCard,
  defineCardField,
  readFieldDefs,
  readStages,
  setCardFieldValue
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

describe("a card field's kind once cards hold values, over the WebSocket", () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    const board = await server.services.boards.create({ title: 'Campaign', creatorId: server.owner.id });
    boardId = board.id;
    await server.rooms.change(boardId, (doc) => {
      defineCardField(doc, { name: '预算', alt: 'Budget', kind: 'money' }, 'budget', SERVER_ORIGIN);
      defineCardField(doc, { name: '备注', kind: 'text' }, 'note', SERVER_ORIGIN);
      const card = addCard(doc, { stageId: readStages(doc)[0]!.id, title: '海报' }, SERVER_ORIGIN);
      setCardFieldValue(doc, card, 'budget', 5_000_00, SERVER_ORIGIN);
    });
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const serverField = (id: string) =>
    server.rooms.read(boardId, (doc) => readFieldDefs(doc).find((f) => f.id === id));

  /** The manager writes field `id`'s definition by hand; resolves with the close, or null once the server has it. */
  async function forge(id: string, change: object): Promise<{ code: number; reason: string } | null> {
    const client = await connectClient(await server.member(boardId, 'manager'), boardId);
    try {
      const defs = roots(client.doc).fields;
      const next = { ...(defs.get(id) as object), ...change };
      client.doc.transact(() => defs.set(id, next));
      await waitFor(
        'the refusal or the change',
        async () =>
          client.closes.length > 0 ||
          JSON.stringify(await serverField(id)) === JSON.stringify({ id, ...next })
      );
      return client.closes[0] ?? null;
    } finally {
      client.destroy();
    }
  }

  it("refuses a manager's update that turns a filled budget into a date", async () => {
    expect(await forge('budget', { kind: 'date' })).toEqual({
      code: CloseCode.UpdateRefused,
      reason: 'invalid'
    });
    expect((await serverField('budget'))?.kind).toBe('money');
  });

  it('lets the manager rename the filled budget, keeping its kind', async () => {
    expect(await forge('budget', { name: '预算（元）' })).toBeNull();
    expect(await serverField('budget')).toMatchObject({ name: '预算（元）', kind: 'money' });
  });

  it('lets the manager change the kind of a field no card has filled', async () => {
    expect(await forge('note', { kind: 'link' })).toBeNull();
    expect((await serverField('note'))?.kind).toBe('link');
  });
});
