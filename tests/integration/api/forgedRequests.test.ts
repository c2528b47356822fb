/**
 * Forged requests against the REST API, as enforcement.test.ts and gateBypass.test.ts forge
 * socket messages: oversized bodies, wrong types, unknown fields, ids of another board's cards,
 * stages that do not exist. Each is refused with a code, and the document stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readStages } from '#lib/board';
import { tempDir } from '../helpers/syncHarness';
import { apiFixture, type ApiFixture } from './apiFixture';

type Refusal = { error: { code: string; issues?: { path: string; message: string }[] } };

describe('forged requests to the REST API', () => {
  const tmp = tempDir();
  let f: ApiFixture;
  let token: string;
  let otherCard: string;

  beforeAll(async () => {
    f = await apiFixture(tmp.dir);
    token = (await f.token(f.owner, 'write')).token;
    // A card on another board the same owner may write: its id must still name nothing here.
    const other = await f.server.services.boards.create({ title: 'Other', creatorId: f.owner.user.id });
    await f.server.rooms.change(other.id, (doc) => {
      otherCard = addCard(doc, { stageId: readStages(doc)[0]!.id, title: 'Elsewhere' });
    });
  });

  afterAll(async () => {
    await f.server.stop();
    tmp.cleanup();
  });

  const board = () => `/api/v1/boards/${f.boardId}`;
  const state = () => f.server.rooms.read(f.boardId, (doc) => Y.encodeStateVector(doc).join(','));

  /** Sends the forged call and returns its status and code, checking the document did not change. */
  async function forge(method: string, path: string, body?: unknown): Promise<[number, string, Refusal]> {
    const before = await state();
    const res = await f.call(token, method, path, body);
    const answer = (await res.json()) as Refusal;
    expect(await state()).toBe(before);
    return [res.status, answer.error?.code, answer];
  }

  it('refuses a body over the route limit with 413, chunked or not', async () => {
    const big = { stageId: f.firstStage, title: 'x', description: '长'.repeat(40_000) };
    expect((await forge('POST', `${board()}/cards`, big)).slice(0, 2)).toEqual([413, 'too-large']);
    const chunked = await fetch(`${f.server.url}${board()}/cards/${f.openCard}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ text: 'y'.repeat(40_000) })]).stream(),
      duplex: 'half'
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses wrong types and names where the input went wrong', async () => {
    const [status, code, answer] = await forge('POST', `${board()}/cards`, {
      stageId: f.firstStage,
      title: 5
    });
    expect([status, code]).toEqual([400, 'invalid-request']);
    expect(answer.error.issues?.[0]?.path).toBe('body.title');
    expect(
      (await forge('PATCH', `${board()}/cards/${f.openCard}/checklist/x`, { done: 'yes' })).slice(0, 2)
    ).toEqual([400, 'invalid-request']);
    expect(
      (await forge('POST', `${board()}/cards/${f.openCard}/move`, { stageId: f.firstStage, position: -1 }))[0]
    ).toBe(400);
    expect((await forge('PATCH', `${board()}/cards/${f.openCard}`, { due: '2026-13-45' }))[0]).toBe(400);
    expect((await forge('PATCH', `${board()}/cards/${f.openCard}`, {}))[0]).toBe(400);
    expect((await forge('POST', `${board()}/cards`, '[1,2]'))[1]).toBe('invalid-json');
    expect((await forge('POST', `${board()}/cards`, 'not json'))[1]).toBe('invalid-json');
  });

  it('refuses unknown fields in bodies and queries, and ids of a foreign shape in the path', async () => {
    const [status, , answer] = await forge('PATCH', `${board()}/cards/${f.openCard}`, {
      title: 'ok',
      stageId: f.pastGate
    });
    expect(status).toBe(400);
    expect(answer.error.issues?.[0]?.message).toMatch(/stageId/);
    expect(
      (await forge('POST', `${board()}/cards`, { stageId: f.firstStage, title: 'x', rank: '0' }))[0]
    ).toBe(400);
    expect((await forge('GET', `${board()}/cards?stage=${f.firstStage}`))[0]).toBe(400);
    expect((await forge('GET', `${board()}/cards/${encodeURIComponent('../x')}`))[0]).toBe(400);
  });

  it("refuses another board's card ids and stage ids that do not exist with 404, for reads and writes alike", async () => {
    for (const [method, path, body] of [
      ['GET', `${board()}/cards/${otherCard}`, undefined],
      ['GET', `${board()}/cards/${otherCard}/comments`, undefined],
      ['PATCH', `${board()}/cards/${otherCard}`, { title: 'Taken over' }],
      ['POST', `${board()}/cards/${otherCard}/move`, { stageId: f.firstStage }],
      ['POST', `${board()}/cards/${otherCard}/comments`, { text: 'Hi' }],
      ['POST', `${board()}/cards/${otherCard}/checklist`, { text: 'Do' }],
      ['POST', `${board()}/cards/${otherCard}/archive`, {}],
      ['POST', `${board()}/cards/${f.openCard}/move`, { stageId: 'no-such-stage' }],
      ['POST', `${board()}/cards`, { stageId: 'no-such-stage', title: 'Lost' }],
      ['PATCH', `${board()}/cards/${f.openCard}/checklist/no-such-item`, { done: true }]
    ] as const) {
      expect(`${method} ${path} → ${(await forge(method, path, body)).slice(0, 2).join(' ')}`).toBe(
        `${method} ${path} → 404 not-found`
      );
    }
  });

  it('refuses values the board does not take with 422: an assignee who is no member, a label the board lacks', async () => {
    expect(
      (await forge('PATCH', `${board()}/cards/${f.openCard}`, { assignees: [f.stranger.user.id] })).slice(
        0,
        2
      )
    ).toEqual([422, 'invalid']);
    expect((await forge('PATCH', `${board()}/cards/${f.openCard}`, { labels: ['nolabel'] }))[0]).toBe(404);
    expect((await forge('PATCH', `${board()}/cards/${f.openCard}`, { title: '   ' }))[0]).toBe(422);
  });
});
