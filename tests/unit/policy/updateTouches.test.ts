import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  addCard,
  archiveCard,
  deleteCard,
  initBoard,
  readStages,
  setCardTitle,
  setChecklistItemDone
} from '#lib/board';
import { touchesOf, type Touch } from '#server/policy/updateTouches';
import { edit, replica } from '../../helpers/yjs';

/** What an update that changes nothing leaves: no key written or deleted, no text changed. */
const NO_EFFECTS = expect.objectContaining({ keys: [], texts: [] });

/** A server document with three stages (the first seeds a checklist item) and one card in it. */
function fixture() {
  const server = new Y.Doc();
  initBoard(
    server,
    {
      title: 'Launch',
      stages: [{ name: 'Draft', checklist: [{ key: 'a', text: 'Copy' }] }, { name: 'Done' }]
    },
    SERVER_ORIGIN
  );
  const [draft, done] = readStages(server).map((s) => s.id) as [string, string];
  const card = addCard(server, { stageId: draft, title: 'Hello world', id: 'c1' }, SERVER_ORIGIN);
  return { server, draft, done, card, item: `${draft}.a` };
}

/** The touches of an update that must resolve, checking on the way that reading it changed nothing. */
function touches(server: Y.Doc, update: Uint8Array): Touch[] {
  const before = Y.encodeStateAsUpdate(server);
  const result = touchesOf(server, update);
  expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  if (!result.ok) throw new Error(`unexpectedly unresolvable: ${result.detail}`);
  return result.touches;
}

const write = (parent: string[], key: string | null, more: Partial<Touch> = {}) =>
  expect.objectContaining({ parent, key, kind: 'write', ...more });
const del = (parent: string[], key: string | null) =>
  expect.objectContaining({ parent, key, kind: 'delete' });

