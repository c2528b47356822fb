import type * as Y from 'yjs';
import { summarizeBoard } from '#lib/board/summary';
import { errorMessage, type Logger } from '../log';
import type { DocStore } from '../store/DocStore';

interface Window {
  timer: ReturnType<typeof setTimeout>;
  /** The document changed again inside the window: written when the window ends. */
  pending: Y.Doc | null;
}

/**
 * Keeps each board's catalogue row (its summary and updatedAt) in step with its document, so the
 * board list shows progress and the last change without opening any document. A change is
 * written at once, then at most once per `intervalMs` per board while changes keep coming: a
 * person typing a description costs one row write per window, not one per keystroke, and the
 * last change of a burst is still written when its window closes.
 */
export class BoardSummaries {
  readonly #windows = new Map<string, Window>();
  readonly #writes = new Set<Promise<void>>();

  constructor(
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly intervalMs: number
  ) {}

  /** The room's document changed (called after the change is durable). */
  changed(boardId: string, doc: Y.Doc): void {
    const open = this.#windows.get(boardId);
    if (open) {
      open.pending = doc;
      return;
    }
    this.#write(boardId, doc);
    this.#open(boardId);
  }

  /** Writes what waits in open windows and stops the timers (the server is closing). */
  async flush(): Promise<void> {
    for (const [boardId, window] of this.#windows) {
      clearTimeout(window.timer);
      if (window.pending) this.#write(boardId, window.pending);
    }
    this.#windows.clear();
    await Promise.all(this.#writes);
  }

  #open(boardId: string): void {
    const timer = setTimeout(() => {
      const window = this.#windows.get(boardId);
      this.#windows.delete(boardId);
      if (window?.pending) this.changed(boardId, window.pending);
    }, this.intervalMs);
    // A pending summary is no reason to keep the process alive; close() flushes it.
    timer.unref?.();
    this.#windows.set(boardId, { timer, pending: null });
  }

  #write(boardId: string, doc: Y.Doc): void {
    const write = this.store
      .updateBoard(boardId, { summary: summarizeBoard(doc) })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.log.warn('board summary not written', { board: boardId, error: errorMessage(error) });
      })
      .finally(() => this.#writes.delete(write));
    this.#writes.add(write);
  }
}
