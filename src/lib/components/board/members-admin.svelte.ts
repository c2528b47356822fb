/**
 * The members dialog's state and commands: the board's members and pending invites as the
 * server has them, and the changes a manager makes to them. Every change is one API call followed
 * by a fresh read, so the dialog never shows a guess; a refusal is kept as a sentence for it.
 */
import { callApi, failureText } from '$lib/api/api-call';
import { can, type BoardRole } from '$lib/auth/permissions';
import type { MessageKey } from '$lib/i18n/locale';
import type { BoardMember } from '$lib/sync/board-members.svelte';

/** Refusals of the members and invites endpoints (the role check's `forbidden`: api-call.ts). */
const MEMBER_MESSAGES: Partial<Record<string, MessageKey>> = {
  'invalid-role': 'error.members.invalidRole',
  'last-owner': 'error.members.lastOwner',
  'members-changed': 'error.members.changed',
  'not-member': 'error.members.notMember',
  'too-many-invites': 'error.members.tooManyInvites',
  'not-found': 'error.members.inviteGone'
};

export interface PendingInvite {
  id: string;
  role: BoardRole;
  email: string | null;
  expiresAt: number;
}

/** A link made just now, shown once so its maker can copy it. */
export interface CreatedInvite {
  url: string;
  expiresAt: number;
}

export class MembersAdmin {
  readonly #boardId: () => string;
  readonly #role: () => BoardRole;
  #members = $state<BoardMember[]>([]);
  #invites = $state<PendingInvite[]>([]);
  #error = $state('');
  #busy = $state(false);
  #created = $state<CreatedInvite | null>(null);

  /** Both are read at each call: the page may show another board, and the viewer's role can change. */
  constructor(boardId: () => string, role: () => BoardRole) {
    this.#boardId = boardId;
    this.#role = role;
  }

  get members(): readonly BoardMember[] {
    return this.#members;
  }

  get invites(): readonly PendingInvite[] {
    return this.#invites;
  }

  /** The last refusal in the reader's words; '' when the last call went through. */
  get error(): string {
    return this.#error;
  }

  /** True while a call is out: the dialog's controls wait for it. */
  get busy(): boolean {
    return this.#busy;
  }

  get created(): CreatedInvite | null {
    return this.#created;
  }

  get manages(): boolean {
    return can(this.#role(), 'manage-members');
  }

  /** Each opening starts clean and shows the members as they are now. */
  open(): void {
    this.#created = null;
    this.#error = '';
    void this.load();
  }

  async load(): Promise<void> {
    const list = await this.#call<{ members: BoardMember[] }>('/members');
    // Stop at the first refusal, so its message stays on screen.
    if (!list) return;
    this.#members = list.value.members;
    if (!this.manages) return;
    const pending = await this.#call<{ invites: PendingInvite[] }>('/invites');
    if (pending) this.#invites = pending.value.invites;
  }

  /** Gives a member another role; false when refused (the member keeps the role they had). */
  async changeRole(member: BoardMember, role: string): Promise<boolean> {
    const done = await this.#call(`/members/${encodeURIComponent(member.userId)}`, 'PATCH', { role });
    if (done) await this.load();
    return done !== null;
  }

  async remove(member: BoardMember): Promise<void> {
    if (await this.#call(`/members/${encodeURIComponent(member.userId)}`, 'DELETE')) await this.load();
  }

  /** Makes an invite link, for anyone or for one email address; true when it was made. */
  async invite(role: BoardRole, email: string): Promise<boolean> {
    const made = await this.#call<{ invite: CreatedInvite }>('/invites', 'POST', {
      role,
      email: email || undefined
    });
    if (!made) return false;
    this.#created = made.value.invite;
    void this.load();
    return true;
  }

  async revoke(invite: PendingInvite): Promise<void> {
    if (await this.#call(`/invites/${encodeURIComponent(invite.id)}`, 'DELETE')) await this.load();
  }

  /** One API call; a refusal is kept in the reader's words, and the result is null. */
  async #call<T>(path: string, method = 'GET', json?: unknown): Promise<{ value: T } | null> {
    this.#busy = true;
    this.#error = '';
    const url = `/api/boards/${encodeURIComponent(this.#boardId())}${path}`;
    const result = await callApi(url, { method, json }, (body) => body as T);
    this.#busy = false;
    if (result.ok) return result;
    this.#error = failureText(result, MEMBER_MESSAGES);
    return null;
  }
}
