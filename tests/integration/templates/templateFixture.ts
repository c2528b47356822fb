/**
 * What the team-template tests share: a real server on a fresh SQLite file per test, a board a
 * team has customised, the accounts that act, and the refusal a request ends in.
 */
import { afterEach, beforeEach } from 'vitest';
import { getServices, type Services } from '#server/services';
import { SERVER_ORIGIN, readBoard, readStages, renameStage, setStageRules, type BoardView } from '#lib/board';
import type { BoardTemplate } from '#lib/templates';
import { startTestServer, tempDir, type TestServer } from '../helpers/syncHarness';

/** A board's stages and rules by position, in the texts people see: what a template must carry over. */
export function shape(board: BoardView) {
  const position = new Map(board.stages.map((s, i) => [s.id, i]));
  return board.stages.map((s) => ({
    name: s.name,
    department: s.department?.text ?? null,
    checklist: s.checklist.map((c) => c.text),
    gate: s.gate?.approvers.map((a) => `${a.level}: ${a.title}${a.when ? ` (${a.when})` : ''}`) ?? null,
    timeRule: s.timeRule,
    sendBackTo: s.sendBackTo === null ? null : position.get(s.sendBackTo),
    wipLimit: s.wipLimit
  }));
}

/** The account that saves the templates of these tests (their owner), a colleague, and an administrator. */
export const SAVER = { id: 'u-saver', isAdmin: false };
export const COLLEAGUE = { id: 'u-colleague', isAdmin: false };
export const ADMIN = { id: 'u-admin', isAdmin: true };

/** The refusal a promise ends in, as the API would answer it (one helper for every service's refusals). */
export { refusal } from '../helpers/refusal';

/** The server of the current test; `services` changes when it restarts. */
export interface TemplateServer {
  readonly server: TestServer;
  readonly services: Services;
  /** The board as its live room holds it. */
  board: (id: string) => Promise<BoardView>;
  /** A design-review board with one stage renamed and one stage's rules changed, as a team would. */
  customisedBoard: () => Promise<string>;
  /** A team template named `name`, saved by SAVER from a fresh customised board. */
  savedTemplate: (name: string) => Promise<BoardTemplate>;
  /** Stops the server and starts it again on the same SQLite file. */
  restart: () => Promise<void>;
}

/** Starts a server on a fresh SQLite file before each test of the calling suite, and stops it after. */
export function useTemplateServer(): TemplateServer {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let services: Services;

  const start = async () => {
    server = await startTestServer(tmp.dir);
    services = getServices();
  };

  beforeEach(async () => {
    tmp = tempDir();
    await start();
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const fixture: TemplateServer = {
    get server() {
      return server;
    },
    get services() {
      return services;
    },
    board: (id) => services.rooms.read(id, readBoard),
    customisedBoard: async () => {
      const { id } = await services.boards.create({ title: 'Spring poster', templateId: 'design-review' });
      const stages = await services.rooms.read(id, readStages);
      await services.rooms.change(id, (doc) => renameStage(doc, stages[1]!.id, '创意方案', SERVER_ORIGIN));
      await services.rooms.change(id, (doc) =>
        setStageRules(
          doc,
          stages[3]!.id,
          {
            timeRule: { kind: 'stage-days', days: 5, working: true },
            gate: { approvers: [{ title: '设计总监', titleAlt: 'Design director', level: 'director' }] }
          },
          SERVER_ORIGIN
        )
      );
      return id;
    },
    savedTemplate: async (name) =>
      services.templates.saveFromBoard({ owner: SAVER, boardId: await fixture.customisedBoard(), name }),
    restart: async () => {
      await server.stop();
      await start();
    }
  };
  return fixture;
}
