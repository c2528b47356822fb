/**
 * Recurring plans are the manager's (src/lib/board/fields.ts, root `recurring`): over the
 * WebSocket, with real clients of each role on a real server, a rule written through the board
 * operation lands for owners and managers and is refused (UpdateRefused, not applied) for
 * everyone else, and a rule written by hand past the cleaner is refused even for the owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ROLES, type BoardRole } from '#lib/auth/permissions';
import { readRecurringRules, setRecurringRule, type RecurringRule } from '#lib/board';
import { roots } from '#lib/board/schema';
import { CloseCode } from '#server/protocol';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type SyncTarget,
  type TestServer
} from '../helpers/syncHarness';

const rule: RecurringRule = {
  title: '周报',
  every: { kind: 'weekly', weekday: 5 },
  nonWorking: 'before',
  leadDays: 1,
  paused: false
};

/** Hand-written rules no client operation would send. */
const FORGED: Record<string, unknown> = {
  'a lead time past the limit': { ...rule, leadDays: 999 },
  'a stage the board does not have': { ...rule, stageId: 'no-such-stage' },
  'an unknown field riding along': { ...rule, script: '<img>' },
  'a weekday that is not one': { ...rule, every: { kind: 'weekly', weekday: 8 } }
};

describe('recurring plans over the WebSocket', () => {
  const tmp = tempDir();
  let server: TestServer;
  let boardId: string;
  const people = new Map<BoardRole, SyncTarget>();

  beforeAll(async () => {
    server = await startTestServer(tmp.dir);
    boardId = (await server.services.boards.create({ title: 'Plans', creatorId: server.owner.id })).id;
    people.set('owner', server);
    for (const role of BOARD_ROLES.filter((r) => r !== 'owner'))
      people.set(role, await server.member(boardId, role));
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const serverRules = () => server.rooms.read(boardId, (doc) => readRecurringRules(doc).length);
  const serverVector = () => server.rooms.read(boardId, (doc) => Y.encodeStateVector(doc));

  /** Sends `write` as `role` and says whether the server applied it. */
  async function attempt(role: BoardRole, write: (doc: Y.Doc) => void): Promise<'applied' | 'refused'> {
    const client = await connectClient(people.get(role)!, boardId);
    try {
      const before = await serverRules();
      const vector = await serverVector();
      write(client.doc);
      const outcome = await waitFor('the outcome', async () => {
        if (client.closes.length > 0) return 'refused' as const;
        return (await serverRules()) !== before ? ('applied' as const) : null;
      });
      if (outcome === 'refused') {
        expect(client.closes[0]?.code).toBe(CloseCode.UpdateRefused);
        expect(await serverVector()).toEqual(vector);
      }
      return outcome;
    } finally {
      client.destroy();
    }
  }

  for (const role of BOARD_ROLES) {
    const allowed = role === 'owner' || role === 'manager';
    it(`${role}: adding a recurring plan is ${allowed ? 'applied' : 'refused'}`, async () => {
      expect(await attempt(role, (doc) => void setRecurringRule(doc, null, rule))).toBe(
        allowed ? 'applied' : 'refused'
      );
    });
    it(`${role}: a forged recurring plan is refused`, async () => {
      for (const value of Object.values(FORGED)) {
        const outcome = await attempt(role, (doc) =>
          doc.transact(() => roots(doc).recurring.set('forged', value))
        );
        expect(outcome).toBe('refused');
      }
    });
  }
});
