/**
 * The board page's connection to one board: it opens the board's session and member list, asks
 * the server who this person is there, and says why the board cannot open. The page runs `open`
 * and `follow` in effects. After the server refused an update, the local copy is dropped and a
 * fresh session opens (a new generation), so the board shows what the server holds.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { toast } from 'svelte-sonner';
import { isBoardId } from '$lib/board';
import { t } from '$lib/i18n/i18n.svelte';
import { forgetAccess, rememberAccess, rememberedAccess } from '$lib/sync/access';
import { BoardMembers } from '$lib/sync/board-members.svelte';
import { BoardSession } from '$lib/sync/board-session.svelte';
import { syncUrl, type BoardAccess } from '$lib/sync/session-types';

/** How long the board waits for the server to say who this person is before it shows read-only. */
const ACCESS_TIMEOUT_MS = 8000;

/** Why a board cannot open here (BoardProblem.svelte says it to the person). */
export type BoardProblemKind = 'missing' | 'forbidden' | 'removed';

export class BoardConnection {
  readonly #boardId: () => string;
  #session = $state<BoardSession | null>(null);
  #members = $state<BoardMembers | null>(null);
  // Bumped to open a fresh session: after the server refused an update, the old copy is dropped.
  #generation = $state(0);
  #refused = $state<BoardProblemKind | null>(null);
  /** The board's name from the HTTP API: known before the socket syncs, or when it never does. */
  #fetchedTitle = $state<string | null>(null);
  /** The signed-in person's email, for the non-member's "ask to be invited" message. */
  #email = $state<string | null>(null);
  /** True once the server said who this person is here, or could not be asked (offline). */
  #accessAsked = $state(false);
  /** Set when the server refused an update and the board was reloaded from it. */
  notice = $state<'refused' | null>(null);

  /** `boardId` is read in `open`: the page may go on to another board. */
  constructor(boardId: () => string) {
    this.#boardId = boardId;
  }

  get session(): BoardSession | null {
    return this.#session;
  }

  get members(): BoardMembers | null {
    return this.#members;
  }

  /** Why the board cannot open here, or null while it can. */
  get problem(): BoardProblemKind | null {
    return isBoardId(this.#boardId()) ? this.#refused : 'missing';
  }

  /**
   * True when the board can show: its document is in, and this person's role is known or cannot
   * be asked for. Cards drawn before the role would all be drawn again when it came (whether each
   * can be dragged, edited, archived): on the 2,000-card board that was a third of a second more.
   */
  get ready(): boolean {
    const session = this.#session;
    return session !== null && session.ready && (session.access !== null || this.#accessAsked);
  }

  get title(): string | null {
    return this.#session?.meta.title || this.#fetchedTitle || null;
  }

  get email(): string | null {
    return this.#email;
  }

  /** Opens the board's session and members for this generation; returns their cleanup (an effect's). */
  open(): (() => void) | undefined {
    const boardId = this.#boardId();
    if (!isBoardId(boardId)) return;
    void this.#generation;
    const current = new BoardSession(boardId, syncUrl(location), {
      onRoleChanged: () => void this.#loadAccess(current),
      onOfflineMerged: (count) => toast.success(t('board.offlineMerged', { count }))
    });
    current.access = rememberedAccess(boardId);
    this.#accessAsked = false;
    this.#session = current;
    const people = new BoardMembers(boardId);
    this.#members = people;
    void this.#loadAccess(current);
    void people.refresh();
    return () => {
      this.#session = null;
      this.#members = null;
      current.destroy();
    };
  }

  /** Acts on what the server said when it ended the session for good (an effect's body). */
  follow(): void {
    const current = this.#session;
    const ended = current?.ended;
    if (!current || !ended) return;
    if (ended === 'signed-out') void goto(resolve('/signin'));
    else if (ended === 'removed') this.#refuse('removed', current);
    else {
      this.notice = 'refused';
      void current.discardLocalCopy().then(() => this.#generation++);
    }
  }

  /** The board cannot open for this person: say why, and stop the socket's endless retries. */
  #refuse(kind: BoardProblemKind, current: BoardSession): void {
    this.#refused = kind;
    current.stop();
    forgetAccess(this.#boardId());
  }

  /**
   * Asks the server who this person is here and what they may do. Remembered per board, so a
   * board opened offline is editable by someone who could edit it when last online.
   */
  async #loadAccess(current: BoardSession): Promise<void> {
    try {
      await this.#askAccess(current);
    } finally {
      this.#accessAsked = true;
    }
  }

  async #askAccess(current: BoardSession): Promise<void> {
    const id = this.#boardId();
    let res: Response;
    try {
      // Bounded: the board waits for the answer (`ready`), and a hung request must not hold it.
      res = await fetch(`/api/boards/${id}`, { signal: AbortSignal.timeout(ACCESS_TIMEOUT_MS) });
    } catch {
      return; // offline or no answer: the remembered access (if any) stands
    }
    if (res.status === 401) return void goto(resolve('/signin'));
    if (res.status === 404) return this.#refuse('missing', current);
    if (res.status === 403) {
      this.#refuse('forbidden', current);
      this.#email = await signedInEmail();
      return;
    }
    if (!res.ok) return;
    const body = (await res.json()) as {
      board: { title: string };
      role: BoardAccess['role'];
      user: BoardAccess['user'];
    };
    this.#fetchedTitle = body.board.title;
    const access: BoardAccess = { role: body.role, user: body.user };
    // The same role as remembered: every card reads it, so it is not set again for nothing.
    if (!sameAccess(current.access, access)) current.access = access;
    rememberAccess(id, access);
  }
}

function sameAccess(a: BoardAccess | null, b: BoardAccess): boolean {
  return (
    a !== null &&
    a.role === b.role &&
    a.user.id === b.user.id &&
    a.user.name === b.user.name &&
    a.user.color === b.user.color
  );
}

async function signedInEmail(): Promise<string | null> {
  try {
    const res = await fetch('/api/auth/me');
    if (!res.ok) return null;
    return ((await res.json()) as { user: { email: string } }).user.email;
  } catch {
    return null;
  }
}
