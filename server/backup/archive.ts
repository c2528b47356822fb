/**
 * The archive file itself: a gzipped tar written and read with node-tar (`tar` on npm, the
 * library npm itself uses) rather than by hand, since tar's corner cases (long paths, path
 * traversal on extract, truncated streams) are where hand-written readers go wrong. What the
 * archive must hold is the manifest's business (manifest.ts), not this module's.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { BackupError } from './BackupError';

/**
 * Packs `entries` (paths relative to `dir`) into `file`, written first as `<file>.partial` and
 * renamed once complete and on disk: an interrupted backup never leaves a file that looks whole.
 */
export async function writeArchive(dir: string, entries: string[], file: string): Promise<number> {
  const partial = `${file}.partial`;
  try {
    // portable: no owner, user or group names; the archive is about content, not this machine.
    await tar.create({ gzip: true, file: partial, cwd: dir, portable: true, strict: true }, entries);
    const handle = await fsp.open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(partial, file);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
  return (await fsp.stat(file)).size;
}

/**
 * Unpacks `file` into the empty folder `dir`. Only plain files and folders are accepted; node-tar
 * already refuses paths that climb out of `dir`, and `strict` turns each of its warnings (a
 * truncated or corrupt stream, a bad header) into an error, reported as damage.
 */
export async function extractArchive(file: string, dir: string): Promise<void> {
  const refused: string[] = [];
  try {
    await tar.extract({
      file,
      cwd: dir,
      strict: true,
      preserveOwner: false,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : null;
        const plain = type === 'File' || type === 'Directory' || type === 'OldFile';
        if (!plain) refused.push(`${entryPath} (${String(type)})`);
        return plain;
      }
    });
  } catch (error) {
    throw new BackupError(
      `${path.basename(file)} is damaged or not a Stageboard backup (${(error as Error).message}).`
    );
  }
  if (refused.length > 0) {
    throw new BackupError(
      `The archive holds entries that are not plain files: ${refused.slice(0, 3).join(', ')}.`
    );
  }
}
