import {
  AttachmentStoreError,
  type AttachmentOrphanState,
  type AttachmentStore,
  type AttachmentVersionRecord
} from './AttachmentStore';

const key = (boardId: string, attachmentId: string, v: number) => JSON.stringify([boardId, attachmentId, v]);

/** A stored row: the record and the sweep's mark, which records never carry. */
type Row = AttachmentVersionRecord & { orphanedAt: number | null };

const recordOf = ({ orphanedAt: _, ...record }: Row): AttachmentVersionRecord => record;

/** AttachmentStore in memory, for tests and the in-memory server. */
export class MemoryAttachmentStore implements AttachmentStore {
  readonly #rows = new Map<string, Row>();

  async addVersion(record: AttachmentVersionRecord): Promise<void> {
    const k = key(record.boardId, record.attachmentId, record.v);
    if (this.#rows.has(k)) throw new AttachmentStoreError(`Version ${record.v} exists already.`);
    this.#rows.set(k, { ...record, orphanedAt: null });
  }

  async getVersion(boardId: string, attachmentId: string, v: number) {
    const row = this.#rows.get(key(boardId, attachmentId, v));
    return row ? recordOf(row) : null;
  }

  async listVersions(boardId: string, attachmentId: string) {
    return this.#ofAttachment(boardId, attachmentId)
      .sort((a, b) => a.v - b.v)
      .map(recordOf);
  }

  async removeVersion(boardId: string, attachmentId: string, v: number): Promise<boolean> {
    return this.#rows.delete(key(boardId, attachmentId, v));
  }

  async removeAttachment(boardId: string, attachmentId: string): Promise<number> {
    return this.#remove(this.#ofAttachment(boardId, attachmentId));
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#remove(this.#matching((r) => r.boardId === boardId));
  }

  async listBoards(): Promise<string[]> {
    return [...new Set(this.#matching(() => true).map((r) => r.boardId))].sort();
  }

  async listAttachments(boardId: string): Promise<AttachmentOrphanState[]> {
    const byAttachment = new Map<string, AttachmentOrphanState>();
    for (const row of this.#matching((r) => r.boardId === boardId)) {
      const seen = byAttachment.get(row.attachmentId);
      const orphanedAt = seen === undefined ? row.orphanedAt : laterMark(seen.orphanedAt, row.orphanedAt);
      byAttachment.set(row.attachmentId, { attachmentId: row.attachmentId, cardId: row.cardId, orphanedAt });
    }
    return [...byAttachment.values()].sort((a, b) => (a.attachmentId < b.attachmentId ? -1 : 1));
  }

  async markOrphaned(boardId: string, attachmentId: string, at: number): Promise<number> {
    const unmarked = this.#ofAttachment(boardId, attachmentId).filter((r) => r.orphanedAt === null);
    for (const row of unmarked) row.orphanedAt = at;
    return unmarked.length;
  }

  async clearOrphaned(boardId: string, attachmentId: string): Promise<number> {
    const marked = this.#ofAttachment(boardId, attachmentId).filter((r) => r.orphanedAt !== null);
    for (const row of marked) row.orphanedAt = null;
    return marked.length;
  }

  #ofAttachment(boardId: string, attachmentId: string): Row[] {
    return this.#matching((r) => r.boardId === boardId && r.attachmentId === attachmentId);
  }

  #matching(test: (r: Row) => boolean): Row[] {
    return [...this.#rows.values()].filter(test);
  }

  #remove(rows: Row[]): number {
    for (const r of rows) this.#rows.delete(key(r.boardId, r.attachmentId, r.v));
    return rows.length;
  }
}

/** The attachment's mark over two versions: null while either is unmarked, else the later one. */
function laterMark(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}
