import type { AuthStore } from './AuthStore';
import { MemberRequestError } from './MemberRequestError';
import type { MemberStore } from './MemberStore';
import { can, canChangeRole, isBoardRole, type BoardRole } from './permissions';

/** A board member as the member list shows them. */
export interface MemberView {
  userId: string;
  name: string;
  email: string;
  color: string;
  role: BoardRole;
}

const forbidden = () =>
  new MemberRequestError(403, 'forbidden', 'Only owners and managers of this board manage its members.');

function role(value: unknown): BoardRole {
  if (!isBoardRole(value)) {
    throw new MemberRequestError(
      400,
      'invalid-role',
      'A role is owner, manager, editor, commenter or viewer.'
    );
  }
  return value;
}

/**
 * Who is on a board and in which role. Every change is checked with permissions.ts by the role of
 * the person making it: managers manage members below owner, only owners touch owners, and a
 * board never loses its last owner. (Cutting a removed member's open connections comes with the
 * WebSocket enforcement of issue 5.)
 */
export class MembershipService {
  constructor(
    private readonly members: MemberStore,
    private readonly users: Pick<AuthStore, 'getUser' | 'getUserByEmail'>,
    private readonly now: () => number = Date.now
  ) {}

  /** The role of `userId` on the board, or null (not a member, or not signed in). */
  async roleOf(boardId: string, userId: string | null): Promise<BoardRole | null> {
    if (!userId) return null;
    return (await this.members.getMember(boardId, userId))?.role ?? null;
  }

  /** Makes the person who created a board its owner. */
  async addCreator(boardId: string, userId: string): Promise<void> {
    await this.members.putMember({ boardId, userId, role: 'owner', addedBy: null, createdAt: this.now() });
  }

  /** The board's members, for anyone who may read the board. */
  async list(actorId: string | null, boardId: string): Promise<MemberView[]> {
    if (!can(await this.roleOf(boardId, actorId), 'read')) {
      throw new MemberRequestError(403, 'forbidden', 'You are not a member of this board.');
    }
    const rows = await this.members.listMembers(boardId);
    const views = await Promise.all(
      rows.map(async (m) => {
        const user = await this.users.getUser(m.userId);
        return user
          ? { userId: m.userId, name: user.name, email: user.email, color: user.color, role: m.role }
          : null;
      })
    );
    return views.filter((v): v is MemberView => v !== null);
  }

  /** Puts an existing account on the board (by email) in `role`, or changes their role there. */
  async add(
    actorId: string | null,
    boardId: string,
    input: { email: unknown; role: unknown }
  ): Promise<MemberView> {
    const to = role(input.role);
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const user = email ? await this.users.getUserByEmail(email) : null;
    if (!user) {
      throw new MemberRequestError(
        404,
        'unknown-user',
        'No account has this email; invite them to sign up first.'
      );
    }
    await this.#change(actorId, boardId, user.id, to);
    return { userId: user.id, name: user.name, email: user.email, color: user.color, role: to };
  }

  /** Changes a member's role. */
  async setRole(actorId: string | null, boardId: string, userId: string, to: unknown): Promise<void> {
    await this.#change(actorId, boardId, userId, role(to));
  }

  /** Removes a member; anyone may leave a board themselves, except its last owner. */
  async remove(actorId: string | null, boardId: string, userId: string): Promise<void> {
    await this.#change(actorId, boardId, userId, null);
  }

  async #change(
    actorId: string | null,
    boardId: string,
    userId: string,
    to: BoardRole | null
  ): Promise<void> {
    const [actor, current, all] = await Promise.all([
      this.roleOf(boardId, actorId),
      this.roleOf(boardId, userId),
      this.members.listMembers(boardId)
    ]);
    const owners = all.filter((m) => m.role === 'owner').length;
    const lastOwner = current === 'owner' && owners <= 1 && to !== 'owner';
    const leaving = to === null && actorId === userId;
    // Who may make this change at all comes first (someone new is checked as a viewer being
    // given the role); only then does the last-owner rule speak, so it never answers a stranger.
    if (!leaving && !canChangeRole(actor, current ?? 'viewer', to, Infinity)) throw forbidden();
    if (to === null && current === null) {
      throw new MemberRequestError(404, 'not-member', 'This person is not a member of the board.');
    }
    if (lastOwner) {
      throw new MemberRequestError(
        409,
        'last-owner',
        'A board keeps at least one owner; make someone else owner first.'
      );
    }
    if (to === null) await this.members.removeMember(boardId, userId);
    else await this.members.putMember({ boardId, userId, role: to, addedBy: actorId, createdAt: this.now() });
  }
}
