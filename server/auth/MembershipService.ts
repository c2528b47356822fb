import type { AuthStore } from './AuthStore';
import { MemberRequestError } from './MemberRequestError';
import type { MemberStore } from './MemberStore';
import { can, canChangeRole, isBoardRole, type BoardAction, type BoardRole } from '#lib/auth/permissions';

/** One membership change: `from` null is an addition, `to` null a removal. */
export interface MembershipChange {
  boardId: string;
  userId: string;
  /** Who made it; null when the system did (a board's deletion, orphan adoption). */
  actorId: string | null;
  from: BoardRole | null;
  to: BoardRole | null;
}

export type MembershipListener = (change: MembershipChange) => void;

/** A board member as the member list shows them. */
export interface MemberView {
  userId: string;
  name: string;
  email: string;
  color: string;
  role: BoardRole;
}

/** A member as the board list shows them: a coloured initial and a name on hover. */
export type MemberFace = Pick<MemberView, 'userId' | 'name' | 'color'>;

/** A board's members at a glance: how many, and the first few. */
export interface MembersGlance {
  count: number;
  first: MemberFace[];
}

/** What each action is, for the refusal message ("A viewer of this board may not …"). */
const actionText: Record<BoardAction, string> = {
  read: 'open it',
  comment: 'comment',
  'create-card': 'create cards',
  'edit-card': 'edit cards',
  'move-card': 'move cards',
  'tick-checklist': 'tick checklists',
  'edit-stages': 'change its stages',
  'edit-board': 'rename or archive it',
  'save-template': 'save it as a template',
  approve: 'approve stages',
  'send-back': 'send cards back',
  'manage-members': 'manage its members',
  'delete-board': 'delete it'
};

/** Judgements of one change before giving up: each retry means another change landed meanwhile. */
const MAX_JUDGEMENTS = 3;

const lastOwnerError = () =>
  new MemberRequestError(
    409,
    'last-owner',
    'A board keeps at least one owner; make someone else owner first.'
  );

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
    private readonly users: Pick<AuthStore, 'getUser' | 'getUserByEmail' | 'getFirstAdmin'>,
    private readonly now: () => number = Date.now,
    /** Told after every role change or removal, to cut or refresh the member's live connections. */
    private readonly onChange: MembershipListener = () => {}
  ) {}

  /** The role of `userId` on the board, or null (not a member, or not signed in). */
  async roleOf(boardId: string, userId: string | null): Promise<BoardRole | null> {
    if (!userId) return null;
    return (await this.members.getMember(boardId, userId))?.role ?? null;
  }

  /**
   * The one access check of every board endpoint and of the sync upgrade: the actor's role on the
   * board when it allows `action`, else 401 (nobody signed in) or 403 (not a member, or a role
   * below the action). Board existence is the caller's check, after this one, so a stranger
   * cannot probe which board ids exist.
   */
  async require(actorId: string | null, boardId: string, action: BoardAction): Promise<BoardRole> {
    if (!actorId) throw new MemberRequestError(401, 'sign-in-required', 'Sign in to open this board.');
    const role = await this.roleOf(boardId, actorId);
    if (role === null) {
      throw new MemberRequestError(
        403,
        'forbidden',
        'You are not a member of this board; ask its owner to add you.'
      );
    }
    if (!can(role, action)) {
      throw new MemberRequestError(
        403,
        'forbidden',
        `A ${role} of this board may not ${actionText[action]}.`
      );
    }
    return role;
  }

  /** The boards a user is on, with their role there. */
  async boardsOf(userId: string): Promise<{ boardId: string; role: BoardRole }[]> {
    return (await this.members.listBoardsOf(userId)).map(({ boardId, role }) => ({ boardId, role }));
  }

  /** Every member of the board with their role, for the server's own use (whom a gate tells). */
  async rolesOn(boardId: string): Promise<{ userId: string; role: BoardRole }[]> {
    return (await this.members.listMembers(boardId)).map(({ userId, role }) => ({ userId, role }));
  }

  /** Forgets every membership of a board that is being deleted, cutting its members' connections. */
  async removeBoard(boardId: string): Promise<void> {
    const rows = await this.members.listMembers(boardId);
    await this.members.removeBoard(boardId);
    for (const row of rows) {
      this.onChange({ boardId, userId: row.userId, actorId: null, from: row.role, to: null });
    }
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

  /**
   * For the board list: each board's member count and its first `shown` members (owners first),
   * without emails. Only for boards the caller has checked the reader is on (BoardService.listFor).
   * A person on several boards is read once.
   */
  async glance(boardIds: readonly string[], shown: number): Promise<Map<string, MembersGlance>> {
    const users = new Map<string, Promise<MemberFace | null>>();
    const face = (userId: string) => {
      let user = users.get(userId);
      if (!user) {
        user = this.users.getUser(userId).then((u) => (u ? { userId, name: u.name, color: u.color } : null));
        users.set(userId, user);
      }
      return user;
    };
    const out = new Map<string, MembersGlance>();
    for (const boardId of boardIds) {
      const rows = await this.members.listMembers(boardId);
      const first = await Promise.all(rows.slice(0, shown).map((m) => face(m.userId)));
      out.set(boardId, { count: rows.length, first: first.filter((f) => f !== null) });
    }
    return out;
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

  /**
   * Tells the listeners about a membership another store wrote in its own transaction (an
   * invitation's redemption writes the claim and the membership together, InviteStore.redeem).
   */
  announce(change: MembershipChange): void {
    if (change.from !== change.to) this.onChange(change);
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
    // Judged on roles read now and written only if they still hold (MemberStore.changeMember):
    // when another request changed them meanwhile, judge again on what is there now.
    for (let attempt = 0; attempt < MAX_JUDGEMENTS; attempt++) {
      if (await this.#tryChange(actorId, boardId, userId, to)) return;
    }
    throw new MemberRequestError(409, 'members-changed', 'The members changed meanwhile; try again.');
  }

  /** One judgement and write of #change; false when the roles it read changed before the write. */
  async #tryChange(
    actorId: string | null,
    boardId: string,
    userId: string,
    to: BoardRole | null
  ): Promise<boolean> {
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
    if (lastOwner) throw lastOwnerError();
    const put = to === null ? null : { boardId, userId, role: to, addedBy: actorId, createdAt: this.now() };
    const judged = { actorId: actorId ?? userId, actorRole: actorId ? actor : current, memberRole: current };
    const outcome = await this.members.changeMember({ boardId, userId, put, judged });
    // Another owner stepped down (or left) at the same moment, and this would leave none.
    if (outcome === 'last-owner') throw lastOwnerError();
    if (outcome === 'stale') return false;
    if (current !== to) this.onChange({ boardId, userId, actorId, from: current, to });
    return true;
  }

  /**
   * Gives every board in `boardIds` that has no member to the instance's first administrator:
   * boards made before accounts existed (the demo board, an upgraded install) would otherwise be
   * reachable by nobody. Returns the ids it gave away (none before anyone signed up).
   */
  async adoptOrphans(boardIds: readonly string[]): Promise<string[]> {
    const admin = await this.users.getFirstAdmin();
    if (!admin) return [];
    const adopted: string[] = [];
    for (const boardId of boardIds) {
      if ((await this.members.listMembers(boardId)).length > 0) continue;
      await this.addCreator(boardId, admin.id);
      adopted.push(boardId);
    }
    return adopted;
  }
}
