/**
 * Card attachments: each version is a file at `<dataDir>/attachments/<board>/<attachment>/v<n>`,
 * written once and never changed, recorded in the AttachmentStore and mirrored into the card's
 * entry in the board document for clients to show. Why this shape: README.md.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type * as Y from 'yjs';
import type { BoardAction } from '#lib/auth/permissions';
import {
  BoardError,
  putAttachment,
  removeAttachment,
  type AttachmentType,
  type AttachmentValue,
  type BoardOrigin
} from '#lib/board';
import { isBoardId, newId } from '#lib/board/ids';
import { CardKey, roots } from '#lib/board/schema';
import type { ActivityService } from '../audit/ActivityService';
import type { PublicUser } from '../auth/AuthService';
import type { MembershipService } from '../auth/MembershipService';
import type { BoardService } from '../boards/BoardService';
import { errorMessage, type Logger } from '../log';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { notFound, tooLarge } from './attachmentRefusals';
import type { AttachmentStore, AttachmentVersionRecord } from './AttachmentStore';
import { AttachmentSweeper, type SweepOptions } from './AttachmentSweeper';
import type { DraftLimits } from './draftLimits';
import { cleanFileName } from './fileName';
import { receiveUpload } from './receiveUpload';
import { ATTACHMENTS_FOLDER, INCOMING_FOLDER, attachmentDir, versionFile } from './versionFile';

/** Version numbers past this are not looked up: no draft goes through a million rounds. */
const VERSION_MAX = 999_999;

export interface AttachmentServiceDeps {
  store: AttachmentStore;
  rooms: Pick<RoomManager, 'read' | 'change' | 'stats'>;
  boards: Pick<BoardService, 'get'>;
  members: Pick<MembershipService, 'require'>;
  /** Where the sweep reads the document of a board nobody has open. */
  docs: Pick<DocStore, 'loadDoc'>;
  dataDir: string;
  /** Largest version accepted, in bytes, by kind under one ceiling (config, draftLimits.ts). */
  limits: DraftLimits;
  log: Logger;
  sweep?: SweepOptions;
  /** Where an upload is told to the board's feed (ActivityService.record). */
  activity?: Pick<ActivityService, 'record'>;
}

export interface UploadInput {
  /** The file name the client gave; cleaned here. */
  name: unknown;
  body: AsyncIterable<Uint8Array>;
  /** The declared Content-Length, when there was one: a body announced too large is refused unread. */
  length?: number;
  /** Set for a new version of this attachment; absent for a new attachment. */
  attachmentId?: string;
}

export interface UploadedVersion {
  attachmentId: string;
  v: number;
  name: string;
  type: AttachmentType;
  size: number;
}

/** A stored version, ready to be served. */
export interface StoredFile {
  file: string;
  name: string;
  type: AttachmentType;
  size: number;
  sha256: string;
}

/** The card's document entry, rebuilt from the record (versions oldest first). */
function entryOf(rows: readonly AttachmentVersionRecord[]): AttachmentValue {
  const last = rows[rows.length - 1]!;
  return {
    name: last.name,
    type: last.type,
    versions: rows.map((r) => ({
      v: r.v,
      size: r.size,
      at: r.createdAt,
      by: r.uploadedBy,
      type: r.type,
      name: r.name
    }))
  };
}

