/**
 * Tells open manager's pages that a board of theirs changed, so they read their overview again
 * (the inbox's approach: Server-Sent Events, then a refetch). Changes are gathered for DELAY_MS
 * so a burst of typing on a board costs one refetch per page, not one per keystroke.
 */
import type { MembershipService } from '../auth/MembershipService';
import { errorMessage, type Logger } from '../log';

export type OverviewListener = (boardId: string) => void;

/** Open manager's pages a person may hold (like the inbox's STREAMS_PER_USER). */
export const OVERVIEW_STREAMS_PER_USER = 6;
const DELAY_MS = 300;

export class OverviewFeed {
  readonly #listeners = new Map<string, Set<OverviewListener>>();
  readonly #changed = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly members: Pick<MembershipService, 'roleOf'>,
    private readonly log: Logger,
    private readonly delayMs = DELAY_MS
  ) {}

  /** Listens for changes of the person's boards; null when they hold as many pages as they may. */
  subscribe(userId: string, listener: OverviewListener): (() => void) | null {
    const set = this.#listeners.get(userId) ?? new Set<OverviewListener>();
    if (set.size >= OVERVIEW_STREAMS_PER_USER) return null;
    set.add(listener);
    this.#listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(userId);
    };
  }

  /** A board's document changed (called after the change is durable). */
  changed(boardId: string): void {
    if (this.#listeners.size === 0) return;
    this.#changed.add(boardId);
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#tell().catch((error: unknown) => {
        this.log.warn('manager pages not told', { error: errorMessage(error) });
      });
    }, this.delayMs);
    this.#timer.unref?.();
  }

  /** Stops the timer (the server is closing); open streams end with their requests. */
  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #tell(): Promise<void> {
    const boards = [...this.#changed];
    this.#changed.clear();
    for (const boardId of boards) {
      for (const [userId, set] of this.#listeners) {
        // Membership is asked now: someone taken off the board hears nothing more of it.
        if ((await this.members.roleOf(boardId, userId)) === null) continue;
        for (const listener of set) listener(boardId);
      }
    }
  }
}
