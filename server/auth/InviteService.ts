import type { Logger } from '../log';
import { normaliseEmail } from './accountFields';
import { emailTaken, type AuthService, type PublicUser } from './AuthService';
import { AuthStoreError, type AuthStore, type NewUser } from './AuthStore';
import { isInviteId, oneById } from './inviteIds';
import {
  invalidRole,
  inviteExpired,
  inviteUnknown,
  inviteUsed,
  inviteVoid,
  inviteWrongEmail,
  ownerInviteForbidden,
  tooManyInvites
} from './inviteRefusals';
import type { InviteRecord, InviteStore } from './InviteStore';
import {
  invitePreview,
  inviteView,
  receivedInvite,
  type InvitePreview,
  type InviteView,
  type ReceivedInvite
} from './inviteViews';
import type { MembershipService } from './MembershipService';
import { hashSessionToken, isSessionToken, newSessionToken } from './sessionToken';
import type { BoardService } from '../boards/BoardService';
import { BOARD_ROLES, canChangeRole, isBoardRole, type BoardRole } from '#lib/auth/permissions';

export const DEFAULT_INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;
/** Pending invites a board may have at once: bounds the table and the managers' list. */
export const MAX_PENDING_INVITES = 100;

export interface InviteServiceDeps {
  store: InviteStore;
  members: Pick<MembershipService, 'require' | 'roleOf' | 'announce'>;
  users: Pick<AuthStore, 'getUser'>;
  auth: Pick<AuthService, 'newAccount' | 'accountCreated'>;
  boards: Pick<BoardService, 'get'>;
  log: Logger;
  /** The clock, injectable so tests can expire links. */
  now?: () => number;
  lifetimeMs?: number;
}

/** True when `have` is `want` or a more powerful role. */
const atLeast = (have: BoardRole, want: BoardRole) => BOARD_ROLES.indexOf(have) <= BOARD_ROLES.indexOf(want);

/**
 * Invitations to a board by link, optionally bound to an email address. Owners and managers make
 * them, with the same rules as changing a role (only an owner invites an owner). A link works
 * once, until it expires or is revoked, and acts on its maker's behalf: when they can no longer
 * grant its role, it stops working. There is no mail transport: the caller shows the link. An
 * invite bound to an email also waits on its addressee's board list to be accepted or declined.
 */
export class InviteService {
  readonly #d: InviteServiceDeps;
  readonly #now: () => number;
  readonly #lifetimeMs: number;

  constructor(deps: InviteServiceDeps) {
    this.#d = deps;
    this.#now = deps.now ?? Date.now;
    this.#lifetimeMs = deps.lifetimeMs ?? DEFAULT_INVITE_LIFETIME_MS;
  }