export class AttachmentService {
  /** Largest body read before its type is known (every kind's limit is at most this). */
  readonly maxBytes: number;
  /** Housekeeping of unreachable files: started and stopped with the server (app.ts). */
  readonly sweeper: AttachmentSweeper;
  readonly #root: string;
  /** Per attachment, the tail of its queue of writes: version numbers are handed out one at a time. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: AttachmentServiceDeps) {
    this.maxBytes = deps.limits.ceiling;
    this.#root = path.join(deps.dataDir, ATTACHMENTS_FOLDER);
    const { store, rooms, docs, dataDir, log } = deps;
    this.sweeper = new AttachmentSweeper({
      ...deps.sweep,
      store,
      rooms,
      docs,
      dataDir,
      log,
      remove: (boardId, attachmentId) => this.removeOrphan(boardId, attachmentId)
    });
  }

  /**
   * Stores `body` as a new attachment of the card, or as the next version of `attachmentId`.
   * Nothing is kept unless every check passes: the bytes go to a temporary file, which is moved
   * into place only once the size and type checks passed and the version is recorded.
   */
  async upload(
    actor: PublicUser,
    boardId: string,
    cardId: string,
    input: UploadInput
  ): Promise<UploadedVersion> {
    await this.#require(actor, boardId, 'edit-card');
    const { store, rooms } = this.deps;
    const existing = input.attachmentId;
    if (existing !== undefined) await this.#versionsOn(boardId, cardId, existing);
    if (!(await rooms.read(boardId, (doc) => roots(doc).cards.has(cardId)))) throw notFound('card');
    if (input.length !== undefined && input.length > this.maxBytes) {
      // Refused before a byte is read; receiveUpload counts too, for bodies that lie or do not say.
      throw tooLarge(this.maxBytes);
    }
    const received = await receiveUpload(
      input.body,
      path.join(this.#root, INCOMING_FOLDER),
      this.deps.limits
    );
    const attachmentId = existing ?? newId();
    try {
      return await this.#serial(boardId, attachmentId, async () => {
        const before = existing === undefined ? [] : await this.#versionsOn(boardId, cardId, existing);
        const record: AttachmentVersionRecord = {
          boardId,
          attachmentId,
          v: (before[before.length - 1]?.v ?? 0) + 1,
          cardId,
          name: cleanFileName(input.name),
          type: received.type,
          size: received.size,
          sha256: received.sha256,
          uploadedBy: actor.id,
          createdAt: Date.now()
        };
        const file = this.#file(boardId, attachmentId, record.v);
        await fsp.mkdir(path.dirname(file), { recursive: true });
        await fsp.rename(received.file, file);
        let recorded = false;
        try {
          await store.addVersion(record);
          recorded = true;
          await this.#mirror(boardId, cardId, attachmentId, [...before, record]);
        } catch (error) {
          // The card went while the file came in (or the store failed): keep nothing of it.
          if (recorded) await store.removeVersion(boardId, attachmentId, record.v);
          await fsp.rm(file, { force: true });
          throw error instanceof BoardError ? notFound('card') : error;
        }
        const { v, name, type, size } = record;
        await this.#recordUpload(actor, boardId, cardId, name, v);
        return { attachmentId, v, name, type, size };
      });
    } finally {
      await fsp.rm(received.file, { force: true });
    }
  }

  /** The board's feed hears of a stored upload; a lost line costs the feed one entry, never the file. */
  async #recordUpload(actor: PublicUser, boardId: string, cardId: string, file: string, version: number) {
    const { activity, rooms, log } = this.deps;
    if (!activity) return;
    try {
      const title = await rooms.read(boardId, (doc) =>
        String(roots(doc).cards.get(cardId)?.get(CardKey.title) ?? '')
      );
      await activity.record(boardId, actor.id, [
        { kind: 'attachment.uploaded', cardId, data: { title, file, version } }
      ]);
    } catch (error) {
      log.error('activity not recorded', { board: boardId, error: errorMessage(error) });
    }
  }

  /** A version's file, for a member of the board. */
  async open(actor: PublicUser, boardId: string, attachmentId: string, v: number): Promise<StoredFile> {
    await this.#require(actor, boardId, 'read');
    const valid = isBoardId(attachmentId) && Number.isInteger(v) && v >= 1 && v <= VERSION_MAX;
    const record = valid ? await this.deps.store.getVersion(boardId, attachmentId, v) : null;
    const file = this.#file(boardId, attachmentId, v);
    if (!record || !fs.existsSync(file)) throw notFound('attachment version');
    const { name, type, size, sha256 } = record;
    return { file, name, type, size, sha256 };
  }

  /** Deletes an attachment with every version: its document entry, its record and its files, at once. */
  async remove(actor: PublicUser, boardId: string, cardId: string, attachmentId: string): Promise<void> {
    await this.#require(actor, boardId, 'edit-card');
    await this.#versionsOn(boardId, cardId, attachmentId);
    await this.#serial(boardId, attachmentId, async () => {
      await this.deps.rooms.change(
        boardId,
        (doc) => void (roots(doc).cards.has(cardId) && removeAttachment(doc, cardId, attachmentId)),
        'attachment-removed'
      );
      await this.#drop(boardId, attachmentId);
    });
  }

  /**
   * Deletes the record and files of an attachment whose card has been gone past the grace period
   * (the sweeper judged that), in turn with any upload or deletion of it; returns how many versions.
   */
  async removeOrphan(boardId: string, attachmentId: string): Promise<number> {
    if (!isBoardId(boardId) || !isBoardId(attachmentId)) return 0;
    return this.#serial(boardId, attachmentId, () => this.#drop(boardId, attachmentId));
  }

  /** Deletes every record and file of a board (the board is being deleted). */
  async removeBoard(boardId: string): Promise<void> {
    if (!isBoardId(boardId)) return;
    await this.deps.store.removeBoard(boardId);
    await fsp.rm(path.join(this.#root, boardId), { recursive: true, force: true });
  }

  async #drop(boardId: string, attachmentId: string): Promise<number> {
    const versions = await this.deps.store.removeAttachment(boardId, attachmentId);
    await fsp.rm(this.#dir(boardId, attachmentId), { recursive: true, force: true });
    return versions;
  }

  async #require(actor: PublicUser, boardId: string, action: BoardAction): Promise<void> {
    await this.deps.members.require(actor.id, boardId, action);
    await this.deps.boards.get(boardId);
  }

  /** The attachment's versions when it belongs to the card; else a 404. */
  async #versionsOn(
    boardId: string,
    cardId: string,
    attachmentId: string
  ): Promise<AttachmentVersionRecord[]> {
    const rows = isBoardId(attachmentId) ? await this.deps.store.listVersions(boardId, attachmentId) : [];
    if (rows.length === 0 || rows[0]!.cardId !== cardId) throw notFound('attachment on this card');
    return rows;
  }

  /** Writes the card's entry through the live room, so connected people see the version at once. */
  async #mirror(boardId: string, cardId: string, attachmentId: string, rows: AttachmentVersionRecord[]) {
    const origin: BoardOrigin = { source: 'server', reason: 'attachment' };
    await this.deps.rooms.change(
      boardId,
      (doc: Y.Doc) => putAttachment(doc, cardId, attachmentId, entryOf(rows), origin),
      origin.reason
    );
  }

  /** Ids are checked before they reach here (isBoardId), so they are safe path segments. */
  #dir(boardId: string, attachmentId: string): string {
    return attachmentDir(this.deps.dataDir, boardId, attachmentId);
  }

  #file(boardId: string, attachmentId: string, v: number): string {
    return versionFile(this.deps.dataDir, boardId, attachmentId, v);
  }

  /** Runs `fn` after every earlier write of the same attachment has finished. */
  async #serial<T>(boardId: string, attachmentId: string, fn: () => Promise<T>): Promise<T> {
    const key = `${boardId}/${attachmentId}`;
    const run = (this.#queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
    this.#queues.set(key, run);
    try {
      return await run;
    } finally {
      if (this.#queues.get(key) === run) this.#queues.delete(key);
    }
  }
}
