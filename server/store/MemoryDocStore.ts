import type {
  BoardPatch,
  BoardRecord,
  DocStore,
  NewBoard,
  NewTemplate,
  StoredDoc,
  TemplatePatch,
  TemplateRecord
} from './DocStore';
import { encodeDefinition, templateRecord, type TemplateRow } from './templateJson';
import {
  assertBoardId,
  assertBytes,
  assertNewBoard,
  assertNewTemplate,
  assertPatch,
  assertTemplatePatch,
  assertThroughSeq,
  assertWithinLog,
  StoreInputError
} from './validateInput';

interface LoggedUpdate {
  seq: number;
  update: Uint8Array;
}

/**
 * DocStore in process memory, with the SQLite store's semantics: one seq counter shared by all
 * boards, bytes copied in and out (callers may reuse their buffers), nothing survives the process.
 */
export class MemoryDocStore implements DocStore {
  readonly #boards = new Map<string, BoardRecord>();
  readonly #snapshots = new Map<string, { snapshot: Uint8Array; throughSeq: number }>();
  readonly #logs = new Map<string, LoggedUpdate[]>();
  /** Definitions kept as JSON text, like SQLite's: every read hands out a fresh copy. */
  readonly #templates = new Map<string, TemplateRow>();
  #lastSeq = 0;
  #closed = false;

  /** Loads a board's snapshot and the updates logged after it; an unknown board yields an empty doc. */
  async loadDoc(boardId: string): Promise<StoredDoc> {
    this.#assertOpen();
    assertBoardId(boardId);
    const stored = this.#snapshots.get(boardId);
    const throughSeq = stored?.throughSeq ?? 0;
    const log = (this.#logs.get(boardId) ?? []).filter((entry) => entry.seq > throughSeq);
    let bytes = stored?.snapshot.byteLength ?? 0;
    for (const entry of log) bytes += entry.update.byteLength;
    return {
      snapshot: stored ? stored.snapshot.slice() : null,
      updates: log.map((entry) => entry.update.slice()),
      lastSeq: Math.max(throughSeq, log.at(-1)?.seq ?? 0),
      bytes
    };
  }

  /** Appends one Yjs update to the board's log and returns its seq. */
  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    this.#assertOpen();
    assertBoardId(boardId);
    assertBytes(update, 'update');
    const seq = ++this.#lastSeq;
    const log = this.#logs.get(boardId) ?? [];
    log.push({ seq, update: update.slice() });
    this.#logs.set(boardId, log);
    return seq;
  }

  /** Replaces the snapshot and drops logged updates with seq <= throughSeq; a stale call changes nothing. */
  async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.#assertOpen();
    assertBoardId(boardId);
    assertBytes(snapshot, 'snapshot');
    assertThroughSeq(throughSeq);
    const stored = this.#snapshots.get(boardId);
    const log = this.#logs.get(boardId) ?? [];
    assertWithinLog(throughSeq, Math.max(stored?.throughSeq ?? 0, log.at(-1)?.seq ?? 0));
    if (stored && throughSeq < stored.throughSeq) return;
    this.#snapshots.set(boardId, { snapshot: snapshot.slice(), throughSeq });
    const rest = log.filter((entry) => entry.seq > throughSeq);
    if (rest.length > 0) this.#logs.set(boardId, rest);
    else this.#logs.delete(boardId);
  }

  /** Boards for the board list, newest first; archived ones only when asked. */
  async listBoards(options?: { includeArchived?: boolean }): Promise<BoardRecord[]> {
    this.#assertOpen();
    // Map order is insertion order; reversing it first makes the stable sort break ties newest-first.
    return [...this.#boards.values()]
      .reverse()
      .filter((board) => options?.includeArchived || !board.archived)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((board) => ({ ...board, summary: structuredClone(board.summary) }));
  }

  /** The board's record, or undefined when there is no such board. */
  async getBoard(id: string): Promise<BoardRecord | undefined> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    const board = this.#boards.get(id);
    return board && { ...board, summary: structuredClone(board.summary) };
  }

  /** Creates a board record (not archived, both timestamps now); rejects when the id is taken. */
  async createBoard(board: NewBoard): Promise<BoardRecord> {
    this.#assertOpen();
    assertNewBoard(board);
    if (this.#boards.has(board.id))
      throw new StoreInputError(`A board with id "${board.id}" already exists.`);
    const now = Date.now();
    const record: BoardRecord = {
      id: board.id,
      title: board.title,
      templateId: board.templateId,
      archived: false,
      summary: null,
      createdAt: now,
      updatedAt: now
    };
    this.#boards.set(board.id, record);
    return { ...record };
  }

  /** Applies a patch; returns the updated record, or undefined when the board does not exist. */
  async updateBoard(id: string, patch: BoardPatch): Promise<BoardRecord | undefined> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    assertPatch(patch);
    const board = this.#boards.get(id);
    if (!board) return undefined;
    if (patch.title !== undefined) board.title = patch.title;
    if (patch.archived !== undefined) board.archived = patch.archived;
    if (patch.summary !== undefined) board.summary = structuredClone(patch.summary);
    board.updatedAt = Date.now();
    return { ...board };
  }

  /** Deletes the board record, its snapshot and its update log. */
  async deleteBoard(id: string): Promise<void> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    this.#boards.delete(id);
    this.#snapshots.delete(id);
    this.#logs.delete(id);
  }

  /** Team templates, most recently updated first. */
  async listTemplates(): Promise<TemplateRecord[]> {
    this.#assertOpen();
    // Reversed insertion order first, so the stable sort puts the later-created of a tie first (as rowid does).
    return [...this.#templates.values()]
      .reverse()
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .flatMap((row) => templateRecord(row) ?? []);
  }

  /** The template's record, or null when there is none. */
  async getTemplate(id: string): Promise<TemplateRecord | null> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    const row = this.#templates.get(id);
    return row ? templateRecord(row) : null;
  }

  /** Stores a template (both timestamps now); rejects when the id is taken. */
  async createTemplate(template: NewTemplate): Promise<TemplateRecord> {
    this.#assertOpen();
    assertNewTemplate(template);
    if (this.#templates.has(template.id))
      throw new StoreInputError(`A template with id "${template.id}" already exists.`);
    const now = Date.now();
    const row: TemplateRow = {
      id: template.id,
      name: template.name,
      definition: encodeDefinition(template.definition),
      sourceBoardId: template.sourceBoardId,
      ownerId: template.ownerId,
      createdAt: now,
      updatedAt: now
    };
    this.#templates.set(row.id, row);
    return templateRecord(row) as TemplateRecord;
  }

  /** Applies a patch and bumps updatedAt; returns the updated record, or null when there is none. */
  async updateTemplate(id: string, patch: TemplatePatch): Promise<TemplateRecord | null> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    assertTemplatePatch(patch);
    const row = this.#templates.get(id);
    if (!row) return null;
    // Encoded before anything changes, so a definition that cannot be stored leaves the row as it was.
    const definition = patch.definition === undefined ? row.definition : encodeDefinition(patch.definition);
    Object.assign(row, { name: patch.name ?? row.name, definition, updatedAt: Date.now() });
    return templateRecord(row);
  }

  /** Deletes a template; true when there was one. */
  async deleteTemplate(id: string): Promise<boolean> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    return this.#templates.delete(id);
  }

  /** Marks the store closed; later calls are no-ops, other methods reject. */
  async close(): Promise<void> {
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('MemoryDocStore is closed.');
  }
}
