/**
 * Persistence behind one interface, so rooms never know which database holds a board.
 * Every method is async so a network store (PostgreSQL) fits the same shape as SQLite.
 */
import type { BoardSummary } from '../../src/lib/board/summary';
import type { BoardTemplate } from '../../src/lib/templates/types';

/** A board as the board list knows it, without loading its document. */
export interface BoardRecord {
  id: string;
  title: string;
  /** Template the board was created from, or null for a blank board. */
  templateId: string | null;
  archived: boolean;
  /**
   * Cards per stage as of the board's last summarised change (server/boards/BoardSummaries.ts),
   * or null for a board not summarised yet.
   */
  summary: BoardSummary | null;
  /** Milliseconds since the epoch; updatedAt moves with every summarised change of the document. */
  createdAt: number;
  updatedAt: number;
}

/** Everything needed to rebuild a board's Y.Doc: apply `snapshot`, then `updates` in order. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /**
   * Seq of the board's last logged update, counting those already folded into the snapshot, so a
   * compacted board with an empty log still reports its snapshot's throughSeq (0 when nothing was ever
   * logged). Seqs are shared by all boards: increasing per board, not consecutive.
   */
  lastSeq: number;
  /** Bytes of snapshot plus logged updates: what the document costs on disk. */
  bytes: number;
}

export interface NewBoard {
  id: string;
  title: string;
  templateId: string | null;
}

export interface BoardPatch {
  title?: string;
  archived?: boolean;
  summary?: BoardSummary;
}

/** A team template as stored. The store keeps `definition` whole and does not check its rules. */
export interface TemplateRecord {
  id: string;
  name: string;
  definition: BoardTemplate;
  /** The board it was saved from, or null. */
  sourceBoardId: string | null;
  /** The account that saved it, or null when unknown (saved before templates had owners). */
  ownerId: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export interface NewTemplate {
  id: string;
  name: string;
  definition: BoardTemplate;
  sourceBoardId: string | null;
  ownerId: string | null;
}

export interface TemplatePatch {
  name?: string;
  definition?: BoardTemplate;
}

export interface DocStore {
  /** Loads a board's snapshot and the updates logged after it; an unknown board yields an empty doc. */
  loadDoc(boardId: string): Promise<StoredDoc>;
  /** Appends one Yjs update to the board's log durably and returns its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces the snapshot and drops logged updates with seq <= throughSeq, in one transaction.
   * Rejects a throughSeq beyond the board's lastSeq; a throughSeq below the stored snapshot's is stale
   * (its updates are gone) and changes nothing.
   */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;

  /** Boards for the board list, newest first; archived ones only when asked. */
  listBoards(options?: { includeArchived?: boolean }): Promise<BoardRecord[]>;
  /** The board's record, or undefined when there is no such board. */
  getBoard(id: string): Promise<BoardRecord | undefined>;
  /** Creates a board record (not archived, both timestamps now); rejects when the id is taken. */
  createBoard(board: NewBoard): Promise<BoardRecord>;
  /** Applies a patch; returns the updated record, or undefined when the board does not exist. */
  updateBoard(id: string, patch: BoardPatch): Promise<BoardRecord | undefined>;
  /** Deletes the board record, its snapshot and its update log. */
  deleteBoard(id: string): Promise<void>;

  /**
   * Team templates, most recently updated first. A stored definition that no longer parses is
   * left out (here and in getTemplate) rather than failing the whole list.
   */
  listTemplates(): Promise<TemplateRecord[]>;
  /** The template's record, or null when there is none (or its definition cannot be read). */
  getTemplate(id: string): Promise<TemplateRecord | null>;
  /** Stores a template (both timestamps now); rejects when the id is taken. */
  createTemplate(template: NewTemplate): Promise<TemplateRecord>;
  /** Applies a patch and bumps updatedAt; returns the updated record, or null when there is none. */
  updateTemplate(id: string, patch: TemplatePatch): Promise<TemplateRecord | null>;
  /** Deletes a template; true when there was one. */
  deleteTemplate(id: string): Promise<boolean>;

  /** Flushes and releases the underlying database. */
  close(): Promise<void>;
}
