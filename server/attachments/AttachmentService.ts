/**
 * Card attachments: files stored under `<dataDir>/attachments/<board>/<attachment>/v<n>`, one
 * file per version, never overwritten; the card's entry in the board document (name, type,
 * versions) is what says a file exists, so a file the document no longer names is not served.
 * Why this shape, and what is left: README.md.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { BoardAction } from '../../src/lib/auth/permissions';
import type * as Y from 'yjs';
import {
  addAttachmentVersion,
  readAttachments,
  type AttachmentType,
  type BoardOrigin
} from '../../src/lib/board';
import { newId, isBoardId } from '../../src/lib/board/ids';
import { roots } from '../../src/lib/board/schema';
import type { PublicUser } from '../auth/AuthService';
import type { MembershipService } from '../auth/MembershipService';
import type { BoardService } from '../boards/BoardService';
import { RequestError, isRequestError } from '../RequestError';
import type { RoomManager } from '../rooms/RoomManager';
import { SNIFF_BYTES, sniffType } from './sniff';

type AttachmentRequestCode = 'too-large' | 'unsupported-type' | 'not-found' | 'invalid' | 'empty';

export class AttachmentRequestError extends RequestError<400 | 404 | 413 | 415, AttachmentRequestCode> {
  override name = 'AttachmentRequestError';
}

export function isAttachmentRequestError(e: unknown): e is AttachmentRequestError {
  return isRequestError(e, 'AttachmentRequestError');
}

const NAME_MAX = 200;
// eslint-disable-next-line no-control-regex -- control characters are what is being removed
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A file name as shown: its last path segment, no control characters, bounded. */
export function cleanFileName(name: unknown): string {
  const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
  const clean = base.replace(CONTROL, '').trim().slice(0, NAME_MAX);
  return clean || 'draft';
}

export interface StoredVersion {
  attachmentId: string;
  v: number;
  type: AttachmentType;
  size: number;
  name: string;
}

export class AttachmentService {
  readonly #root: string;

  constructor(
    dataDir: string,
    private readonly maxBytes: number,
    private readonly rooms: RoomManager,
    private readonly boards: BoardService,
    private readonly members: MembershipService
  ) {
    this.#root = path.join(dataDir, 'attachments');
  }

  /**
   * Stores `body` as a new attachment of the card, or as the next version of `attachmentId`.
   * Nothing is kept unless every check passes: the bytes go to a temporary file, which is moved
   * into place in the same step that records it in the document.
   */
  async upload(
    actor: PublicUser,
    boardId: string,
    cardId: string,
    input: { name: unknown; body: ReadableStream<Uint8Array> | null; attachmentId?: string }
  ): Promise<StoredVersion> {
    await this.#require(actor, boardId, 'edit-card');
    const attachmentId = input.attachmentId ?? newId();
    if (!isBoardId(attachmentId)) throw new AttachmentRequestError(404, 'not-found', 'No such attachment.');
    await this.rooms.read(boardId, (doc) => this.#find(doc, cardId, input.attachmentId));
    const name = cleanFileName(input.name);
    const temp = await this.#receive(input.body);
    try {
      const type = sniffType(temp.head);
      if (!type) {
        throw new AttachmentRequestError(
          415,
          'unsupported-type',
          'Only PNG, JPEG, GIF and WebP images and PDF files can be attached (judged by the file’s content).'
        );
      }
      const dir = path.join(this.#root, boardId, attachmentId);
      await fsp.mkdir(dir, { recursive: true });
      const origin: BoardOrigin = { source: 'server', reason: 'attachment' };
      let v = 0;
      await this.rooms.change(
        boardId,
        (doc) => {
          const next = this.#find(doc, cardId, input.attachmentId) + 1;
          // Into place before the document names it; a failure here leaves the document alone.
          fs.renameSync(temp.file, path.join(dir, `v${next}`));
          v = addAttachmentVersion(
            doc,
            cardId,
            attachmentId,
            { name, size: temp.size, type, by: actor.id },
            origin
          );
        },
        origin.reason
      );
      return { attachmentId, v, type, size: temp.size, name };
    } finally {
      await fsp.rm(temp.file, { force: true });
    }
  }

  /** A version's file and type, for a member of the board. */
  async open(actor: PublicUser, boardId: string, attachmentId: string, v: number) {
    await this.#require(actor, boardId, 'read');
    const version = await this.rooms.read(boardId, (doc) => {
      for (const card of roots(doc).cards.values()) {
        const found = readAttachments(card).find((a) => a.id === attachmentId);
        const version = found?.versions.find((x) => x.v === v);
        if (found && version) return { ...version, name: found.name };
      }
      return null;
    });
    const file = path.join(this.#root, boardId, attachmentId, `v${v}`);
    if (!version || !isBoardId(attachmentId) || !fs.existsSync(file)) {
      throw new AttachmentRequestError(404, 'not-found', 'No such attachment version.');
    }
    return { file, ...version };
  }

  /** Deletes every file of a board (the board is being deleted). */
  async removeBoard(boardId: string): Promise<void> {
    if (isBoardId(boardId)) await fsp.rm(path.join(this.#root, boardId), { recursive: true, force: true });
  }

  async #require(actor: PublicUser, boardId: string, action: BoardAction): Promise<void> {
    await this.members.require(actor.id, boardId, action);
    await this.boards.get(boardId);
  }

  /** Checks the card (and the attachment a new version is for) exists; returns its version count. */
  #find(doc: Y.Doc, cardId: string, attachmentId?: string): number {
    const card = roots(doc).cards.get(cardId);
    if (!card) throw new AttachmentRequestError(404, 'not-found', 'No such card.');
    const versions = readAttachments(card).find((a) => a.id === attachmentId)?.versions.length ?? 0;
    if (attachmentId && versions === 0) {
      throw new AttachmentRequestError(404, 'not-found', 'No such attachment on this card.');
    }
    return versions;
  }

  /** Streams the body to a temporary file, stopping (and deleting it) past the size limit. */
  async #receive(body: ReadableStream<Uint8Array> | null) {
    const tmpDir = path.join(this.#root, '.incoming');
    await fsp.mkdir(tmpDir, { recursive: true });
    const file = path.join(tmpDir, randomBytes(12).toString('hex'));
    const head = new Uint8Array(SNIFF_BYTES);
    let size = 0;
    try {
      const out = await fsp.open(file, 'wx');
      try {
        const reader = body?.getReader();
        for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
          if (size < SNIFF_BYTES) head.set(chunk.value.subarray(0, SNIFF_BYTES - size), size);
          size += chunk.value.byteLength;
          if (size > this.maxBytes) {
            await reader?.cancel();
            const mb = Math.floor(this.maxBytes / (1024 * 1024));
            throw new AttachmentRequestError(
              413,
              'too-large',
              `The file is over ${mb} MB, the limit for one draft.`
            );
          }
          await out.write(chunk.value);
        }
      } finally {
        await out.close();
      }
      if (size === 0) throw new AttachmentRequestError(400, 'empty', 'The file is empty.');
      return { file, size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)) };
    } catch (error) {
      await fsp.rm(file, { force: true });
      throw error;
    }
  }
}
