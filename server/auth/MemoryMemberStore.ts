import type { AuthStore } from './AuthStore';
import {
  MemberStoreError,
  byRoleThenJoined,
  judgeChange,
  type MemberChange,
  type MemberChangeOutcome,
  type MemberRecord,
  type MemberStore,
  type NewMember
} from './MemberStore';
import { BOARD_ROLES } from '#lib/auth/permissions';

const key = (boardId: string, userId: string) => `${boardId}\u0000${userId}`;

/** MemberStore in memory, for tests and the in-memory server; it asks the AuthStore whether users exist. */
export class MemoryMemberStore implements MemberStore {
  readonly #rows = new Map<string, MemberRecord>();

  constructor(private readonly users: Pick<AuthStore, 'getUser'>) {}

  async putMember(member: NewMember): Promise<MemberRecord> {
    if (!(await this.users.getUser(member.userId))) throw new MemberStoreError(`No user ${member.userId}.`);
    return this.putMemberNow(member);
  }

  /** putMember for a user the caller knows exists, in one synchronous step (MemoryInviteStore.redeem). */
  putMemberNow(member: NewMember): MemberRecord {
    const existing = this.#rows.get(key(member.boardId, member.userId));
    const row: MemberRecord = existing
      ? { ...existing, role: member.role, updatedAt: member.createdAt }
      : { ...member, updatedAt: member.createdAt };
    this.#rows.set(key(member.boardId, member.userId), row);
    return { ...row };
  }

  async getMember(boardId: string, userId: string): Promise<MemberRecord | null> {
    const row = this.#rows.get(key(boardId, userId));
    return row ? { ...row } : null;
  }

  async listMembers(boardId: string): Promise<MemberRecord[]> {
    return [...this.#rows.values()]
      .filter((r) => r.boardId === boardId)
      .sort(byRoleThenJoined(BOARD_ROLES))
      .map((r) => ({ ...r }));
  }

  async listBoardsOf(userId: string): Promise<MemberRecord[]> {
    return [...this.#rows.values()]
      .filter((r) => r.userId === userId)
      .sort((a, b) => b.createdAt - a.createdAt || (a.boardId < b.boardId ? -1 : 1))
      .map((r) => ({ ...r }));
  }

  async changeMember(change: MemberChange): Promise<MemberChangeOutcome> {
    const { boardId, userId, put } = change;
    // Checked first, as SQLite's foreign key would refuse it; the rest is one step.
    if (put && !(await this.users.getUser(userId))) throw new MemberStoreError(`No user ${userId}.`);
    // One synchronous step: nothing runs between the reads and the write.
    const roleOf = (id: string) => this.#rows.get(key(boardId, id))?.role ?? null;
    let owners = 0;
    for (const r of this.#rows.values()) if (r.boardId === boardId && r.role === 'owner') owners++;
    const outcome = judgeChange(change, {
      actorRole: roleOf(change.judged.actorId),
      memberRole: roleOf(userId),
      owners
    });
    if (outcome !== 'ok') return outcome;
    if (put) this.putMemberNow(put);
    else this.#rows.delete(key(boardId, userId));
    return outcome;
  }

  async removeMember(boardId: string, userId: string): Promise<boolean> {
    return this.#rows.delete(key(boardId, userId));
  }

  async removeBoard(boardId: string): Promise<number> {
    let n = 0;
    for (const [k, r] of this.#rows) if (r.boardId === boardId && this.#rows.delete(k)) n++;
    return n;
  }
}
