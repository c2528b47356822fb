/**
 * Imports a Trello export or a CSV file as a new board. `prepare` reads and plans everything
 * before anything exists, so a bad file is refused with nothing created; `build` then makes the
 * board in steps on a scratch document, reporting progress between them, and hands the room the
 * finished state as one update: the board's log holds the import as one change, and if anything
 * fails after the board's row exists, the board is deleted again.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { importCards, newId, startImport, SERVER_ORIGIN, type BoardInit } from '#lib/board';
import type { BoardTemplate } from '#lib/templates';
import { boardInitFromTemplate } from '#lib/templates';
import { readCsv, planCsv } from '#lib/transfer/csv-import';
import { type ImportCandidate, type ImportTarget, type PlannedImport } from '#lib/transfer/import-plan';
import { ImportProblem } from '#lib/transfer/import-problem';
import { planTrello, readTrelloExport } from '#lib/transfer/trello';
import type { PublicUser } from '../auth/AuthService';
import type { MemberView } from '../auth/MembershipService';
import type { BoardRole } from '#lib/auth/permissions';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { errorMessage, type Logger } from '../log';
import { isRequestError } from '../RequestError';
import { ImportRequestError } from './ImportRequestError';
import { readImportRequest, type ImportRequest } from './importRequest';

/** Cards built per step: small enough that progress moves, large enough that steps stay cheap. */
const STEP_CARDS = 10;
/** Boards read for the people an importer may map to: the people they work with. */
const BOARDS_FOR_PEOPLE = 200;

/** What the import needs of memberships (MembershipService in production). */
export interface ImportMembers {
  boardsOf(userId: string): Promise<{ boardId: string; role: BoardRole }[]>;
  list(actorId: string, boardId: string): Promise<MemberView[]>;
  addCreator(boardId: string, userId: string): Promise<void>;
  add(actorId: string, boardId: string, input: { email: string; role: BoardRole }): Promise<unknown>;
}

export interface ImportDeps {
  store: DocStore;
  rooms: RoomManager;
  members: ImportMembers;
  findTemplate: (id: string) => Promise<BoardTemplate | undefined>;
  /** Deletes a board and everything of it (BoardService.delete): an import that failed half way. */
  deleteBoard: (id: string) => Promise<void>;
  maxDocBytes: number;
  log: Logger;
}

/** A checked, planned import, ready to build. */
export interface PreparedImport extends PlannedImport {
  template: BoardTemplate | null;
  candidates: ImportCandidate[];
}

export interface ImportProgress {
  phase: 'build' | 'save';
  done: number;
  total: number;
}

export class ImportService {
  constructor(private readonly deps: ImportDeps) {}

  /** The accounts `user` may map a person to: themself and everyone on a board with them. */
  async candidates(user: PublicUser): Promise<ImportCandidate[]> {
    const found = new Map<string, ImportCandidate>([
      [user.id, { userId: user.id, name: user.name, email: user.email }]
    ]);
    const boards = (await this.deps.members.boardsOf(user.id)).slice(0, BOARDS_FOR_PEOPLE);
    for (const { boardId } of boards) {
      for (const m of await this.deps.members.list(user.id, boardId)) {
        if (!found.has(m.userId)) found.set(m.userId, { userId: m.userId, name: m.name, email: m.email });
      }
    }
    return [...found.values()];
  }

  /** Reads the request and plans the board; throws an ImportRequestError, creating nothing. */
  async prepare(user: PublicUser, body: Uint8Array): Promise<PreparedImport> {
    const request = readImportRequest(body);
    const template = request.options.templateId
      ? await this.deps.findTemplate(request.options.templateId)
      : null;
    if (request.options.templateId && !template) {
      throw new ImportRequestError(400, 'bad-target', `No template ${request.options.templateId}.`);
    }
    const target: ImportTarget = {
      title: request.options.title,
      template: template ? { id: template.id, stages: template.stages.map((s) => s.name['zh-CN']) } : null,
      stageFor: request.options.stageFor
    };
    const candidates = await this.candidates(user);
    try {
      return { ...plan(request, target, candidates), template: template ?? null, candidates };
    } catch (e) {
      if (e instanceof ImportProblem) throw new ImportRequestError(400, e.code, e.message, e.detail);
      throw e;
    }
  }

  /** Builds the prepared board for `user` (its owner) and returns it; on failure no board is left. */
  async build(
    user: PublicUser,
    prepared: PreparedImport,
    progress: (p: ImportProgress) => void = () => {}
  ): Promise<{ id: string; title: string }> {
    try {
      return await this.#build(user, prepared, progress);
    } catch (e) {
      if (!isRequestError(e)) this.deps.log.error('import failed', { user: user.id, error: errorMessage(e) });
      throw e;
    }
  }

  async #build(
    user: PublicUser,
    prepared: PreparedImport,
    progress: (p: ImportProgress) => void
  ): Promise<{ id: string; title: string }> {
    const { plan, template } = prepared;
    const scratch = new Y.Doc();
    const init: BoardInit = template
      ? boardInitFromTemplate(template, plan.title)
      : { title: plan.title, stages: plan.stages.map((name) => ({ name })) };
    const ids = startImport(scratch, init, plan.labels, SERVER_ORIGIN);
    const total = plan.cards.length;
    progress({ phase: 'build', done: 0, total });
    for (let done = 0; done < total;) {
      const step = plan.cards.slice(done, done + STEP_CARDS);
      importCards(scratch, ids, step, user.id, SERVER_ORIGIN);
      done += step.length;
      progress({ phase: 'build', done, total });
      // Lets the progress line go out and other requests run between steps.
      await nextTurn();
    }
    const update = Y.encodeStateAsUpdate(scratch);
    if (update.byteLength > this.deps.maxDocBytes) {
      throw new ImportRequestError(413, 'too-big', 'The board would be too big.', {
        max: this.deps.maxDocBytes
      });
    }
    progress({ phase: 'save', done: total, total });
    const id = newId();
    await this.deps.store.createBoard({ id, title: plan.title, templateId: template?.id ?? null });
    try {
      await this.deps.members.addCreator(id, user.id);
      // One room change: Yjs joins applyUpdate's transaction to the room's, so one update is logged.
      await this.deps.rooms.change(id, (doc) => Y.applyUpdate(doc, update), 'import');
      const emails = new Map(prepared.candidates.map((c) => [c.userId, c.email]));
      for (const userId of plan.members) {
        const email = emails.get(userId);
        if (userId !== user.id && email) await this.deps.members.add(user.id, id, { email, role: 'editor' });
      }
    } catch (e) {
      await this.deps.deleteBoard(id);
      throw e;
    }
    return { id, title: plan.title };
  }
}

function plan(request: ImportRequest, target: ImportTarget, candidates: ImportCandidate[]): PlannedImport {
  if (request.source === 'trello') {
    const { closedLists, people } = request.options;
    return planTrello(readTrelloExport(request.file), { target, closedLists, people, candidates });
  }
  const { columns, defaultStage } = request.options;
  const table = readCsv(new TextEncoder().encode(request.file));
  if (table.headers.length !== columns.length) {
    throw new ImportProblem('bad-request', 'The columns chosen do not match the file.');
  }
  return planCsv(table, { columns, target, defaultStage: defaultStage || '—', candidates });
}