  /** Makes an invite; returns its token (for the link, the only copy) and how the list shows it. */
  async create(
    actorId: string,
    boardId: string,
    input: { role: unknown; email?: unknown }
  ): Promise<{ token: string; invite: InviteView }> {
    const actorRole = await this.#d.members.require(actorId, boardId, 'manage-members');
    if (!isBoardRole(input.role)) {
      throw invalidRole();
    }
    // Inviting is giving a newcomer (a viewer so far) a role: the same rule as changing one.
    if (!canChangeRole(actorRole, 'viewer', input.role, Infinity)) {
      throw ownerInviteForbidden();
    }
    const email =
      input.email === undefined || input.email === null || input.email === ''
        ? null
        : normaliseEmail(input.email);
    const now = this.#now();
    const pending = await this.#d.store.listPending(boardId, now);
    // Inviting an address again replaces its earlier invitation (whose link then stops working),
    // as resending would: the person sees one invitation, with the role given last.
    const replaced = email === null ? [] : pending.filter((i) => i.email === email);
    for (const earlier of replaced) await this.#d.store.deleteInvite(earlier.tokenHash);
    if (pending.length - replaced.length >= MAX_PENDING_INVITES) throw tooManyInvites(MAX_PENDING_INVITES);
    const token = newSessionToken();
    const record = await this.#d.store.createInvite({
      tokenHash: hashSessionToken(token),
      boardId,
      role: input.role,
      email,
      createdBy: actorId,
      createdAt: now,
      expiresAt: now + this.#lifetimeMs
    });
    this.#d.log.info('invite created', {
      board: boardId,
      user: actorId,
      role: input.role,
      bound: email !== null
    });
    return { token, invite: await this.#view(record) };
  }

  /** The board's working invites, newest first: owners and managers only. */
  async listPending(actorId: string, boardId: string): Promise<InviteView[]> {
    await this.#d.members.require(actorId, boardId, 'manage-members');
    const rows = await this.#d.store.listPending(boardId, this.#now());
    return Promise.all(rows.map((row) => this.#view(row)));
  }

  /**
   * Revokes a pending invite by its id. Any owner or manager may revoke any of the board's
   * invites, an owner's too: revoking only ever takes access away.
   */
  async revoke(actorId: string, boardId: string, id: string): Promise<void> {
    await this.#d.members.require(actorId, boardId, 'manage-members');
    const rows = isInviteId(id) ? await this.#d.store.listPending(boardId, this.#now()) : [];
    const invite = oneById(rows, id, 'There is no such pending invite on this board.');
    await this.#d.store.deleteInvite(invite.tokenHash);
    this.#d.log.info('invite revoked', { board: boardId, user: actorId });
  }

  /** What a working link offers; refuses an unknown, used, expired or void one with the reason. */
  async preview(token: unknown): Promise<InvitePreview> {
    const { invite, boardTitle } = await this.#usable(await this.#byToken(token));
    return invitePreview(invite, boardTitle, await this.#nameOf(invite.createdBy));
  }

  /**
   * Puts a signed-in person on the board with the link's role. Someone already there in that role
   * or a higher one keeps theirs, and the link stays unused for the person it was meant for.
   */
  async join(
    token: unknown,
    user: Pick<PublicUser, 'id' | 'email'>
  ): Promise<{ boardId: string; role: BoardRole }> {
    return this.#join(await this.#byToken(token), user);
  }

  /**
   * The working invites bound to the user's address, on any board: an invitation by email waits
   * here until its addressee accepts or declines it (nobody is put on a board unasked). Links
   * that stopped working (their maker may no longer invite, their board is gone) are left out.
   */
  async receivedBy(user: Pick<PublicUser, 'id' | 'email'>): Promise<ReceivedInvite[]> {
    const rows = await this.#addressed(user);
    const shown = await Promise.all(
      rows.map(async (row) => {
        const usable = await this.#usable(row).catch(() => null);
        return usable && receivedInvite(row, usable.boardTitle, await this.#nameOf(row.createdBy));
      })
    );
    return shown.filter((r): r is ReceivedInvite => r !== null);
  }

  /** Accepts an invite bound to the user's address, named by its id (as `join` does with a link). */
  async accept(
    user: Pick<PublicUser, 'id' | 'email'>,
    id: string
  ): Promise<{ boardId: string; role: BoardRole }> {
    return this.#join(await this.#addressedTo(user, id), user);
  }

  /** Declines an invite bound to the user's address: it is deleted, as a revoke would. */
  async decline(user: Pick<PublicUser, 'id' | 'email'>, id: string): Promise<void> {
    const invite = await this.#addressedTo(user, id);
    await this.#d.store.deleteInvite(invite.tokenHash);
    this.#d.log.info('invite declined', { board: invite.boardId, user: user.id });
  }

  /**
   * Creates an account through the link (also while open sign-up is off: the invite is the
   * permission) and puts it on the board. The password is hashed first; then the claim, the
   * account and the membership are one write, so of several sign-ups through one link at once
   * exactly one makes an account, and the others make nothing.
   */
  async signUpAndJoin(
    token: unknown,
    input: { email: unknown; password: unknown; name?: unknown }
  ): Promise<{ user: PublicUser; token: string; boardId: string }> {
    const { invite } = await this.#usable(await this.#byToken(token));
    this.#checkEmail(invite, normaliseEmail(input.email));
    const account = await this.#d.auth.newAccount(input);
    await this.#claim(invite, account.id, account, null);
    return { ...(await this.#d.auth.accountCreated(account)), boardId: invite.boardId };
  }

  /** Forgets every invite of a board that is being deleted. */
  async removeBoard(boardId: string): Promise<void> {
    await this.#d.store.removeBoard(boardId);
  }

  async #join(
    found: InviteRecord,
    user: Pick<PublicUser, 'id' | 'email'>
  ): Promise<{ boardId: string; role: BoardRole }> {
    const { invite } = await this.#usable(found);
    this.#checkEmail(invite, user.email);
    const current = await this.#d.members.roleOf(invite.boardId, user.id);
    if (current && atLeast(current, invite.role)) return { boardId: invite.boardId, role: current };
    await this.#claim(invite, user.id, null, current);
    return { boardId: invite.boardId, role: invite.role };
  }

  /** The invite behind a link's token, used or not; refuses a token that names none. */
  async #byToken(token: unknown): Promise<InviteRecord> {
    const invite = isSessionToken(token) ? await this.#d.store.getInvite(hashSessionToken(token)) : null;
    if (!invite) throw inviteUnknown();
    return invite;
  }

  /** The working invite with this id bound to the user's address; anyone else's is "not found". */
  async #addressedTo(user: Pick<PublicUser, 'id' | 'email'>, id: string): Promise<InviteRecord> {
    const rows = isInviteId(id) ? await this.#addressed(user) : [];
    return oneById(rows, id, 'There is no such invitation for you.');
  }

  /**
   * The working invites to the user's address made after their account was. Nothing checks that
   * an account owns its address (there is no mail): whoever signs up with an address once an
   * invitation to it exists must hold the link to use it, not just the address.
   */
  async #addressed(user: Pick<PublicUser, 'id' | 'email'>): Promise<InviteRecord[]> {
    const account = await this.#d.users.getUser(user.id);
    if (!account) return [];
    const rows = await this.#d.store.listForEmail(user.email, this.#now());
    return rows.filter((row) => row.createdAt > account.createdAt);
  }

  /** The invite and its board's title, when it works now; else the reason it does not. */
  async #usable(invite: InviteRecord): Promise<{ invite: InviteRecord; boardTitle: string }> {
    if (invite.usedBy !== null) throw inviteUsed();
    if (this.#now() >= invite.expiresAt) throw inviteExpired();
    const makerRole = await this.#d.members.roleOf(invite.boardId, invite.createdBy);
    if (!canChangeRole(makerRole, 'viewer', invite.role, Infinity)) throw inviteVoid();
    const board = await this.#d.boards.get(invite.boardId).catch(() => null);
    if (!board) throw inviteVoid();
    return { invite, boardTitle: board.title };
  }

  #checkEmail(invite: InviteRecord, email: string): void {
    if (invite.email !== null && invite.email !== email) throw inviteWrongEmail(invite.email);
  }

  /**
   * Uses the link for `userId` (and creates `newUser`, when signing up) in one store write:
   * exactly one caller wins it, and a loser writes nothing. The membership is added as the link's
   * maker would add it, and announced as MembershipService announces its own changes.
   */
  async #claim(
    invite: InviteRecord,
    userId: string,
    newUser: NewUser | null,
    from: BoardRole | null
  ): Promise<void> {
    const { boardId, role, createdBy } = invite;
    const now = this.#now();
    const member = { boardId, userId, role, addedBy: createdBy, createdAt: now };
    const claimed = await this.#d.store
      .redeem({ tokenHash: invite.tokenHash, now, newUser, member })
      .catch((error: unknown) => {
        throw error instanceof AuthStoreError && error.code === 'email-taken' ? emailTaken() : error;
      });
    if (!claimed) throw inviteUsed();
    this.#d.members.announce({ boardId, userId, actorId: createdBy, from, to: role });
    this.#d.log.info('joined through an invite', { board: boardId, user: userId, role });
  }

  async #view(row: InviteRecord): Promise<InviteView> {
    return inviteView(row, await this.#nameOf(row.createdBy));
  }

  async #nameOf(userId: string): Promise<string> {
    return (await this.#d.users.getUser(userId))?.name ?? '';
  }
}
