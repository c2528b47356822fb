/**
 * The backup side: what it copies from a running server, and what it refuses to archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '#server/backup/BackupError';
import { createBackup } from '#server/backup/createBackup';
import { parseManifest } from '#server/backup/manifest';
import { fingerprint, lastSeq, startTeam, type Team } from './backupFixture';

/** The manifest of an archive, read with node-tar. */
async function manifestOf(file: string) {
  let text = '';
  await tar.list({
    file,
    onReadEntry: (entry) => {
      if (entry.path === 'manifest.json') entry.on('data', (chunk: Buffer) => (text += chunk.toString()));
      else entry.resume();
    }
  });
  return parseManifest(text);
}

describe('createBackup', () => {
  let team: Team;
  let out: string;
  let n = 0;
  const archive = () => path.join(out, `backup-${++n}.tgz`);

  beforeAll(async () => {
    team = await startTeam(1);
    out = path.join(team.root, 'backups');
    fs.mkdirSync(out);
  });

  afterAll(async () => {
    await team?.stop();
  });

  it('copies the updates the server has in its write-ahead log, not only the main file', async () => {
    const { server } = team;
    const board = team.boards[0]!;
    await server.rooms.change(board.id, (doc) => doc.getMap('scratch').set('late', 1));
    const wal = `${server.config.dbFile}-wal`;
    expect(fs.statSync(wal).size, 'the server has uncheckpointed commits').toBeGreaterThan(0);
    const file = archive();
    await createBackup({ dataDir: team.dataDir, dbFile: server.config.dbFile, file });
    const unpacked = path.join(team.root, `unpacked-${n}`);
    fs.mkdirSync(unpacked);
    await tar.extract({ file, cwd: unpacked });
    expect(lastSeq(path.join(unpacked, 'database.sqlite'))).toBe(lastSeq(server.config.dbFile));
    expect(fs.existsSync(path.join(unpacked, 'database.sqlite-wal'))).toBe(false);
  });

  it('takes the database again when an attachment is deleted after the copy, so the archive matches its rows', async () => {
    const { server } = team;
    const board = team.boards[0]!;
    const kept = await team.upload(board);
    const doomed = await team.upload(board);
    const lines: string[] = [];
    let copies = 0;
    const file = archive();
    const { manifest } = await createBackup({
      dataDir: team.dataDir,
      dbFile: server.config.dbFile,
      file,
      progress: (line) => lines.push(line),
      afterDatabaseCopy: async () => {
        // The copy names the draft; deleting it now removes its row, then its files.
        if (++copies === 1)
          await server.services.attachments.remove(server.owner, board.id, board.cardId, doomed.attachmentId);
      }
    });
    expect(copies).toBe(2);
    expect(lines).toContain(`attachments: ${doomed.path} was deleted meanwhile; copying the database again`);
    const listed = manifest.attachments.map((f) => f.path);
    expect(listed).toContain(kept.path);
    expect(listed).not.toContain(doomed.path);
    expect((await manifestOf(file)).attachments).toEqual(manifest.attachments);
  });

  /**
   * Uploads a draft, spoils its file on disk with `spoil`, and expects the backup refused with a
   * message built from the draft's path, no archive or staging folder left; then deletes the draft.
   */
  async function refusedFor(spoil: (file: string) => void, message: (where: string) => string) {
    const { server } = team;
    const board = team.boards[0]!;
    const draft = await team.upload(board);
    spoil(path.join(team.dataDir, ...draft.path.split('/')));
    const before = fingerprint(out);
    try {
      const attempt = createBackup({ dataDir: team.dataDir, dbFile: server.config.dbFile, file: archive() });
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(attempt).rejects.toThrow(message(draft.path));
      expect(fingerprint(out)).toEqual(before);
    } finally {
      await server.services.attachments.remove(server.owner, board.id, board.cardId, draft.attachmentId);
    }
  }

  it('refuses an attachment file that differs from its record, naming it, and leaves nothing behind', async () => {
    await refusedFor(
      (file) => {
        const bytes = fs.readFileSync(file);
        bytes[bytes.length - 1]! ^= 0xff;
        fs.writeFileSync(file, bytes);
      },
      (where) => `${where} in ${team.dataDir} is not the file its record describes`
    );
  });

  it('refuses an attachment file missing from DATA_DIR while its row stays, naming it', async () => {
    await refusedFor(
      (file) => fs.rmSync(file),
      (where) => `${where} is recorded in the database but missing from ${team.dataDir}`
    );
  });

  it('never overwrites an existing file', async () => {
    const file = archive();
    fs.writeFileSync(file, 'last week');
    await expect(
      createBackup({ dataDir: team.dataDir, dbFile: team.server.config.dbFile, file })
    ).rejects.toThrow('exists already');
    expect(fs.readFileSync(file, 'utf8')).toBe('last week');
  });

  it('refuses a DATA_DIR without a database, saying what to set', async () => {
    const empty = path.join(team.root, 'empty');
    await expect(
      createBackup({ dataDir: empty, dbFile: path.join(empty, 'stageboard.db'), file: archive() })
    ).rejects.toThrow(/no database at .*DATA_DIR/);
    expect(fs.existsSync(empty), 'nothing created for the missing install').toBe(false);
  });
});
