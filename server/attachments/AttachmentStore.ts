/**
 * The server's record of stored attachment versions, behind one interface (like InviteStore):
 * what a download is checked against and what the card's document entry is rebuilt from. The
 * document is only a mirror for clients; this record and the files on disk are the truth.
 */
import type { AttachmentType } from '#lib/board/attachment-ops';

export interface AttachmentVersionRecord {
  boardId: string;
  attachmentId: string;
  /** 1, 2, …: the round of the draft. */
  v: number;
  cardId: string;
  /** The cleaned file name this version was uploaded under. */
  name: string;
  /** Sniffed from the content. */
  type: AttachmentType;
  size: number;
  /** Hex sha256 of the content. */
  sha256: string;
  uploadedBy: string;
  /** Milliseconds since the epoch, from the server's clock. */
  createdAt: number;
}

/** One attachment as the housekeeping sweep sees it (AttachmentSweeper.ts). */
export interface AttachmentOrphanState {
  attachmentId: string;
  cardId: string;
  /**
   * When the sweep first found the card gone from the document, or null while any version is
   * unmarked: a version uploaded after the mark means the card was back, so the older mark says
   * nothing about how long it has been gone.
   */
  orphanedAt: number | null;
}

/** A version write the store refuses: that version number of the attachment exists already. */
export class AttachmentStoreError extends Error {
  override name = 'AttachmentStoreError';
  readonly code = 'version-taken';
}

export interface AttachmentStore {
  /** Records a version; rejects with AttachmentStoreError when (board, attachment, v) exists. */
  addVersion(record: AttachmentVersionRecord): Promise<void>;
  /** One version, or null. */
  getVersion(boardId: string, attachmentId: string, v: number): Promise<AttachmentVersionRecord | null>;
  /** Every version of an attachment, oldest (v1) first; [] for an unknown attachment. */
  listVersions(boardId: string, attachmentId: string): Promise<AttachmentVersionRecord[]>;
  /** Deletes one version (an upload undone); true when there was one. */
  removeVersion(boardId: string, attachmentId: string, v: number): Promise<boolean>;
  /** Deletes every version of an attachment; returns how many. */
  removeAttachment(boardId: string, attachmentId: string): Promise<number>;
  /** Deletes every version of a board's attachments (the board is being deleted); returns how many. */
  removeBoard(boardId: string): Promise<number>;
  /** The boards that have attachment versions, each once, for the sweep to visit one at a time. */
  listBoards(): Promise<string[]>;
  /** Each attachment of a board once, with its card and its orphan mark. */
  listAttachments(boardId: string): Promise<AttachmentOrphanState[]>;
  /** Marks the attachment's unmarked versions orphaned at `at` (an earlier mark stays); returns how many. */
  markOrphaned(boardId: string, attachmentId: string, at: number): Promise<number>;
  /** Clears the attachment's marks (its card is back); returns how many versions were marked. */
  clearOrphaned(boardId: string, attachmentId: string): Promise<number>;
}
