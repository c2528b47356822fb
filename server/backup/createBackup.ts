/**
 * `npm run backup -- <file>`: one archive holding a consistent moment of the database and exactly
 * the attachment files that moment names, taken while the server runs and people edit.
 *
 * Why the database first, then the files its rows name (README.md says more):
 * - Every board's state lives in SQLite (the Yjs update log and snapshots), as do accounts,
 *   memberships and the attachment records, so the database copy *is* the moment of the backup.
 * - An attachment version's file is written once and never changed (`<board>/<attachment>/v<n>`),
 *   and its row is inserted only after the file is complete and renamed out of `.incoming/`
 *   (AttachmentService.upload). So every row in the copy names a file that was whole before the
 *   row existed, and the row's sha256 says which bytes; files uploaded after the copy are left
 *   out, as their rows are. Copying the attachment folder instead would catch files without
 *   rows, or rows without files.
 * - Deleting goes the other way: the row first, then the files. A file the copy names may thus
 *   vanish before it is copied; its row is gone from the live database by then, so the copy is
 *   taken again (a bounded number of times) rather than archived without the file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENTS_FOLDER } from '../attachments/versionFile';
import { BackupError } from './BackupError';
import { writeArchive } from './archive';
import { checkDatabase, snapshotDatabase, type VersionRecord } from './database';
import {
  appVersion,
  BACKUP_FORMAT,
  DATABASE_NAME,
  FORMAT_VERSION,
  hashFile,
  MANIFEST_NAME,
  type Manifest,
  type ManifestFile
} from './manifest';
import { countdown, formatBytes, type Progress } from './progress';

/** Copies taken before giving up when files keep vanishing under the backup. */
const ATTEMPTS = 5;

export interface BackupOptions {
  dataDir: string;
  dbFile: string;
  /** The archive to write; must not exist. */
  file: string;
  progress?: Progress;
  /**
   * Called after each database copy, before its files are staged: tests delete an attachment
   * here to take the path a deletion racing the backup takes.
   */
  afterDatabaseCopy?: () => Promise<void>;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
}

/** Writes the archive; throws BackupError (nothing left behind) when it cannot. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { dataDir, dbFile, progress = () => {} } = options;
  const file = path.resolve(options.file);
  if (fs.existsSync(file)) {
    throw new BackupError(
      `${file} exists already: give the backup a new file name (backups never overwrite).`
    );
  }
  if (!fs.existsSync(path.dirname(file))) {
    throw new BackupError(`The folder ${path.dirname(file)} does not exist: create it or choose another.`);
  }
  // Beside the archive: the same disk, so space runs out there if anywhere, and never in DATA_DIR.
  const staging = await fsp.mkdtemp(path.join(path.dirname(file), `.${path.basename(file)}.staging-`));
  try {
    let missingBefore: string | null = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      await fsp.rm(path.join(staging, ATTACHMENTS_FOLDER), { recursive: true, force: true });
      await fsp.rm(path.join(staging, DATABASE_NAME), { force: true });
      progress(`database: copying ${dbFile}`);
      const createdAt = new Date().toISOString();
      const { pages } = await snapshotDatabase(dbFile, path.join(staging, DATABASE_NAME));
      const records = checkDatabase(path.join(staging, DATABASE_NAME));
      const database = { path: DATABASE_NAME, ...(await hashFile(path.join(staging, DATABASE_NAME))) };
      progress(
        `database: ${pages} pages (${formatBytes(database.size)}) copied, integrity ok, ` +
          `${records.length} attachment files named`
      );
      await options.afterDatabaseCopy?.();
      const staged = await stageAttachments(dataDir, staging, records, progress);
      if ('missing' in staged) {
        // Missing twice in a row, with its row still there: the file is gone, not being deleted.
        if (staged.missing === missingBefore) {
          throw new BackupError(
            `${staged.missing} is recorded in the database but missing from ${dataDir}: restore that ` +
              'file from an older backup, or delete the attachment in the app, then back up again.'
          );
        }
        missingBefore = staged.missing;
        progress(`attachments: ${staged.missing} was deleted meanwhile; copying the database again`);
        continue;
      }
      const manifest: Manifest = {
        format: BACKUP_FORMAT,
        formatVersion: FORMAT_VERSION,
        createdAt,
        appVersion: appVersion(),
        database,
        attachments: staged.files
      };
      await fsp.writeFile(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
      progress(`archive: writing ${file}`);
      // The manifest first, so `tar tzf` shows what the archive claims before what it holds.
      const entries = [MANIFEST_NAME, DATABASE_NAME];
      if (staged.files.length > 0) entries.push(ATTACHMENTS_FOLDER);
      const bytes = await writeArchive(staging, entries, file);
      progress(`archive: ${formatBytes(bytes)} written, ${staged.files.length} attachment files`);
      return { file, bytes, manifest };
    }
    throw new BackupError(
      `attachments kept being deleted while the backup ran (${ATTEMPTS} tries): run it again.`
    );
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Puts each named version into `staging` under its archive path and checks it against its row.
 * A hard link costs no copy and keeps the bytes even if the server deletes the file meanwhile
 * (versions are never rewritten in place, so the link is a faithful copy); across disks, a copy.
 */
async function stageAttachments(
  dataDir: string,
  staging: string,
  records: VersionRecord[],
  progress: Progress
): Promise<{ files: ManifestFile[] } | { missing: string }> {
  const files: ManifestFile[] = [];
  let bytes = 0;
  const report = countdown(records.length, (done) =>
    progress(`attachments: ${done}/${records.length} files, ${formatBytes(bytes)}`)
  );
  for (const record of records) {
    const source = path.join(dataDir, ...record.path.split('/'));
    const target = path.join(staging, ...record.path.split('/'));
    await fsp.mkdir(path.dirname(target), { recursive: true });
    try {
      await fsp.link(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw error;
        return fsp.copyFile(source, target, fs.constants.COPYFILE_EXCL);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: record.path };
      throw error;
    }
    const actual = await hashFile(target);
    if (actual.size !== record.size || actual.sha256 !== record.sha256) {
      throw new BackupError(
        `${record.path} in ${dataDir} is not the file its record describes (sha256 ${actual.sha256}, ` +
          `recorded ${record.sha256}): the file was damaged on disk; restore it from an older backup ` +
          'or delete the attachment in the app, then back up again.'
      );
    }
    files.push({ path: record.path, ...actual });
    bytes += actual.size;
    report(files.length);
  }
  return { files };
}