describe('reading what an update touches', () => {
  it('sees characters typed at the end of a title as one write to that text', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const update = edit(client, () => setCardTitle(client, card, 'Hello world, again'));
    expect(touches(server, update)).toEqual([
      { parent: ['cards', card, 'title'], key: null, kind: 'write', content: 'string', newParent: false }
    ]);
  });

  it('places text inserted in the middle by its neighbours on both sides, both in the document', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const update = edit(client, () => setCardTitle(client, card, 'Hello big world'));
    const [struct] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(struct?.origin).toBeInstanceOf(Y.ID);
    expect(struct?.rightOrigin).toBeInstanceOf(Y.ID);
    expect(struct?.parent).toBeNull();
    expect(touches(server, update)).toEqual([write(['cards', card, 'title'], null, { content: 'string' })]);
  });

  it('infers the key of an overwritten map value from the value it replaces', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const update = edit(client, () => archiveCard(client, card));
    const [struct] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(struct?.origin).toBeInstanceOf(Y.ID);
    expect([struct?.parent, struct?.parentSub]).toEqual([null, null]);
    expect(touches(server, update)).toEqual([
      write(['cards', card], 'archived', { content: 'any', value: true }),
      del(['cards', card], 'archived')
    ]);
  });

  it('resolves the fields of a new card, nested maps included, from the update itself', () => {
    const { server, draft, item } = fixture();
    const client = replica(server);
    const update = edit(client, () => addCard(client, { stageId: draft, title: 'New', id: 'c2' }));
    const found = touches(server, update);
    expect(found).toContainEqual(write(['cards'], 'c2', { value: { yType: 'YMap' }, newParent: false }));
    expect(found).toContainEqual(
      write(['cards', 'c2'], 'title', { value: { yType: 'YText' }, newParent: true })
    );
    expect(found).toContainEqual(write(['cards', 'c2', 'title'], null, { newParent: true }));
    expect(found).toContainEqual(write(['cards', 'c2', 'seeded'], draft, { value: true }));
    expect(found).toContainEqual(write(['cards', 'c2', 'checklist'], item, { value: { yType: 'YMap' } }));
    expect(found).toContainEqual(
      write(['cards', 'c2', 'checklist', item], 'text', { value: 'Copy', newParent: true })
    );
    expect(found.every((t) => t.kind === 'write' && t.parent[0] === 'cards')).toBe(true);
  });

  it('sees deleting a card as deleting its key, and its contents with it', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const found = touches(
      server,
      edit(client, () => deleteCard(client, card))
    );
    expect(found).toContainEqual(del(['cards'], card));
    expect(found).toContainEqual(del(['cards', card, 'title'], null));
    expect(found.every((t) => t.kind === 'delete')).toBe(true);
  });

  it('sees ticking a checklist item as writing done in that item', () => {
    const { server, card, item } = fixture();
    const client = replica(server);
    const update = edit(client, () => setChecklistItemDone(client, card, item, true));
    expect(touches(server, update)).toEqual([
      write(['cards', card, 'checklist', item], 'done', { value: true }),
      del(['cards', card, 'checklist', item], 'done')
    ]);
  });

  it('reads several transactions merged into one update', () => {
    const { server, card, item } = fixture();
    const client = replica(server);
    const parts = [
      edit(client, () => setCardTitle(client, card, 'Hello world!')),
      edit(client, () => archiveCard(client, card)),
      edit(client, () => setChecklistItemDone(client, card, item, true))
    ];
    const found = touches(server, Y.mergeUpdates(parts));
    expect(found).toContainEqual(write(['cards', card, 'title'], null));
    expect(found).toContainEqual(write(['cards', card], 'archived', { value: true }));
    expect(found).toContainEqual(write(['cards', card, 'checklist', item], 'done', { value: true }));
  });

  it('resolves an item from a client listed before the client whose text it follows', () => {
    const { server, card } = fixture();
    const [first, second] = [replica(server), replica(server)];
    // Yjs lists clients from the highest id down, so client 2 comes before what it depends on.
    [first.clientID, second.clientID] = [1, 2];
    const typed = edit(first, () => setCardTitle(first, card, 'Hello world!'));
    Y.applyUpdate(second, typed);
    const merged = Y.mergeUpdates([typed, edit(second, () => setCardTitle(second, card, 'Hello world!?'))]);
    expect(Y.decodeUpdate(merged).structs.map((s) => s.id.client)).toEqual([2, 1]);
    expect(touches(server, merged)).toEqual([write(['cards', card, 'title'], null)]);
  });

  it('finds nothing in the empty update, nor in an update the server already has', () => {
    const { server, card } = fixture();
    archiveCard(server, card, true, SERVER_ORIGIN); // so the server's own update carries deletes
    expect(touchesOf(server, new Uint8Array([0, 0]))).toEqual({
      ok: true,
      touches: [],
      inert: false,
      effects: NO_EFFECTS
    });
    expect(touchesOf(server, Y.encodeStateAsUpdate(server))).toEqual({
      ok: true,
      touches: [],
      inert: false,
      effects: NO_EFFECTS
    });
    const client = replica(server);
    const caughtUp = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(touchesOf(server, caughtUp)).toEqual({ ok: true, touches: [], inert: false, effects: NO_EFFECTS });
  });

  it('skips text typed next to characters the server has since garbage-collected', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const update = edit(client, () => setCardTitle(client, card, 'Hello world!'));
    deleteCard(server, card, SERVER_ORIGIN);
    expect(touchesOf(server, update)).toEqual({ ok: true, touches: [], inert: true, effects: NO_EFFECTS });
  });

  it('refuses to guess where an item goes when its neighbour is in neither document nor update', () => {
    const { server, card } = fixture();
    const first = replica(server);
    const second = replica(server);
    Y.applyUpdate(
      second,
      edit(first, () => setCardTitle(first, card, 'Hello world!'))
    );
    const update = edit(second, () => setCardTitle(second, card, 'Hello world!?'));
    const result = touchesOf(server, update);
    expect(result).toMatchObject({ ok: false, reason: 'unresolvable' });
    // Why it must be refused: Yjs would park it and apply it later with someone else's update.
    const copy = replica(server);
    Y.applyUpdate(copy, update);
    expect(copy.store.pendingStructs).not.toBeNull();
  });

  it('refuses an update that skips clocks of its own client', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const first = edit(client, () => setCardTitle(client, card, 'Hello world!'));
    const second = edit(client, () => archiveCard(client, card));
    const third = edit(client, () => setCardTitle(client, card, 'Hello world!!'));
    expect(touchesOf(server, second)).toMatchObject({ ok: false, reason: 'unresolvable' });
    const withHole = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(withHole).structs.some((s) => s instanceof Y.Skip)).toBe(true);
    expect(touchesOf(server, withHole)).toMatchObject({ ok: false, reason: 'unresolvable' });
  });

  it('refuses garbage-collected structs that come after a hole', () => {
    const { server, draft } = fixture();
    const client = replica(server);
    edit(client, () => addCard(client, { stageId: draft, title: 'Sent later', id: 'c8' }));
    const sent = Y.getState(client.store, client.clientID);
    edit(client, () => addCard(client, { stageId: draft, title: 'Gone', id: 'c9' }));
    edit(client, () => deleteCard(client, 'c9'));
    // From just after the card's own item: only its collected contents remain, as GC structs.
    const from = Y.decodeStateVector(Y.encodeStateVector(server)).set(client.clientID, sent + 1);
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(from));
    expect(Y.decodeUpdate(update).structs.every((s) => s instanceof Y.GC)).toBe(true);
    const result = touchesOf(server, update);
    expect(result).toMatchObject({
      ok: false,
      reason: 'unresolvable',
      detail: expect.stringMatching(/skips/)
    });
  });

  it('refuses deletes of ids the server has never seen', () => {
    const { server, draft } = fixture();
    const first = replica(server);
    const second = replica(server);
    Y.applyUpdate(
      second,
      edit(first, () => addCard(first, { stageId: draft, title: 'Unsent', id: 'c9' }))
    );
    const update = edit(second, () => deleteCard(second, 'c9'));
    expect(Y.decodeUpdate(update).structs).toHaveLength(0);
    expect(touchesOf(server, update)).toMatchObject({ ok: false, reason: 'unresolvable' });
    const copy = replica(server);
    Y.applyUpdate(copy, update);
    expect(copy.store.pendingDs).not.toBeNull();
  });

  it('refuses an update that lists one client twice, of which Yjs would apply only the last', () => {
    const { server, card } = fixture();
    const client = replica(server);
    const update = edit(client, () => setCardTitle(client, card, 'Hello world!'));
    // One section and no deletes: [1, ...section, 0]. Write the section twice.
    expect([update[0], update.at(-1)]).toEqual([1, 0]);
    const section = update.slice(1, -1);
    const twice = new Uint8Array([2, ...section, ...section, 0]);
    expect(touchesOf(server, twice)).toMatchObject({ ok: false, reason: 'unresolvable' });
  });

  it('throws on bytes that are not an update', () => {
    const { server } = fixture();
    expect(() => touchesOf(server, new Uint8Array([3, 1, 2]))).toThrow();
  });
});
