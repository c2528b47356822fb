/**
 * The database side of a backup: a consistent copy of the live file, taken with SQLite's online
 * backup while the server keeps writing, and the checks a copy must pass before anyone relies on
 * it. The board documents (the Yjs update log and snapshots), accounts, memberships and attachment
 * records all live in this one file, so one copy is one moment of all of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isBoardId } from '#lib/board/ids';
import { MIGRATIONS_FOLDER } from '../paths';
import { versionPath } from '../attachments/versionFile';
import { BackupError } from './BackupError';

/** What a copy's attachment_versions rows say of each file: where, how long, which bytes. */
export interface VersionRecord {
  path: string;
  size: number;
  sha256: string;
}

/** The same wait the server's connection uses: long enough to ride out a checkpoint. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Copies the database at `source` (the server may have it open in WAL mode and be writing) to
 * `target`, a new file, and leaves `target` as one self-contained file (rollback journal, no -wal).
 *
 * better-sqlite3's `backup()` copies 100 pages per step by default, and SQLite restarts a backup
 * whenever another connection writes between two steps, so under steady editing a large file
 * might never finish. Asking for every remaining page in the step after the first makes the copy
 * one read transaction: in WAL mode that sees a single committed state and does not block the
 * server's writes, which go on into the WAL meanwhile. Resolves with the number of pages copied.
 */
export async function snapshotDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (!fs.existsSync(source)) {
    throw new BackupError(
      `There is no database at ${source}: run the backup with the DATA_DIR (and DB_FILE) the server uses.`
    );
  }
  const live = new Database(source, { fileMustExist: true });
  let pages = 0;
  try {
    live.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const done = await live.backup(target, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return totalPages;
      }
    });
    pages = done.totalPages;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`SQLite could not copy ${source}: ${(error as Error).message}.`);
  } finally {
    live.close();
  }
  // The copy's header still says WAL (page 1 came from the live file). A rollback journal makes
  // it one file that is whole once closed, so its sha256 in the manifest is the sha256 of the
  // database; the server switches it back to WAL when it opens it.
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { pages };
}

/** The newest migration this Stageboard ships (drizzle's journal), in drizzle's `created_at` terms. */
function newestKnownMigration(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')
  ) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name) !== undefined;
}

/**
 * Opens a database copy read-only and checks it: SQLite's `integrity_check`, and that no
 * migration in it is newer than this Stageboard knows (drizzle would skip them silently and the
 * server would run on a schema it does not understand). Returns the attachment files its rows
 * name. Throws BackupError naming what is wrong.
 */
export function checkDatabase(file: string): VersionRecord[] {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`The database copy cannot be opened: ${(error as Error).message}.`);
  }
  try {
    let problems: string[];
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      problems = rows.map((r) => r.integrity_check);
    } catch (error) {
      throw new BackupError(`The database copy is not a readable SQLite file: ${(error as Error).message}.`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(
        `The database copy fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}.`
      );
    }
    if (tableExists(db, '__drizzle_migrations')) {
      const row = db.prepare('select max(created_at) as last from __drizzle_migrations').get() as {
        last: number | null;
      };
      if ((row.last ?? 0) > newestKnownMigration()) {
        throw new BackupError(
          'The database was written by a newer Stageboard (it has migrations this version does not ' +
            'know): use that version or newer.'
        );
      }
    }
    if (!tableExists(db, 'attachment_versions')) return [];
    const rows = db
      .prepare('select board_id, attachment_id, v, size, sha256 from attachment_versions order by 1, 2, 3')
      .all() as { board_id: string; attachment_id: string; v: number; size: number; sha256: string }[];
    // Ids become paths: a row that could climb out of attachments/ is damage, not a file to read.
    const bad = rows.find((r) => !isBoardId(r.board_id) || !isBoardId(r.attachment_id) || !(r.v >= 1));
    if (bad)
      throw new BackupError(
        `The database names an attachment with an invalid id (${bad.board_id}/${bad.attachment_id}).`
      );
    return rows.map((r) => ({
      path: versionPath(r.board_id, r.attachment_id, r.v),
      size: r.size,
      sha256: r.sha256
    }));
  } finally {
    db.close();
  }
}
