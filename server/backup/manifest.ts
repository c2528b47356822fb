/**
 * The archive's table of contents (`manifest.json`): what the archive must hold, byte for byte, so
 * a restore can refuse a damaged archive before anything reaches DATA_DIR. Archive paths use '/'
 * and mirror DATA_DIR's layout, except the database, which has a fixed name: DB_FILE may differ on
 * the machine that restores.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BOARD_ID_PATTERN } from '#lib/board/ids';
import { PROJECT_ROOT } from '../paths';
import { ATTACHMENTS_FOLDER } from '../attachments/versionFile';
import { BackupError } from './BackupError';

export const BACKUP_FORMAT = 'stageboard-backup';
/** Raised when the layout changes; a restore refuses versions it does not know. */
export const FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** The SQLite database's name inside the archive. */
export const DATABASE_NAME = 'database.sqlite';

/** One file of the archive: where, how long, and its hex sha256. */
export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** ISO 8601, when the database snapshot was taken. */
  createdAt: string;
  /** package.json's version of the Stageboard that wrote the archive. */
  appVersion: string;
  database: ManifestFile;
  /** Every attachment version the database's rows name, and nothing else. */
  attachments: ManifestFile[];
}

const id = BOARD_ID_PATTERN.source.slice(1, -1);
/** The only attachment paths an archive may name: no '..', no absolute path, no other folder. */
const ATTACHMENT_PATH = new RegExp(`^${ATTACHMENTS_FOLDER}/${id}/${id}/v[1-9][0-9]{0,5}$`);
const SHA256 = /^[0-9a-f]{64}$/;

/** The size and hex sha256 of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { size, sha256: hash.digest('hex') };
}

/** The version of this Stageboard, as package.json says. */
export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

function fileEntry(value: unknown, where: string, pathOk: (p: string) => boolean): ManifestFile {
  const entry = value as Partial<ManifestFile> | null;
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof entry.path !== 'string' ||
    !pathOk(entry.path) ||
    typeof entry.size !== 'number' ||
    !Number.isSafeInteger(entry.size) ||
    entry.size < 0 ||
    typeof entry.sha256 !== 'string' ||
    !SHA256.test(entry.sha256)
  ) {
    throw new BackupError(`The manifest's ${where} is not a valid file entry.`);
  }
  return { path: entry.path, size: entry.size, sha256: entry.sha256 };
}

/** Reads and checks a manifest's text; throws BackupError naming the first thing wrong. */
export function parseManifest(text: string): Manifest {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new BackupError(`${MANIFEST_NAME} is not valid JSON.`);
  }
  if (typeof raw !== 'object' || raw === null || raw.format !== BACKUP_FORMAT) {
    throw new BackupError(`${MANIFEST_NAME} does not describe a Stageboard backup.`);
  }
  if (raw.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(
      `The archive's format version ${String(raw.formatVersion)} is not one this Stageboard reads ` +
        `(${FORMAT_VERSION}); restore it with the version that wrote it (${String(raw.appVersion)}).`
    );
  }
  if (typeof raw.createdAt !== 'string' || typeof raw.appVersion !== 'string') {
    throw new BackupError(`${MANIFEST_NAME} lacks its creation time or app version.`);
  }
  if (!Array.isArray(raw.attachments)) throw new BackupError(`${MANIFEST_NAME} lists no attachments.`);
  const database = fileEntry(raw.database, 'database entry', (p) => p === DATABASE_NAME);
  const attachments = raw.attachments.map((entry, i) =>
    fileEntry(entry, `attachment entry ${i + 1}`, (p) => ATTACHMENT_PATH.test(p))
  );
  const seen = new Set<string>();
  for (const { path: p } of attachments) {
    if (seen.has(p)) throw new BackupError(`${MANIFEST_NAME} lists ${p} twice.`);
    seen.add(p);
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: raw.createdAt,
    appVersion: raw.appVersion,
    database,
    attachments
  };
}
