import type { AuthStore } from './AuthStore';
import {
  InviteStoreError,
  newestFirst,
  type InviteRecord,
  type InviteStore,
  type NewInvite
} from './InviteStore';

/** InviteStore in memory, for tests and the in-memory server; it asks the AuthStore whether creators exist. */
export class MemoryInviteStore implements InviteStore {
  readonly #rows = new Map<string, InviteRecord>();

  constructor(private readonly users: Pick<AuthStore, 'getUser'>) {}

  async createInvite(invite: NewInvite): Promise<InviteRecord> {
    if (!(await this.users.getUser(invite.createdBy))) {
      throw new InviteStoreError(`No user ${invite.createdBy}.`);
    }
    if (this.#rows.has(invite.tokenHash)) throw new Error('An invite with this token hash already exists.');
    const row: InviteRecord = { ...invite, usedBy: null, usedAt: null };
    this.#rows.set(invite.tokenHash, row);
    return { ...row };
  }

  async getInvite(tokenHash: string): Promise<InviteRecord | null> {
    const row = this.#rows.get(tokenHash);
    return row ? { ...row } : null;
  }

  async listPending(boardId: string, now: number): Promise<InviteRecord[]> {
    return [...this.#rows.values()]
      .filter((r) => r.boardId === boardId && r.usedBy === null && now < r.expiresAt)
      .sort(newestFirst)
      .map((r) => ({ ...r }));
  }

  async markUsed(tokenHash: string, userId: string, now: number): Promise<boolean> {
    // One synchronous step between the check and the write: no other call can use it in between.
    const row = this.#rows.get(tokenHash);
    if (!row || row.usedBy !== null || now >= row.expiresAt) return false;
    this.#rows.set(tokenHash, { ...row, usedBy: userId, usedAt: now });
    return true;
  }

  async deleteInvite(tokenHash: string): Promise<boolean> {
    return this.#rows.delete(tokenHash);
  }

  async removeBoard(boardId: string): Promise<number> {
    let n = 0;
    for (const [hash, r] of this.#rows) if (r.boardId === boardId && this.#rows.delete(hash)) n++;
    return n;
  }
}
