import * as Y from 'yjs';
import { errorMessage, type Logger } from '../log';
import type { DocLog, StoredDoc } from '../store/DocLog';

export interface RoomPersistenceOptions {
  boardId: string;
  store: DocLog;
  log: Logger;
  compactAfterUpdates: number;
  /** The whole current document as one update, for compaction. */
  snapshot(): Uint8Array;
  /** The store refused a write; called once, after which no queued task runs. */
  onFailure(error: unknown): void;
}

/**
 * A room's write path: one serial promise chain that carries the completion of every store
 * append, every compaction and every send that must wait for them. Because the chain is serial, what is
 * broadcast after an append leaves in append order, and a task queued after a change runs only
 * once that change is durable. It also keeps the byte and update counts that limits use.
 */
export class RoomPersistence {
  readonly #options: RoomPersistenceOptions;
  #chain: Promise<void> = Promise.resolve();
  #failed = false;
  #lastSeq = 0;
  /** Snapshot plus logged bytes: grown by every applied update, reset by compaction. */
  #docBytes = 0;
  #updatesSinceCompaction = 0;
  #compactAt: number;
  /** While `batch` runs: the updates applied so far and what waits for them to be durable. */
  #batch: { updates: Uint8Array[]; afterDurable: (() => void)[] } | null = null;

  constructor(options: RoomPersistenceOptions) {
    this.#options = options;
    this.#compactAt = options.compactAfterUpdates;
  }

  get failed(): boolean {
    return this.#failed;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  get docBytes(): number {
    return this.#docBytes;
  }

  get updatesSinceCompaction(): number {
    return this.#updatesSinceCompaction;
  }

  /** Starts counting from what the store returned at load. */
  loaded(stored: StoredDoc): void {
    this.#lastSeq = stored.lastSeq;
    this.#docBytes = stored.bytes;
    this.#updatesSinceCompaction = stored.updates.length;
  }

  /**
   * Appends `update` (already applied to the doc) and queues `afterDurable` behind it, then a
   * compaction if one is due. The append is issued at once, not when the queue reaches it, so all
   * appends of one event-loop tick share the store's group commit (durability 'full'); the queue
   * still runs `afterDurable` callbacks strictly in append order, each after its own append.
   */
  append(update: Uint8Array, afterDurable: () => void): void {
    if (this.#batch) {
      this.#batch.updates.push(update);
      this.#batch.afterDurable.push(afterDurable);
      return;
    }
    // Counted when applied, not when appended, so the size check sees updates still in flight.
    this.#docBytes += update.length;
    if (this.#failed) return;
    let appended: Promise<number>;
    try {
      appended = this.#options.store.appendUpdate(this.#options.boardId, update);
    } catch (error) {
      appended = Promise.reject(error);
    }
    appended.catch(() => {}); // observed by the queued task below
    this.enqueue(async () => {
      this.#lastSeq = Math.max(this.#lastSeq, await appended);
      this.#updatesSinceCompaction++;
      afterDurable();
      if (this.#updatesSinceCompaction >= this.#compactAt) await this.#compact();
    });
  }

  /**
   * Runs `fn`; the updates it applies are stored as one append (merged), so a crash keeps all of
   * them or none: a client's update and the server's answer to it (hooks.ts updateApplied). Their
   * `afterDurable` callbacks then run in the order the updates were made. What `fn` applied before
   * throwing is still appended: Yjs has no rollback.
   */
  batch(fn: () => void): void {
    if (this.#batch) return fn();
    const batch = (this.#batch = { updates: [] as Uint8Array[], afterDurable: [] as (() => void)[] });
    try {
      fn();
    } finally {
      this.#batch = null;
      const { updates, afterDurable } = batch;
      if (updates.length === 1) this.append(updates[0]!, afterDurable[0]!);
      else if (updates.length > 1)
        this.append(Y.mergeUpdates(updates), () => {
          for (const after of afterDurable) after();
        });
    }
  }

  /** Queues `task` behind every append queued so far. */
  enqueue(task: () => Promise<void> | void): void {
    this.#chain = this.#chain
      .then(async () => {
        if (!this.#failed) await task();
      })
      .catch((error: unknown) => {
        if (this.#failed) return;
        this.#failed = true;
        this.#options.onFailure(error);
      });
  }

  /** Resolves when everything queued so far has run; rejects if the store refused a write. */
  async flush(): Promise<void> {
    await this.#chain;
    if (this.#failed) throw new Error(`Board ${this.#options.boardId}: the store refused a write.`);
  }

  /** Waits for the queue, then folds the log into a snapshot if anything was logged since the last one. */
  async close(): Promise<void> {
    await this.#chain;
    if (!this.#failed && this.#updatesSinceCompaction > 0) await this.#compact();
  }

  /** Folds the log into one snapshot; a failure is logged and retried after another batch of updates. */
  async #compact(): Promise<void> {
    const { boardId, store, log } = this.#options;
    // Taken inside the chain: every update with seq <= lastSeq is in it, and so are updates still
    // in flight; those get higher seqs, stay in the log and replay harmlessly on top.
    const snapshot = this.#options.snapshot();
    const throughSeq = this.#lastSeq;
    const counted = this.#updatesSinceCompaction;
    try {
      await store.compact(boardId, snapshot, throughSeq);
      this.#docBytes = snapshot.length;
      this.#updatesSinceCompaction -= counted;
      this.#compactAt = this.#options.compactAfterUpdates;
      log.debug('room compacted', { board: boardId, bytes: snapshot.length, throughSeq });
    } catch (error) {
      this.#compactAt = this.#updatesSinceCompaction + this.#options.compactAfterUpdates;
      log.error('compaction failed', { board: boardId, error: errorMessage(error) });
    }
  }
}
