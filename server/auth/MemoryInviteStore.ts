import {
  InviteStoreError,
  newestFirst,
  type InviteRecord,
  type InviteRedemption,
  type InviteStore,
  type NewInvite
} from './InviteStore';
import type { MemoryAuthStore } from './MemoryAuthStore';
import type { MemoryMemberStore } from './MemoryMemberStore';

/**
 * InviteStore in memory, for tests and the in-memory server. It asks the AuthStore whether
 * creators exist, and writes a redemption's account and membership into the memory stores itself.
 */
export class MemoryInviteStore implements InviteStore {
  readonly #rows = new Map<string, InviteRecord>();

  constructor(
    private readonly users: MemoryAuthStore,
    private readonly members: MemoryMemberStore
  ) {}

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
    return this.#pendingWhere(now, (r) => r.boardId === boardId);
  }

  async listForEmail(email: string, now: number): Promise<InviteRecord[]> {
    return this.#pendingWhere(now, (r) => r.email === email);
  }

  #pendingWhere(now: number, match: (row: InviteRecord) => boolean): InviteRecord[] {
    return [...this.#rows.values()]
      .filter((r) => match(r) && r.usedBy === null && now < r.expiresAt)
      .sort(newestFirst)
      .map((r) => ({ ...r }));
  }

  async markUsed(tokenHash: string, userId: string, now: number): Promise<boolean> {
    // One synchronous step between the check and the write: no other call can use it in between.
    const row = this.#pending(tokenHash, now);
    if (row) this.#rows.set(tokenHash, { ...row, usedBy: userId, usedAt: now });
    return row !== null;
  }

  async redeem({ tokenHash, now, newUser, member }: InviteRedemption): Promise<boolean> {
    // One synchronous step, as SQLite's one transaction: every check before the first write, so
    // a refusal (a used link, a taken email, a missing user) leaves everything as it was.
    const row = this.#pending(tokenHash, now);
    if (!row) return false;
    if (newUser) this.users.insertUserNow(newUser);
    else if (!this.users.hasUser(member.userId)) throw new InviteStoreError(`No user ${member.userId}.`);
    this.#rows.set(tokenHash, { ...row, usedBy: member.userId, usedAt: now });
    this.members.putMemberNow(member);
    return true;
  }

  #pending(tokenHash: string, now: number): InviteRecord | null {
    const row = this.#rows.get(tokenHash);
    return row && row.usedBy === null && now < row.expiresAt ? row : null;
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
