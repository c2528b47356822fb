/**
 * The last access the server granted on each board, kept in localStorage so a board opened
 * offline behaves as it did when last online. Only a convenience for the UI: the server checks
 * every update against the real role when the connection comes back.
 */
import { isBoardRole } from '../auth/permissions';
import type { BoardAccess } from './session-types';

const key = (boardId: string) => `stageboard-access-${boardId}`;

export function rememberedAccess(boardId: string): BoardAccess | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key(boardId)) ?? 'null') as Partial<BoardAccess> | null;
    const user = saved?.user;
    if (!saved || !isBoardRole(saved.role) || !user || typeof user.id !== 'string') return null;
    return { role: saved.role, user: { id: user.id, name: String(user.name), color: String(user.color) } };
  } catch {
    return null;
  }
}

export function rememberAccess(boardId: string, access: BoardAccess): void {
  try {
    localStorage.setItem(key(boardId), JSON.stringify(access));
  } catch {
    // Private mode or a full quota: the board still works online.
  }
}

export function forgetAccess(boardId: string): void {
  try {
    localStorage.removeItem(key(boardId));
  } catch {
    // As above.
  }
}
