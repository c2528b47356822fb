/**
 * Housekeeping of attachment files nobody can reach any more (README.md says why it is shaped
 * so): temporary upload files a crash left in `.incoming/`, and the drafts of cards a client
 * deleted from the board's document, which go only after a grace period: deleting drafts is final,
 * and a card may yet come back (the update policy refuses a client writing a card under a used id,
 * so only the server can restore one, but nothing is lost by waiting).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { roots } from '#lib/board/schema';
import { errorMessage, type Logger } from '../log';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import type { AttachmentStore } from './AttachmentStore';
import { ATTACHMENTS_FOLDER, INCOMING_FOLDER } from './versionFile';

const HOUR_MS = 3600 * 1000;
export const SWEEP_INTERVAL_MS = 24 * HOUR_MS;
/** Long enough for someone to notice a deletion and have the card restored before its drafts go. */
export const ORPHAN_GRACE_MS = 30 * 24 * HOUR_MS;
/** No upload is written for an hour without a byte arriving: an older file is no upload's. */
export const INCOMING_MAX_AGE_MS = HOUR_MS;

/** What can be tuned; tests shorten the grace and drive the clock. */
export interface SweepOptions {
  now?: () => number;
  /** How long a card must have been seen gone before its drafts are deleted. */
  graceMs?: number;
  /** How old (by mtime) a file in `.incoming/` must be to be removed at start. */
  incomingMaxAgeMs?: number;
}

export interface AttachmentSweeperDeps extends SweepOptions {
  store: AttachmentStore;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  docs: Pick<DocStore, 'loadDoc'>;
  /** Deletes an attachment's rows and files, in turn with the attachment's other writes. */
  remove(boardId: string, attachmentId: string): Promise<unknown>;
  dataDir: string;
  log: Logger;
}

export interface SweepResult {
  /** Boards whose attachments were checked against their document. */
  boards: number;
  marked: number;
  cleared: number;
  removed: number;
  /** Boards skipped because their document could not be read, or a write failed. */
  failed: number;
}

export class AttachmentSweeper {
  readonly #deps: AttachmentSweeperDeps;
  readonly #now: () => number;
  readonly #graceMs: number;
  #timer: ReturnType<typeof setInterval> | null = null;
  #starting: Promise<void> | null = null;
  #running: Promise<SweepResult> | null = null;
  #stopped = false;

  constructor(deps: AttachmentSweeperDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#graceMs = deps.graceMs ?? ORPHAN_GRACE_MS;
  }

  /**
   * Removes stale uploads and sweeps now, in the background (start-up does not wait for it), then
   * sweeps every `intervalMs`.
   */
  start(intervalMs = SWEEP_INTERVAL_MS): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#stopped = false;
    this.#starting = this.removeStaleUploads().then(() => {
      if (!this.#stopped) void this.sweep();
    });
    this.#timer = setInterval(() => void this.sweep(), intervalMs);
    // A pending sweep must not keep the process alive after everything else has stopped.
    this.#timer.unref();
  }

  /** Ends the timer and waits for a pass under way, which stops after its current board. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#starting;
    await this.#running;
  }

  /**
   * Removes files in `.incoming/` older than the age limit: left by a crash between receiving an
   * upload and moving it into place (every other way out removes its file). Run at start only,
   * when leftovers appear; the age keeps it off an upload in flight all the same. Returns how many.
   */
  async removeStaleUploads(): Promise<number> {
    const { dataDir, log, incomingMaxAgeMs = INCOMING_MAX_AGE_MS } = this.#deps;
    const dir = path.join(dataDir, ATTACHMENTS_FOLDER, INCOMING_FOLDER);
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if (!isMissing(error)) log.error('stale uploads not read', { dir, error: errorMessage(error) });
      return [];
    });
    const before = this.#now() - incomingMaxAgeMs;
    let removed = 0;
    for (const entry of entries) {
      // receiveUpload writes plain files only: anything else is not ours to remove.
      if (!entry.isFile()) continue;
      const file = path.join(dir, entry.name);
      try {
        const { mtimeMs } = await fsp.stat(file);
        if (mtimeMs >= before) continue;
        await fsp.rm(file, { force: true });
        removed++;
      } catch (error) {
        if (!isMissing(error)) log.warn('stale upload not removed', { file, error: errorMessage(error) });
      }
    }
    if (removed > 0) log.info('stale uploads removed', { files: removed });
    else log.debug('no stale uploads', { dir });
    return removed;
  }

  /** One pass over every board with attachments, one board at a time. Passes never overlap. */
  sweep(): Promise<SweepResult> {
    this.#running ??= this.#sweep().finally(() => (this.#running = null));
    return this.#running;
  }

  async #sweep(): Promise<SweepResult> {
    const result: SweepResult = { boards: 0, marked: 0, cleared: 0, removed: 0, failed: 0 };
    const { store, log } = this.#deps;
    try {
      for (const boardId of await store.listBoards()) {
        if (this.#stopped) break;
        try {
          if (await this.#sweepBoard(boardId, result)) result.boards++;
          else result.failed++;
        } catch (error) {
          result.failed++;
          log.error('attachment sweep failed on a board', { board: boardId, error: errorMessage(error) });
        }
      }
    } catch (error) {
      result.failed++;
      log.error('attachment sweep failed', { error: errorMessage(error) });
    }
    if (result.marked + result.cleared + result.removed + result.failed > 0) {
      log.info('attachment sweep', { ...result });
    }
    return result;
  }

  /** Marks, clears or deletes the board's attachments by their card's presence; false when skipped. */
  async #sweepBoard(boardId: string, result: SweepResult): Promise<boolean> {
    const { store, log, remove } = this.#deps;
    const attachments = await store.listAttachments(boardId);
    const cards = await this.#cardsOn(boardId);
    if (!cards) {
      // Rows but no stored document: a deleted board whose clean-up failed, or a damaged file.
      // Not knowing which cards exist, nothing is marked; the operator sees why.
      log.warn('attachment sweep skipped a board without a document', { board: boardId });
      return false;
    }
    const now = this.#now();
    for (const { attachmentId, cardId, orphanedAt } of attachments) {
      if (cards.has(cardId)) {
        if (orphanedAt !== null && (await store.clearOrphaned(boardId, attachmentId))) result.cleared++;
      } else if (orphanedAt === null) {
        // The first sighting only starts the clock: nothing is deleted in the pass that marks.
        if (await store.markOrphaned(boardId, attachmentId, now)) result.marked++;
      } else if (now - orphanedAt >= this.#graceMs) {
        await remove(boardId, attachmentId);
        result.removed++;
        log.info('orphaned attachment removed', { board: boardId, card: cardId, attachment: attachmentId });
      }
    }
    return true;
  }

  /** The ids of the cards in the board's document, or null when the store holds none. */
  #cardsOn(boardId: string): Promise<Set<string> | null> {
    return readDocOnce(this.#deps.rooms, this.#deps.docs, boardId, (doc) => new Set(roots(doc).cards.keys()));
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
