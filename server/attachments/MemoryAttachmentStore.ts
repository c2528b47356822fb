import { AttachmentStoreError, type AttachmentStore, type AttachmentVersionRecord } from './AttachmentStore';

const key = (boardId: string, attachmentId: string, v: number) => JSON.stringify([boardId, attachmentId, v]);

/** AttachmentStore in memory, for tests and the in-memory server. */
export class MemoryAttachmentStore implements AttachmentStore {
  readonly #rows = new Map<string, AttachmentVersionRecord>();

  async addVersion(record: AttachmentVersionRecord): Promise<void> {
    const k = key(record.boardId, record.attachmentId, record.v);
    if (this.#rows.has(k)) throw new AttachmentStoreError(`Version ${record.v} exists already.`);
    this.#rows.set(k, { ...record });
  }

  async getVersion(boardId: string, attachmentId: string, v: number) {
    const row = this.#rows.get(key(boardId, attachmentId, v));
    return row ? { ...row } : null;
  }

  async listVersions(boardId: string, attachmentId: string) {
    return this.#matching((r) => r.boardId === boardId && r.attachmentId === attachmentId)
      .sort((a, b) => a.v - b.v)
      .map((r) => ({ ...r }));
  }

  async removeVersion(boardId: string, attachmentId: string, v: number): Promise<boolean> {
    return this.#rows.delete(key(boardId, attachmentId, v));
  }

  async removeAttachment(boardId: string, attachmentId: string): Promise<number> {
    return this.#remove(this.#matching((r) => r.boardId === boardId && r.attachmentId === attachmentId));
  }

  async removeBoard(boardId: string): Promise<number> {
    return this.#remove(this.#matching((r) => r.boardId === boardId));
  }

  #matching(test: (r: AttachmentVersionRecord) => boolean): AttachmentVersionRecord[] {
    return [...this.#rows.values()].filter(test);
  }

  #remove(rows: AttachmentVersionRecord[]): number {
    for (const r of rows) this.#rows.delete(key(r.boardId, r.attachmentId, r.v));
    return rows.length;
  }
}
