/**
 * Where attachment files live under DATA_DIR: one place, so the service that writes them, the
 * sweep that clears `.incoming/` and the backup that copies them agree on the layout (README.md).
 */
import path from 'node:path';

/** The folder under DATA_DIR holding every board's attachment files. */
export const ATTACHMENTS_FOLDER = 'attachments';
/** Under ATTACHMENTS_FOLDER: uploads being received, moved into place only once they pass. */
export const INCOMING_FOLDER = '.incoming';

/** An attachment's folder (all its versions); ids must be checked (isBoardId) before they get here. */
export function attachmentDir(dataDir: string, boardId: string, attachmentId: string): string {
  return path.join(dataDir, ATTACHMENTS_FOLDER, boardId, attachmentId);
}

/** A version's file, relative to DATA_DIR with '/' separators (as archives name it). */
export function versionPath(boardId: string, attachmentId: string, v: number): string {
  return `${ATTACHMENTS_FOLDER}/${boardId}/${attachmentId}/v${v}`;
}

/** A version's file, written once and never changed. */
export function versionFile(dataDir: string, boardId: string, attachmentId: string, v: number): string {
  return path.join(dataDir, ...versionPath(boardId, attachmentId, v).split('/'));
}
