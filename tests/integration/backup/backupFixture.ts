/**
 * A team's install on a real server with a real SQLite file: boards with cards, editors and
 * viewers (accounts with passwords), and attachment versions whose bytes the test keeps, so a
 * restored copy can be compared byte for byte. Plus the backup CLI as a second process, and a
 * fingerprint of a folder tree for "nothing was written" checks.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { addCard, readStages } from '#lib/board';
import { versionPath } from '#server/attachments/versionFile';
import { PROJECT_ROOT } from '#server/paths';
import type { PublicUser } from '#server/auth/AuthService';
import { PNG } from '../attachments/attachmentFixture';
import { startTestServer, tempDir, type SyncTarget, type TestServer } from '../helpers/syncHarness';

/** The password the harness gives every member account (syncHarness.ts's `member`). */
export const MEMBER_PASSWORD = 'member-password';

export interface TeamBoard {
  id: string;
  cardId: string;
  editors: (SyncTarget & { user: PublicUser })[];
  viewer: SyncTarget & { user: PublicUser };
}

export interface Team {
  server: TestServer;
  /** A temp folder holding DATA_DIR ('data') and whatever else the test puts beside it. */
  root: string;
  dataDir: string;
  boards: TeamBoard[];
  /** Every member account (the harness owner is `server.owner`). */
  members: PublicUser[];
  /** The bytes of every stored version, by its path under DATA_DIR. */
  uploads: Map<string, Buffer>;
  /** Uploads a new attachment (or a version of `attachmentId`) to the board's card as its first editor. */
  upload(board: TeamBoard, attachmentId?: string): Promise<{ attachmentId: string; path: string }>;
  stop(): Promise<void>;
}

/** Starts the server (compaction and idle unloading off, so the update log stays whole) and fills it. */
export async function startTeam(boardCount: number): Promise<Team> {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  const server = await startTestServer(dataDir, {
    compactAfterUpdates: 1_000_000,
    roomIdleMs: 3_600_000,
    seedDemo: false
  });
  const boards: TeamBoard[] = [];
  const members: PublicUser[] = [];
  for (let i = 0; i < boardCount; i++) {
    const board = await server.services.boards.create({
      title: `Campaign ${i + 1}`,
      templateId: 'design-review',
      creatorId: server.owner.id
    });
    let cardId = '';
    await server.rooms.change(board.id, (doc) => {
      cardId = addCard(doc, { stageId: readStages(doc)[0]!.id, title: `Poster ${i + 1}` });
    });
    const editors = [await server.member(board.id, 'editor'), await server.member(board.id, 'editor')];
    const viewer = await server.member(board.id, 'viewer');
    members.push(...editors.map((e) => e.user), viewer.user);
    boards.push({ id: board.id, cardId, editors, viewer });
  }
  const uploads = new Map<string, Buffer>();
  return {
    server,
    root: tmp.dir,
    dataDir,
    boards,
    members,
    uploads,
    async upload(board, attachmentId) {
      // A PNG signature, so the upload is typed as an image, then bytes no other version has.
      const bytes = Buffer.concat([PNG, randomBytes(2000)]);
      const editor = board.editors[0]!.user;
      const stored = await server.services.attachments.upload(editor, board.id, board.cardId, {
        name: 'draft.png',
        body: Readable.from([bytes]),
        attachmentId
      });
      const where = versionPath(board.id, stored.attachmentId, stored.v);
      uploads.set(where, bytes);
      return { attachmentId: stored.attachmentId, path: where };
    },
    stop: async () => {
      await server.stop();
      tmp.cleanup();
    }
  };
}

/** Runs `server/backup/cli.ts` in its own process, as `npm run backup|restore` does. */
export function runCli(
  args: string[],
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DB_FILE: '', ...env }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file and folder under `dir` with a hash of its content: equal before and after means untouched. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out[`${child}/`] = 'dir';
        walk(child);
      } else {
        out[child] = createHash('sha256')
          .update(fs.readFileSync(path.join(dir, child)))
          .digest('hex');
      }
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
}

/** Runs `fn` on a read-only connection to a SQLite file (a second connection, as another process has). */
export function readDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The largest update sequence number in a database: one moment of every board's log. */
export function lastSeq(file: string): number {
  return readDb(file, (db) => {
    const row = db.prepare('select max(seq) as seq from doc_updates').get() as { seq: number | null };
    return row.seq ?? 0;
  });
}
