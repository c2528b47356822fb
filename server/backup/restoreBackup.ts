/**
 * `npm run restore -- <file>`: puts a backup into an empty DATA_DIR, or writes nothing at all.
 *
 * The archive is unpacked into a temporary folder beside DATA_DIR (the same disk, so moving it in
 * is a rename), and checked there: every file the manifest lists is present with its size and
 * sha256 and nothing else is, the database opens and passes `integrity_check`, and its
 * attachment rows name exactly the archived files with the same hashes. Only then is anything
 * moved into DATA_DIR; on any failure the temporary folder is removed. Migrations are applied by
 * the server on its next start, as after an upgrade.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENTS_FOLDER } from '../attachments/versionFile';
import { BackupError } from './BackupError';
import { extractArchive } from './archive';
import { checkDatabase } from './database';
import { DATABASE_NAME, hashFile, MANIFEST_NAME, parseManifest, type Manifest } from './manifest';
import { countdown, formatBytes, type Progress } from './progress';

export interface RestoreOptions {
  dataDir: string;
  dbFile: string;
  /** The archive `npm run backup` wrote. */
  file: string;
  progress?: Progress;
}

/** Restores the archive; throws BackupError, with DATA_DIR untouched, when it cannot. */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const { dataDir, dbFile, progress = () => {} } = options;
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new BackupError(`There is no archive at ${file}.`);
  refuseUnlessEmpty(dataDir, dbFile);
  const parent = path.dirname(dataDir);
  if (!fs.existsSync(parent)) {
    throw new BackupError(`The folder ${parent} (which holds DATA_DIR) does not exist: create it first.`);
  }
  const staging = await fsp.mkdtemp(path.join(parent, `.${path.basename(dataDir)}.restore-`));
  try {
    progress(`archive: unpacking ${file}`);
    await extractArchive(file, staging);
    const manifestFile = path.join(staging, MANIFEST_NAME);
    if (!fs.existsSync(manifestFile)) {
      throw new BackupError(
        `The archive has no ${MANIFEST_NAME}: it is not a Stageboard backup, or it is damaged.`
      );
    }
    const manifest = parseManifest(await fsp.readFile(manifestFile, 'utf8'));
    progress(
      `archive: made ${manifest.createdAt} by Stageboard ${manifest.appVersion}, ` +
        `${manifest.attachments.length} attachment files`
    );
    await verifyFiles(staging, manifest, progress);
    verifyRecords(staging, manifest);
    progress('database: integrity ok, attachment records match the files');
    // Checked again: a server started on DATA_DIR while this ran would have created files there.
    refuseUnlessEmpty(dataDir, dbFile);
    await moveIntoPlace(staging, dataDir, dbFile, manifest);
    progress(`restored into ${dataDir}; start the server to use it`);
    return manifest;
  } finally {
    // node-tar rejects on a damaged archive while writes it already started still land, so the
    // staging folder can gain a file during the removal (ENOTEMPTY): rm retries that case.
    await fsp.rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}

function refuseUnlessEmpty(dataDir: string, dbFile: string): void {
  if (fs.existsSync(dataDir)) {
    if (!fs.statSync(dataDir).isDirectory()) throw new BackupError(`DATA_DIR ${dataDir} is not a folder.`);
    const entries = fs.readdirSync(dataDir);
    if (entries.length > 0) {
      throw new BackupError(
        `DATA_DIR ${dataDir} is not empty (it holds ${entries.slice(0, 3).join(', ')}): restore ` +
          'only into an empty folder; point DATA_DIR at a new one or move its contents away.'
      );
    }
  }
  // DB_FILE may lie outside DATA_DIR.
  for (const existing of [dbFile, `${dbFile}-wal`]) {
    if (fs.existsSync(existing)) {
      throw new BackupError(`${existing} exists already: restore only where there is no database.`);
    }
  }
}

/** Every file of the unpacked archive, as '/'-separated paths relative to `dir`. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** The unpacked files are exactly the manifest's, each with its size and sha256. */
async function verifyFiles(dir: string, manifest: Manifest, progress: Progress): Promise<void> {
  const listed = [manifest.database, ...manifest.attachments];
  const expected = new Set([MANIFEST_NAME, ...listed.map((f) => f.path)]);
  const present = await listFiles(dir);
  const extra = present.find((p) => !expected.has(p));
  if (extra) throw new BackupError(`The archive holds ${extra}, which its manifest does not list.`);
  const have = new Set(present);
  const absent = listed.find((f) => !have.has(f.path));
  if (absent) {
    throw new BackupError(
      `The archive lacks ${absent.path}, which its manifest lists: the archive is incomplete.`
    );
  }
  let bytes = 0;
  const report = countdown(listed.length, (done) =>
    progress(`verify: ${done}/${listed.length} files, ${formatBytes(bytes)}`)
  );
  for (const [i, entry] of listed.entries()) {
    const actual = await hashFile(path.join(dir, ...entry.path.split('/')));
    if (actual.size !== entry.size || actual.sha256 !== entry.sha256) {
      throw new BackupError(
        `${entry.path} in the archive is damaged: ${actual.size} bytes with sha256 ${actual.sha256}, ` +
          `the manifest says ${entry.size} bytes with ${entry.sha256}.`
      );
    }
    bytes += actual.size;
    report(i + 1);
  }
}

/** The database opens, passes its checks, and its attachment rows name exactly the archived files. */
function verifyRecords(dir: string, manifest: Manifest): void {
  const records = checkDatabase(path.join(dir, DATABASE_NAME));
  const archived = new Map(manifest.attachments.map((f) => [f.path, f]));
  for (const record of records) {
    const file = archived.get(record.path);
    if (!file) throw new BackupError(`The database names ${record.path}, which the archive lacks.`);
    if (file.sha256 !== record.sha256 || file.size !== record.size) {
      throw new BackupError(`${record.path} in the archive is not the file its database record describes.`);
    }
    archived.delete(record.path);
  }
  const stray = archived.keys().next();
  if (!stray.done)
    throw new BackupError(`The archive holds ${stray.value}, which the database does not name.`);
}

/** A rename, or a copy when DATA_DIR (or DB_FILE) is on another disk than its parent folder. */
async function move(from: string, to: string): Promise<void> {
  try {
    await fsp.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fsp.cp(from, to, { recursive: true, errorOnExist: true, force: false });
  }
}

/** Moves the checked files into the empty DATA_DIR; on failure takes back what it moved. */
async function moveIntoPlace(staging: string, dataDir: string, dbFile: string, manifest: Manifest) {
  const created = !fs.existsSync(dataDir);
  const moved: string[] = [];
  try {
    await fsp.mkdir(path.dirname(dbFile), { recursive: true });
    await fsp.mkdir(dataDir, { recursive: true });
    await move(path.join(staging, DATABASE_NAME), dbFile);
    moved.push(dbFile);
    if (manifest.attachments.length > 0) {
      const target = path.join(dataDir, ATTACHMENTS_FOLDER);
      await move(path.join(staging, ATTACHMENTS_FOLDER), target);
      moved.push(target);
    }
  } catch (error) {
    for (const done of moved) await fsp.rm(done, { recursive: true, force: true });
    if (created) await fsp.rm(dataDir, { recursive: true, force: true });
    throw new BackupError(
      `The restored files could not be moved into ${dataDir}: ${(error as Error).message}.`
    );
  }
}
