/**
 * A restore writes a whole, checked backup into an empty DATA_DIR or nothing at all: each kind of
 * damage is refused with a message naming what is wrong, and neither DATA_DIR nor the folder
 * beside it (where the archive is unpacked and checked) keeps a trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '#server/backup/BackupError';
import { createBackup } from '#server/backup/createBackup';
import { restoreBackup } from '#server/backup/restoreBackup';
import { hashFile, type Manifest } from '#server/backup/manifest';
import { fingerprint, lastSeq, runCli, startTeam, type Team } from './backupFixture';

describe('restoreBackup', () => {
  let team: Team;
  let good: string;
  let manifest: Manifest;
  /** Where restores go: a fresh folder per test, whose whole tree must be untouched by a refusal. */
  let place: string;
  let n = 0;

  beforeAll(async () => {
    team = await startTeam(1);
    const board = team.boards[0]!;
    const first = await team.upload(board);
    await team.upload(board, first.attachmentId);
    await team.upload(board);
    good = path.join(team.root, 'good.tgz');
    ({ manifest } = await createBackup({
      dataDir: team.dataDir,
      dbFile: team.server.config.dbFile,
      file: good
    }));
    place = path.join(team.root, 'restores');
    fs.mkdirSync(place);
  });

  afterAll(async () => {
    await team?.stop();
  });

  /** A copy of the good archive, unpacked, changed by `change`, and packed again. */
  async function damaged(change: (dir: string) => void | Promise<void>): Promise<string> {
    const dir = path.join(team.root, `damage-${++n}`);
    fs.mkdirSync(dir);
    await tar.extract({ file: good, cwd: dir });
    await change(dir);
    const file = path.join(team.root, `damaged-${n}.tgz`);
    const entries = ['manifest.json', 'database.sqlite', 'attachments'].filter((e) =>
      fs.existsSync(path.join(dir, e))
    );
    await tar.create({ gzip: true, file, cwd: dir, portable: true }, entries);
    return file;
  }

  /** Replaces the database with what `change` makes of it, and the manifest's entry to match. */
  async function replaceDatabase(dir: string, change: (file: string) => void): Promise<void> {
    const db = path.join(dir, 'database.sqlite');
    change(db);
    const { size, sha256 } = await hashFile(db);
    editManifest(dir, (m) => (m.database = { path: 'database.sqlite', size, sha256 }));
  }

  function editManifest(dir: string, edit: (m: Manifest) => void): void {
    const file = path.join(dir, 'manifest.json');
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    edit(m);
    fs.writeFileSync(file, JSON.stringify(m));
  }

  /** Restores `archive` into a new DATA_DIR and expects a BackupError matching `message`, nothing written. */
  async function refused(archive: string, message: string | RegExp): Promise<void> {
    const dataDir = path.join(place, `data-${++n}`);
    fs.mkdirSync(dataDir);
    const before = fingerprint(place);
    const attempt = restoreBackup({ dataDir, dbFile: path.join(dataDir, 'stageboard.db'), file: archive });
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(message);
    expect(fingerprint(place)).toEqual(before);
  }

  it('restores the undamaged archive into an empty folder, and into one not yet made', async () => {
    for (const make of [true, false]) {
      const dataDir = path.join(place, `fine-${++n}`);
      if (make) fs.mkdirSync(dataDir);
      await restoreBackup({ dataDir, dbFile: path.join(dataDir, 'stageboard.db'), file: good });
      expect(lastSeq(path.join(dataDir, 'stageboard.db'))).toBe(lastSeq(team.server.config.dbFile));
      const files = Object.keys(fingerprint(dataDir)).filter((p) => !p.endsWith('/'));
      expect(files.sort()).toEqual(['stageboard.db', ...manifest.attachments.map((f) => f.path)].sort());
      fs.rmSync(dataDir, { recursive: true });
    }
    expect(fs.readdirSync(place), 'no unpacking folder left beside DATA_DIR').toEqual([]);
  });

  it('refuses a DATA_DIR that is not empty, in one line with exit code 1, and writes nothing', async () => {
    const dataDir = path.join(place, 'in-use');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'keep me');
    const before = fingerprint(place);
    const result = await runCli(['restore', good], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `Restore failed: DATA_DIR ${dataDir} is not empty (it holds notes.txt): restore only into an ` +
        'empty folder; point DATA_DIR at a new one or move its contents away.\n'
    );
    expect(fingerprint(place)).toEqual(before);
    fs.rmSync(dataDir, { recursive: true });
  });

  it('refuses a truncated archive', async () => {
    const bytes = fs.readFileSync(good);
    const file = path.join(team.root, 'truncated.tgz');
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refused(file, /truncated\.tgz is damaged or not a Stageboard backup/);
  });

  it('refuses an archive with one byte of the database flipped, naming the database', async () => {
    const file = await damaged((dir) => {
      const db = path.join(dir, 'database.sqlite');
      const bytes = fs.readFileSync(db);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      fs.writeFileSync(db, bytes);
    });
    await refused(
      file,
      /^database\.sqlite in the archive is damaged: .* with sha256 [0-9a-f]{64}, the manifest says/
    );
  });

  it('refuses an archive missing an attachment file its manifest lists, naming it', async () => {
    const missing = manifest.attachments[1]!.path;
    const file = await damaged((dir) => fs.rmSync(path.join(dir, ...missing.split('/'))));
    await refused(file, `The archive lacks ${missing}, which its manifest lists`);
  });

  it('refuses a manifest that leaves out a file the database names', async () => {
    const dropped = manifest.attachments[0]!.path;
    const file = await damaged((dir) => {
      fs.rmSync(path.join(dir, ...dropped.split('/')));
      editManifest(dir, (m) => (m.attachments = m.attachments.filter((f) => f.path !== dropped)));
    });
    await refused(file, `The database names ${dropped}, which the archive lacks`);
  });

  it('refuses a manifest whose hash does not match the file', async () => {
    const wrong = manifest.attachments[2]!.path;
    const file = await damaged((dir) =>
      editManifest(dir, (m) => (m.attachments.find((f) => f.path === wrong)!.sha256 = '0'.repeat(64)))
    );
    await refused(file, `${wrong} in the archive is damaged`);
  });

  it('refuses an archive holding a file its manifest does not list', async () => {
    const file = await damaged((dir) => fs.writeFileSync(path.join(dir, 'attachments', 'extra'), 'x'));
    await refused(file, 'The archive holds attachments/extra, which its manifest does not list');
  });

  it('refuses a database that is not SQLite, even with a manifest that matches it', async () => {
    const file = await damaged((dir) =>
      replaceDatabase(dir, (db) => fs.writeFileSync(db, Buffer.alloc(8192, 'not a database ')))
    );
    await refused(file, /^The database copy (cannot be opened|is not a readable SQLite file)/);
  });

  it('refuses a database written by a newer Stageboard, with migrations this version does not know', async () => {
    const file = await damaged((dir) =>
      replaceDatabase(dir, (db) => {
        const sqlite = new Database(db);
        sqlite
          .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
          .run('next', 8.64e15);
        sqlite.close();
      })
    );
    await refused(file, /written by a newer Stageboard/);
  });

  it('refuses an archive holding a link, which could point anywhere once restored', async () => {
    const file = await damaged((dir) => fs.symlinkSync('/etc/passwd', path.join(dir, 'attachments', 'link')));
    await refused(file, /entries that are not plain files: attachments\/link \(SymbolicLink\)/);
  });

  it('refuses an archive without a manifest, or with one of an unknown format version', async () => {
    await refused(
      await damaged((dir) => fs.rmSync(path.join(dir, 'manifest.json'))),
      'The archive has no manifest.json'
    );
    await refused(
      await damaged((dir) => editManifest(dir, (m) => (m.formatVersion = 2))),
      /format version 2 is not one this Stageboard reads/
    );
  });
});
