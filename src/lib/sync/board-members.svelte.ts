/**
 * Who is on a board, for showing assignees by name and offering people to assign or mention.
 * Read from `GET /api/boards/:id/members`; the last answer is kept per board in localStorage,
 * so a board opened offline still shows names instead of ids.
 */
import type { BoardRole } from '../auth/permissions';

export interface BoardMember {
  userId: string;
  name: string;
  email: string;
  color: string;
  role: BoardRole;
}

const KEY = (boardId: string) => `stageboard.members.${boardId}`;

function isMember(value: unknown): value is BoardMember {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<BoardMember>;
  return typeof m.userId === 'string' && typeof m.name === 'string' && typeof m.color === 'string';
}

function remembered(boardId: string): BoardMember[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY(boardId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isMember) : [];
  } catch {
    return [];
  }
}

export class BoardMembers {
  #list = $state<BoardMember[]>([]);
  readonly #boardId: string;

  constructor(boardId: string) {
    this.#boardId = boardId;
    this.#list = remembered(boardId);
  }

  /** Members by name. */
  get list(): readonly BoardMember[] {
    return this.#list;
  }

  /** The member with this id, or undefined (someone removed from the board since). */
  byId(userId: string): BoardMember | undefined {
    return this.#list.find((m) => m.userId === userId);
  }

  /** Fetches the list again; offline or refused, the last one stays. */
  async refresh(): Promise<void> {
    try {
      const res = await fetch(`/api/boards/${encodeURIComponent(this.#boardId)}/members`);
      if (!res.ok) return;
      const body = (await res.json()) as { members?: unknown[] };
      const list = (body.members ?? []).filter(isMember);
      this.#list = list.sort((a, b) => a.name.localeCompare(b.name));
      localStorage.setItem(KEY(this.#boardId), JSON.stringify(this.#list));
    } catch {
      // Offline: keep what is known.
    }
  }
}
