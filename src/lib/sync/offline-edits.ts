import type * as Y from 'yjs';

/**
 * Counts the person's own edits made while the board was not in sync with the server, so the page
 * can say, once the server has them, that offline changes were merged (Yjs merges silently).
 *
 * An edit is a local transaction that changed something: remote updates (the provider) and the
 * IndexedDB cache apply theirs as non-local transactions, so they never count.
 */
export class OfflineEdits {
  readonly #doc: Y.Doc;
  readonly #onMerged: (count: number) => void;
  #inSync = false;
  #pending = 0;

  /** @param onMerged called with the number of edits once a sync with the server carried them. */
  constructor(doc: Y.Doc, onMerged: (count: number) => void) {
    this.#doc = doc;
    this.#onMerged = onMerged;
    doc.on('afterTransaction', this.#count);
  }

  readonly #count = (tr: Y.Transaction): void => {
    if (this.#inSync || !tr.local) return;
    if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) this.#pending++;
  };

  /** The socket is down or resyncing: edits from now on wait for the server. */
  lost(): void {
    this.#inSync = false;
  }

  /** The server sent its state and took ours in the same exchange: what waited is merged. */
  synced(): void {
    this.#inSync = true;
    const count = this.#pending;
    this.#pending = 0;
    if (count > 0) this.#onMerged(count);
  }

  destroy(): void {
    this.#doc.off('afterTransaction', this.#count);
  }
}
