import * as Y from 'yjs';
import {
  LIMITS,
  PortableError,
  exportDocument,
  importDocument,
  newId,
  readMeta,
  type BoardOrigin
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { cleanName } from '#lib/board/transact';
import { summarizeBoard } from '#lib/board/summary';
import type { BoardAction, BoardRole } from '#lib/auth/permissions';
import type { AuditEvent, AuditStore } from '../audit/AuditStore';
import { BoardRequestError } from '../boards/BoardRequestError';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import {
  BOARD_FORMAT,
  BOARD_FORMAT_VERSION,
  parseBoardFile,
  type BoardFile,
  type PortableActivity
} from './boardFile';
import { TransferRequestError } from './TransferRequestError';

/** What the transfer needs of memberships (MembershipService, in production). */
export interface TransferMembers {
  require(actorId: string | null, boardId: string, action: BoardAction): Promise<BoardRole>;
  list(actorId: string | null, boardId: string): Promise<{ userId: string; name: string }[]>;
  addCreator(boardId: string, userId: string): Promise<void>;
  removeBoard(boardId: string): Promise<void>;
}

export interface BoardTransferDeps {
  docs: DocStore;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  audit: AuditStore;
  members: TransferMembers;
  now?: () => number;
}

/** Audit rows read per query while exporting a log: bounded memory per step, few round trips. */
const ACTIVITY_PAGE = 2_000;
const IMPORT_ORIGIN: BoardOrigin = { source: 'server', reason: 'import' };

/**
 * Board export as a lossless JSON file and its re-import as a new board (issue 19). The export
 * reads the live document (an open room's, else the store's) and the whole audit log; the
 * import builds the document in a throwaway Y.Doc first, so a bad file is refused before any row
 * exists, then writes catalogue row, document, log and ownership, undoing them all on failure.
 */
export class BoardTransfer {
  constructor(private readonly deps: BoardTransferDeps) {}

  /** The board as a BoardFile, for a member who may read it; 403/404 as the board routes answer. */
  async exportBoard(userId: string, boardId: string): Promise<BoardFile> {
    const { members, docs, rooms } = this.deps;
    await members.require(userId, boardId, 'read');
    const record = await docs.getBoard(boardId);
    const document = record ? await readDocOnce(rooms, docs, boardId, exportDocument) : null;
    if (!record || !document) throw new BoardRequestError(404, 'not-found', 'No such board.');
    const people = (await members.list(userId, boardId)).map((m) => ({ id: m.userId, name: m.name }));
    return {
      format: BOARD_FORMAT,
      version: BOARD_FORMAT_VERSION,
      exportedAt: new Date((this.deps.now ?? Date.now)()).toISOString(),
      board: {
        id: record.id,
        title: record.title,
        templateId: record.templateId,
        archived: record.archived,
        createdAt: record.createdAt
      },
      people,
      document,
      activity: await this.activityOf(boardId)
    };
  }

  /** A board's whole audit log, oldest first, without install-local row ids. */
  async activityOf(boardId: string): Promise<PortableActivity[]> {
    const pages: AuditEvent[][] = [];
    let before: number | undefined;
    for (;;) {
      const page = await this.deps.audit.list(boardId, { limit: ACTIVITY_PAGE, before });
      pages.push(page);
      if (page.length < ACTIVITY_PAGE) break;
      before = page[page.length - 1]!.id;
    }
    return pages
      .flat()
      .reverse()
      .map(({ at, userId, kind, cardId, data }) => ({ at, userId, kind, cardId, data }));
  }

  /**
   * Creates a new board from an uploaded board file, owned by `userId`: the same document field
   * by field and the same activity log. Ids inside the document (cards, comments' authors,
   * assignees, approvers) are kept as they are; see server/transfer/README.md for why.
   */
  async importBoard(userId: string, raw: unknown): Promise<{ id: string; title: string }> {
    const file = parseBoardFile(raw);
    const doc = new Y.Doc();
    try {
      buildDocument(doc, file);
      const title =
        cleanName(readMeta(doc).title, LIMITS.boardTitle) ?? cleanName(file.board.title, LIMITS.boardTitle);
      if (!title) throw new TransferRequestError(400, 'invalid-document', 'The board has no title.');
      return await this.store(userId, doc, title, file);
    } finally {
      doc.destroy();
    }
  }

  private async store(userId: string, doc: Y.Doc, title: string, file: BoardFile) {
    const { docs, audit, members } = this.deps;
    const id = newId();
    const templateId =
      file.board.templateId && file.board.templateId.length <= 100 ? file.board.templateId : null;
    await docs.createBoard({ id, title, templateId });
    try {
      await docs.appendUpdate(id, Y.encodeStateAsUpdate(doc));
      if (file.activity.length > 0) await audit.append(file.activity.map((a) => ({ ...a, boardId: id })));
      await docs.updateBoard(id, { summary: summarizeBoard(doc) });
      await members.addCreator(id, userId);
    } catch (error) {
      // No half board: whatever was written goes again, then the first failure is reported.
      await members.removeBoard(id).catch(() => undefined);
      await audit.removeBoard(id).catch(() => undefined);
      await docs.deleteBoard(id).catch(() => undefined);
      throw error;
    }
    return { id, title };
  }
}

/** Fills `doc` from the file's document and checks it is a board; refusals as TransferRequestError. */
function buildDocument(doc: Y.Doc, file: BoardFile): void {
  try {
    importDocument(doc, file.document, IMPORT_ORIGIN);
  } catch (error) {
    if (error instanceof PortableError)
      throw new TransferRequestError(
        error.code === 'document-too-large' ? 413 : 400,
        error.code,
        error.message
      );
    throw error;
  }
  const bad = (message: string) => new TransferRequestError(400, 'invalid-document', message);
  for (const name of ['meta', 'stages', 'cards'] as const) {
    const type = doc.share.get(name);
    if (!(type instanceof Y.Map)) throw bad(`The document has no ${name} map.`);
  }
  const { stages, cards } = roots(doc);
  if (stages.size === 0) throw bad('The board has no stage.');
  for (const [stageId, stage] of stages) {
    if (!(stage instanceof Y.Map)) throw bad(`stages.${stageId} is not a map.`);
  }
  for (const [cardId, card] of cards) {
    if (!(card instanceof Y.Map)) throw bad(`cards.${cardId} is not a map.`);
    const stageId = card.get('stageId');
    if (typeof stageId !== 'string' || !stages.has(stageId))
      throw bad(`cards.${cardId} stands in no stage of the board.`);
  }
}
