/**
 * Board documents, the board catalogue and team templates behind one interface. Every method is
 * async so a network store (PostgreSQL) fits the same shape as SQLite. Rooms see only its
 * `DocLog` part.
 */
import type { BoardSummary } from '#lib/board/summary';
import type { BoardTemplate } from '#lib/templates/types';
import type { DocLog } from './DocLog';

export type { StoredDoc } from './DocLog';

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

/** The board list's rows, without loading any document. */
export interface BoardCatalogue {
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
}

/** Team templates as stored; their rules are TemplateService's. */
export interface TemplateCatalogue {
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
}

export interface DocStore extends DocLog, BoardCatalogue, TemplateCatalogue {
  /** Flushes and releases the underlying database. */
  close(): Promise<void>;
}
