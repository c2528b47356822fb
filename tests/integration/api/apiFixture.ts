/**
 * A real server on port 0 (SQLite file, real sockets) serving the REST API v1, the token routes,
 * the approve route and /api/openapi.json through the real `handle` hook, with a board made from
 * the design-review template (a gated stage with a card in it, a card in the first stage) and
 * people in each role, for the token tests.
 */
import { addCard, readStages } from '#lib/board';
import type { BoardRole } from '#lib/auth/permissions';
import type { PublicUser } from '#server/auth/AuthService';
import * as approveApi from '#src/routes/api/boards/[id]/cards/[cardId]/approve/+server';
import * as tokensApi from '#src/routes/api/account/tokens/+server';
import * as tokenApi from '#src/routes/api/account/tokens/[tokenId]/+server';
import * as openapi from '#src/routes/api/openapi.json/+server';
import * as boards from '#src/routes/api/v1/boards/+server';
import * as board from '#src/routes/api/v1/boards/[id]/+server';
import * as cards from '#src/routes/api/v1/boards/[id]/cards/+server';
import * as cardOne from '#src/routes/api/v1/boards/[id]/cards/[cardId]/+server';
import * as archive from '#src/routes/api/v1/boards/[id]/cards/[cardId]/archive/+server';
import * as move from '#src/routes/api/v1/boards/[id]/cards/[cardId]/move/+server';
import * as comments from '#src/routes/api/v1/boards/[id]/cards/[cardId]/comments/+server';
import * as checklist from '#src/routes/api/v1/boards/[id]/cards/[cardId]/checklist/+server';
import * as item from '#src/routes/api/v1/boards/[id]/cards/[cardId]/checklist/[itemId]/+server';
import { svelteRoutes, type Route } from '../helpers/svelteRoutes';
import { startTestServer, type TestServer } from '../helpers/syncHarness';

/** Route id → its module, as SvelteKit would route them. */
const MODULES: Record<string, Record<string, unknown>> = {
  '/api/boards/[id]/cards/[cardId]/approve': approveApi,
  '/api/account/tokens': tokensApi,
  '/api/account/tokens/[tokenId]': tokenApi,
  '/api/openapi.json': openapi,
  '/api/v1/boards': boards,
  '/api/v1/boards/[id]': board,
  '/api/v1/boards/[id]/cards': cards,
  '/api/v1/boards/[id]/cards/[cardId]': cardOne,
  '/api/v1/boards/[id]/cards/[cardId]/archive': archive,
  '/api/v1/boards/[id]/cards/[cardId]/move': move,
  '/api/v1/boards/[id]/cards/[cardId]/comments': comments,
  '/api/v1/boards/[id]/cards/[cardId]/checklist': checklist,
  '/api/v1/boards/[id]/cards/[cardId]/checklist/[itemId]': item
};

function routes(): Route[] {
  return Object.entries(MODULES).flatMap(([id, mod]) => {
    const params = [...id.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
    const path = new RegExp(`^${id.replace(/\./g, '\\.').replace(/\[\w+\]/g, '([^/]+)')}$`);
    return ['GET', 'POST', 'PATCH', 'DELETE']
      .filter((method) => typeof mod[method] === 'function')
      .map((method) => ({ method, path, params, run: mod[method] as Route['run'] }));
  });
}

export interface Person {
  user: PublicUser;
  cookie: string;
}

export interface ApiFixture {
  server: TestServer;
  boardId: string;
  /** A card in the gated stage, not approved. */
  gatedCard: string;
  gated: string;
  pastGate: string;
  /** A card in the first stage. */
  openCard: string;
  firstStage: string;
  owner: Person;
  people: Record<Exclude<BoardRole, 'owner'>, Person>;
  /** Someone on no board of ours, with a board of their own. */
  stranger: Person & { boardId: string };
  /** Makes a token as `who` (through the account route, with their cookie); returns it. */
  token(
    who: Person,
    scope: 'read' | 'write',
    expiresInDays?: number | null
  ): Promise<{ token: string; id: string }>;
  /** A request with a bearer token (or a cookie: `{ cookie }`), JSON in and out. */
  call(auth: string | { cookie: string }, method: string, path: string, body?: unknown): Promise<Response>;
}

export async function apiFixture(dataDir: string): Promise<ApiFixture> {
  const server = await startTestServer(dataDir, {}, undefined, { handler: svelteRoutes(routes()) });
  const made = await server.services.boards.create({
    title: 'Spring poster',
    templateId: 'design-review',
    creatorId: server.owner.id
  });
  const boardId = made.id;
  let gated = '';
  let pastGate = '';
  let firstStage = '';
  let gatedCard = '';
  let openCard = '';
  await server.rooms.change(boardId, (doc) => {
    const stages = readStages(doc);
    const at = stages.findIndex((s) => s.gate !== null);
    gated = stages[at]!.id;
    pastGate = stages[at + 1]!.id;
    firstStage = stages[0]!.id;
    gatedCard = addCard(doc, { stageId: gated, title: 'Final poster' });
    openCard = addCard(doc, { stageId: firstStage, title: 'Brief' });
  });
  const person = async (role: BoardRole): Promise<Person> => {
    const { user, cookie } = await server.member(boardId, role);
    return { user, cookie };
  };
  const people = {
    manager: await person('manager'),
    editor: await person('editor'),
    commenter: await person('commenter'),
    viewer: await person('viewer')
  };
  const { user, token } = await server.services.auth.signUp({
    email: 'stranger@harness.test',
    password: 'member-password',
    name: 'Stranger'
  });
  const strangerBoard = await server.services.boards.create({ title: 'Their own', creatorId: user.id });
  const stranger = { user, cookie: `${server.cookie.split('=')[0]}=${token}`, boardId: strangerBoard.id };

  const call: ApiFixture['call'] = (auth, method, path, body) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : { cookie: auth.cookie }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
  return {
    server,
    boardId,
    gatedCard,
    gated,
    pastGate,
    openCard,
    firstStage,
    owner: { user: server.owner, cookie: server.cookie },
    people,
    stranger,
    call,
    token: async (who, scope, expiresInDays = null) => {
      const res = await call({ cookie: who.cookie }, 'POST', '/api/account/tokens', {
        name: `${scope} token`,
        scope,
        expiresInDays
      });
      if (res.status !== 201) throw new Error(`token not made: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { token: string; view: { id: string } };
      return { token: body.token, id: body.view.id };
    }
  };
}
