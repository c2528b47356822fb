/**
 * The access check of every board endpoint and page, in one place: the same
 * `MembershipService.require` the sync upgrade asks, so HTTP and WebSocket can never disagree.
 */
import type { BoardAction, BoardRole } from '#lib/auth/permissions';
import { MemberRequestError } from '#server/auth/MemberRequestError';
import { TokenRequestError } from '#server/auth/TokenRequestError';
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
  // A read token acts as a viewer whatever the account's role: the route's handler (and the
  // update policy behind a write) sees that role, never more than the account's own.
  const ceiling = locals.token?.scope === 'read' ? 'viewer' : role;
  return { user, role: ceiling, board: await locals.services.boards.get(boardId) };
}

/** Methods that read: all a read token may send. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The ceiling a personal access token puts on a request, checked before the route's own check:
 * routes made for a browser session (`sessionOnly`: making and revoking tokens) refuse every
 * token, a read token may only read (any write method, or a board action other than `read`, is
 * 403 `token-read-only`). A cookie session passes untouched.
 */
export function requireScope(
  locals: App.Locals,
  method: string,
  boardAction: BoardAction | null,
  sessionOnly: boolean
): void {
  const { token } = locals;
  if (!token) return;
  if (sessionOnly) {
    throw new TokenRequestError(
      403,
      'token-not-allowed',
      'Tokens are managed from a signed-in browser only.'
    );
  }
  const writes = !READ_METHODS.has(method) || (boardAction !== null && boardAction !== 'read');
  if (token.scope === 'read' && writes) {
    throw new TokenRequestError(
      403,
      'token-read-only',
      'This token may only read; make a write token to change boards.'
    );
  }
}
