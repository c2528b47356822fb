import type {
  BoardPatch,
  DocStore,
  NewBoard,
  NewTemplate,
  StoredDoc,
  TemplatePatch
} from '#server/store/DocStore';

/** A DocStore that forwards to a real one; tests subclass it to delay or fail single calls. */
export class DelegatingStore implements DocStore {
  constructor(protected readonly inner: DocStore) {}
  loadDoc(boardId: string): Promise<StoredDoc> {
    return this.inner.loadDoc(boardId);
  }
  appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    return this.inner.appendUpdate(boardId, update);
  }
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.compact(boardId, snapshot, throughSeq);
  }
  listBoards(options?: { includeArchived?: boolean }) {
    return this.inner.listBoards(options);
  }
  getBoard(id: string) {
    return this.inner.getBoard(id);
  }
  createBoard(board: NewBoard) {
    return this.inner.createBoard(board);
  }
  updateBoard(id: string, patch: BoardPatch) {
    return this.inner.updateBoard(id, patch);
  }
  deleteBoard(id: string): Promise<void> {
    return this.inner.deleteBoard(id);
  }
  listTemplates() {
    return this.inner.listTemplates();
  }
  getTemplate(id: string) {
    return this.inner.getTemplate(id);
  }
  createTemplate(template: NewTemplate) {
    return this.inner.createTemplate(template);
  }
  updateTemplate(id: string, patch: TemplatePatch) {
    return this.inner.updateTemplate(id, patch);
  }
  deleteTemplate(id: string) {
    return this.inner.deleteTemplate(id);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Holds every loadDoc until `openGate()`, to observe what happens while a room loads. */
export class GatedStore extends DelegatingStore {
  #open!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#open = resolve));
  loads = 0;
  openGate(): void {
    this.#open();
  }
  override async loadDoc(boardId: string): Promise<StoredDoc> {
    this.loads++;
    await this.#gate;
    return this.inner.loadDoc(boardId);
  }
}

/** Refuses the next `failures` appends, as a full disk would. */
export class FailingAppendStore extends DelegatingStore {
  failures = 0;
  refused = 0;
  override async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    if (this.failures > 0) {
      this.failures--;
      this.refused++;
      throw new Error('SQLITE_FULL: database or disk is full');
    }
    return this.inner.appendUpdate(boardId, update);
  }
}
