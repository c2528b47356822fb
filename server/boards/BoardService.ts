import type * as Y from 'yjs';
import { LIMITS, initBoard, isBoardId, newId, readMeta, renameBoard, type BoardOrigin } from '#lib/board';
import { cleanName } from '#lib/board/transact';
import {
  BLANK_TEMPLATE_ID,
  boardInitFromTemplate,
  findBuiltinTemplate,
  type BoardTemplate
} from '#lib/templates';
import { BoardRequestError } from './BoardRequestError';
import type { BoardRole } from '#lib/auth/permissions';
import type { RoomManager } from '../rooms/RoomManager';
import type { BoardRecord, DocStore } from '../store/DocStore';

/** Resolves a template id to a template, built-in or the team's own; undefined when there is none. */
export type TemplateLookup = (id: string) => Promise<BoardTemplate | undefined>;

const builtinOnly: TemplateLookup = async (id) => findBuiltinTemplate(id);

/** What the catalogue needs from board membership (MembershipService's store, in production). */
export interface BoardMembers {
  /** Makes a board's creator its owner. */
  addCreator(boardId: string, userId: string): Promise<void>;
  /** The boards a user is on, with their role there. */
  boardsOf(userId: string): Promise<{ boardId: string; role: BoardRole }[]>;
  /** Forgets every membership of a deleted board. */
  removeBoard(boardId: string): Promise<void>;
  /** Gives the boards among `boardIds` that have no member to the first administrator; returns their ids. */
  adoptOrphans(boardIds: readonly string[]): Promise<string[]>;
}

/** A board as the list shows it to one person: the record and their role on it. */
export type BoardListEntry = BoardRecord & { role: BoardRole };

function cleanTitle(title: unknown): string {
  // The board operations' own cleaning: spaces folded, control characters dropped.
  const clean = cleanName(title, LIMITS.boardTitle);
  if (!clean) {
    throw new BoardRequestError(400, 'invalid-title', `A board title is 1–${LIMITS.boardTitle} characters.`);
  }
  return clean;
}

/**
 * The board catalogue: creating, renaming and archiving boards. It keeps the catalogue row (for
 * the board list) and the live document's meta in step, writing the document through the room
 * so connected people see a rename at once.
 */
export class BoardService {
  /** Last catalogue title known per board; a few bytes a board, never a source of truth. */
  private readonly titles = new Map<string, string>();

  constructor(
    private readonly store: DocStore,
    private readonly rooms: RoomManager,
    private readonly findTemplate: TemplateLookup = builtinOnly,
    /** Memberships; absent only in tools that run without accounts (seeding a demo board). */
    private readonly members?: BoardMembers
  ) {}

  /** Every board (the administrator's view and tools); people see `listFor`. */
  list(includeArchived = false): Promise<BoardRecord[]> {
    return this.store.listBoards({ includeArchived });
  }

  /** The boards `userId` is a member of, with their role on each, in the catalogue's order. */
  async listFor(userId: string, includeArchived = false): Promise<BoardListEntry[]> {
    if (!this.members) return [];
    const [boards, memberships] = await Promise.all([
      this.store.listBoards({ includeArchived }),
      this.members.boardsOf(userId)
    ]);
    const roles = new Map(memberships.map((m) => [m.boardId, m.role]));
    return boards.flatMap((board) => {
      const role = roles.get(board.id);
      return role ? [{ ...board, role }] : [];
    });
  }

  /** One board's record; throws a 404 BoardRequestError when there is none. */
  async get(id: string): Promise<BoardRecord> {
    if (!isBoardId(id)) throw new BoardRequestError(404, 'not-found', 'No such board.');
    const board = await this.store.getBoard(id);
    if (!board) throw new BoardRequestError(404, 'not-found', 'No such board.');
    return board;
  }

  /**
   * Creates a board, blank or from a template, with its document initialised. The document gets
   * its own copy of the template's stages and rules: later edits of the template leave it alone.
   */
  async create(input: {
    title: unknown;
    templateId?: unknown;
    creatorId?: string | null;
  }): Promise<BoardRecord> {
    const title = cleanTitle(input.title);
    const templateId =
      typeof input.templateId === 'string' && input.templateId ? input.templateId : BLANK_TEMPLATE_ID;
    const template = await this.findTemplate(templateId);
    if (!template)
      throw new BoardRequestError(400, 'unknown-template', `There is no template "${templateId}".`);
    const id = newId();
    const record = await this.store.createBoard({ id, title, templateId: template.id });
    await this.rooms.change(id, (doc) => initBoard(doc, boardInitFromTemplate(template, title), SERVER));
    if (input.creatorId && this.members) await this.members.addCreator(id, input.creatorId);
    return record;
  }

  /**
   * Deletes a board for good. Memberships go first, so nobody passes the sync upgrade's check
   * again; then the room closes its connections (they may not come back) and the rows go.
   */
  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.members?.removeBoard(id);
    await this.rooms.unloadBoard(id);
    await this.store.deleteBoard(id);
    this.titles.delete(id);
  }

  /** Renames a board in the catalogue and in its live document. */
  async rename(id: string, title: unknown): Promise<BoardRecord> {
    const clean = cleanTitle(title);
    await this.get(id);
    await this.rooms.change(id, (doc) => renameBoard(doc, clean, SERVER));
    this.titles.set(id, clean);
    return (await this.store.updateBoard(id, { title: clean })) as BoardRecord;
  }

  /** Archives or restores a board; archived boards leave the list but keep everything. */
  async setArchived(id: string, archived: boolean): Promise<BoardRecord> {
    await this.get(id);
    return (await this.store.updateBoard(id, { archived })) as BoardRecord;
  }

  /**
   * Gives boards nobody is a member of (made before accounts existed, or the demo board seeded
   * before anyone signed up) to the instance's first administrator; returns how many. Run at
   * start, after seeding, and when the first account is created.
   */
  async adoptOrphans(): Promise<number> {
    if (!this.members) return 0;
    const boards = await this.store.listBoards({ includeArchived: true });
    return (await this.members.adoptOrphans(boards.map((b) => b.id))).length;
  }

  /**
   * Keeps the catalogue title in step when someone renames the board inside the document
   * (the RoomManager calls this after each applied change).
   */
  async mirrorTitle(boardId: string, doc: Y.Doc): Promise<void> {
    const title = readMeta(doc).title;
    // Called after every client update: remembering the last title seen keeps the common case
    // (an edit that is not a rename) free of database reads.
    if (!title || this.titles.get(boardId) === title) return;
    const record = await this.store.getBoard(boardId);
    if (record && record.title !== title) await this.store.updateBoard(boardId, { title });
    this.titles.set(boardId, title);
  }
}

const SERVER: BoardOrigin = { source: 'server' };
