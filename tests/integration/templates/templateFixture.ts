import { afterEach, beforeEach } from 'vitest';
import { getServices, type Services } from '../../../server/services';
import {
  SERVER_ORIGIN,
  readBoard,
  readStages,
  renameStage,
  setStageRules,
  type BoardView
} from '../../../src/lib/board';
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

/** A test server on a SQLite file of its own, which a test may restart on the same file. */
export class TemplateServer {
  #tmp: ReturnType<typeof tempDir> | null = null;
  /** The server running now, and its services (new ones after a restart). */
  server!: TestServer;
  services!: Services;

  /** Starts a server on a new, empty data folder. */
  async open(): Promise<void> {
    this.#tmp = tempDir();
    await this.#start();
  }

  async #start(): Promise<void> {
    this.server = await startTestServer(this.#tmp!.dir);
    this.services = getServices();
  }

  /** Stops the server and starts another on the same file. */
  async restart(): Promise<void> {
    await this.server.stop();
    await this.#start();
  }

  board(id: string): Promise<BoardView> {
    return this.services.rooms.read(id, readBoard);
  }

  /** A design-review board with one stage renamed and one stage's rules changed, as a team would. */
  async customisedBoard(): Promise<string> {
    const { rooms, boards } = this.services;
    const { id } = await boards.create({ title: 'Spring poster', templateId: 'design-review' });
    const stages = await rooms.read(id, readStages);
    await rooms.change(id, (doc) => renameStage(doc, stages[1]!.id, '创意方案', SERVER_ORIGIN));
    await rooms.change(id, (doc) =>
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
  }

  /** The team template "Poster", saved by SAVER from a new customisedBoard. */
  async posterTemplate() {
    const boardId = await this.customisedBoard();
    return this.services.templates.saveFromBoard({ owner: SAVER, boardId, name: 'Poster' });
  }

  async close(): Promise<void> {
    await this.server.stop();
    this.#tmp?.cleanup();
    this.#tmp = null;
  }
}

/** One TemplateServer for the calling suite, opened afresh before each of its tests and closed after. */
export function templateServerPerTest(): TemplateServer {
  const f = new TemplateServer();
  beforeEach(() => f.open());
  afterEach(() => f.close());
  return f;
}
