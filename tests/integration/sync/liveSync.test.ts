import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  startTestServer,
  tempDir,
  text,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';
import { getServices } from '#server/services';

describe('live sync between real y-websocket clients', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir);
    await server.createBoard('board-a');
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    tmp.cleanup();
  });

  it('delivers an edit made in one client to another client of the same board', async () => {
    const alice = await connectClient(server, 'board-a');
    const bob = await connectClient(server, 'board-a');
    clients.push(alice, bob);
    alice.doc.getText('t').insert(0, 'hello from alice');
    await waitFor('bob to see alice', () => text(bob.doc) === 'hello from alice');
    bob.doc.getMap('items').set('c1', 'todo');
    await waitFor('alice to see bob', () => alice.doc.getMap('items').get('c1') === 'todo');
    expect(server.rooms.stats()).toMatchObject({ rooms: 1, connections: 2 });
  });

  it('delivers a write made through rooms.change() to a connected client', async () => {
    const alice = await connectClient(server, 'board-a');
    clients.push(alice);
    await server.rooms.change(
      'board-a',
      (doc) => doc.getMap('approvals').set('card-1', 'approved'),
      'approve'
    );
    await waitFor(
      'the server write to arrive',
      () => alice.doc.getMap('approvals').get('card-1') === 'approved'
    );
    expect(await server.rooms.read('board-a', (doc) => doc.getMap('approvals').get('card-1'))).toBe(
      'approved'
    );
  });

  it('mirrors a title renamed inside the document into the board list', async () => {
    const alice = await connectClient(server, 'board-a');
    clients.push(alice);
    alice.doc.getMap('meta').set('title', 'Renamed in the doc');
    // createServices mirrors client renames into the board list through the onDocChange hook.
    await waitFor(
      'the board list title to follow',
      async () => (await server.store.getBoard('board-a'))?.title === 'Renamed in the doc'
    );
  });

  it('keeps the board list right when a client renames back to a title it had before a server rename', async () => {
    const alice = await connectClient(server, 'board-a');
    clients.push(alice);
    const listed = async () => (await server.store.getBoard('board-a'))?.title;
    alice.doc.getMap('meta').set('title', 'First');
    await waitFor('the first rename to be listed', async () => (await listed()) === 'First');
    await getServices().boards.rename('board-a', 'Second');
    await waitFor(
      'the server rename to reach the client',
      () => alice.doc.getMap('meta').get('title') === 'Second'
    );
    alice.doc.getMap('meta').set('title', 'First');
    await waitFor('the board list to follow the client again', async () => (await listed()) === 'First');
  });

  it('gives every new joiner the whole current document, including changes made after an earlier join', async () => {
    const writer = await connectClient(server, 'board-a');
    clients.push(writer);
    writer.doc.getMap('items').set('one', 1);
    const early = await connectClient(server, 'board-a');
    clients.push(early);
    await waitFor('the first joiner to get the card', () => early.doc.getMap('items').get('one') === 1);
    writer.doc.getMap('items').set('two', 2);
    await waitFor('the change to reach the first joiner', () => early.doc.getMap('items').get('two') === 2);
    // A fresh client sends an empty state vector: its answer must not be a stale cached copy.
    const late = await connectClient(server, 'board-a');
    clients.push(late);
    await waitFor('the late joiner to get both cards', () => late.doc.getMap('items').size === 2);
    expect(late.doc.getMap('items').toJSON()).toEqual({ one: 1, two: 2 });
  });
});
