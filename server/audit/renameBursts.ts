/**
 * Card titles are live text: typed keystroke by keystroke, each key an update and so a
 * `card.renamed` event. A card's history should read "renamed A → B" once, not once per letter.
 * A rename is held while its author keeps typing (RENAME_QUIET_MS between keys, RENAME_MAX_MS in
 * all), the first `from` and the last title kept, then released as one event. A burst that ends
 * where it began is dropped: nothing was renamed. A rename derived in a room reads its title only
 * here, when the burst is released (`readTitle`): once per burst, not once per keystroke.
 */
import type { NewActivity } from './ActivityService';

export const RENAME_QUIET_MS = 3_000;
export const RENAME_MAX_MS = 60_000;

/** One released rename: who renamed which board's card. */
export type ReleasedRename = { boardId: string; userId: string | null; event: NewActivity };

interface Held extends ReleasedRename {
  startedAt: number;
  timer: ReturnType<typeof setTimeout>;
}

export class RenameBursts {
  readonly #held = new Map<string, Held>();

  constructor(
    private readonly release: (rename: ReleasedRename) => void,
    private readonly now: () => number,
    private readonly quietMs = RENAME_QUIET_MS,
    private readonly maxMs = RENAME_MAX_MS
  ) {}

  /** Takes a `card.renamed` event in; the others are returned to be recorded now. */
  take(boardId: string, userId: string | null, events: readonly NewActivity[]): NewActivity[] {
    const now: NewActivity[] = [];
    for (const event of events) {
      if (event.kind === 'card.renamed' && event.cardId) this.#hold(boardId, userId, event);
      else now.push(event);
    }
    return now;
  }

  /** Releases every held rename at once (shutdown). */
  releaseAll(): void {
    for (const key of [...this.#held.keys()]) this.#release(key);
  }

  #hold(boardId: string, userId: string | null, event: NewActivity): void {
    const key = `${boardId}\u0000${userId ?? ''}\u0000${event.cardId}`;
    const held = this.#held.get(key);
    if (held) clearTimeout(held.timer);
    // The burst keeps where it started; its title is the latest.
    const data = held ? { ...event.data, from: held.event.data.from } : event.data;
    const startedAt = held?.startedAt ?? this.now();
    const wait = Math.max(0, Math.min(this.quietMs, startedAt + this.maxMs - this.now()));
    const timer = setTimeout(() => this.#release(key), wait);
    timer.unref?.();
    this.#held.set(key, { boardId, userId, event: { ...event, data }, startedAt, timer });
  }

  #release(key: string): void {
    const held = this.#held.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    this.#held.delete(key);
    const { kind, cardId, data, readTitle } = held.event;
    const event: NewActivity = { kind, cardId, data: { ...data, title: readTitle?.() ?? data.title } };
    if (event.data.from === event.data.title) return;
    this.release({ boardId: held.boardId, userId: held.userId, event });
  }
}
