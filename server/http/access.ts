/**
 * The access check of every board endpoint and page, in one place: the same
 * `MembershipService.require` the sync upgrade asks, so HTTP and WebSocket can never disagree.
 */
import type { BoardAction, BoardRole } from '#lib/auth/permissions';
import { MemberRequestError } from '#server/auth/MemberRequestError';
import type { PublicUser } from '#server/auth/AuthService';
import type { BoardRecord } from '#server/store/DocStore';

/** The signed-in user, or a 401 the endpoint answers with. */
export function requireUser(locals: App.Locals): PublicUser {
  if (!locals.user) throw new MemberRequestError(401, 'sign-in-required', 'Sign in first.');
  return locals.user;
}

/**
 * The board and the user's role on it when the role allows `action`; else 401, 403 or 404 (in
 * that order: membership is checked before existence, so strangers cannot probe board ids).
 */
export async function requireBoard(
  locals: App.Locals,
  boardId: string,
  action: BoardAction
): Promise<{ user: PublicUser; role: BoardRole; board: BoardRecord }> {
  const user = requireUser(locals);
  const role = await locals.services.members.require(user.id, boardId, action);
  return { user, role, board: await locals.services.boards.get(boardId) };
}
