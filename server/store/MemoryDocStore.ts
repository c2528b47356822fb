import type { BoardPatch, BoardRecord, DocStore, NewBoard, StoredDoc } from './DocStore';
import {
  assertBoardId,
  assertBytes,
  assertNewBoard,
  assertPatch,
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
      .map((board) => ({ ...board }));
  }

  /** The board's record, or undefined when there is no such board. */
  async getBoard(id: string): Promise<BoardRecord | undefined> {
    this.#assertOpen();
    assertBoardId(id, 'id');
    const board = this.#boards.get(id);
    return board && { ...board };
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

  /** Marks the store closed; later calls are no-ops, other methods reject. */
  async close(): Promise<void> {
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('MemoryDocStore is closed.');
  }
}
