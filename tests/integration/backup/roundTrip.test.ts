/**
 * The backup promise end to end: an archive taken by the CLI (a second process, as an operator
 * runs it) while editors keep typing and drafts keep arriving, restored by the CLI into a fresh
 * DATA_DIR, and a second server on it serves every board as it stood at the moment of the backup.
 *
 * "The moment" is the database copy: every board's state is its update log, and the log's `seq`
 * is one counter for all boards, committed in order by one writer. So the copy holds exactly the
 * updates up to some seq C, and each board's state at the moment is its original log cut at C.
 * C is not taken on the archive's word: every update committed before the backup process started
 * must be in it (C >= S0), none committed after it exited can be (C <= S1), and edits went on
 * after it (the original log grows past C).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readStages, setCardTitle } from '#lib/board';
import {
  startTestServer,
  waitFor,
  connectClient,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';
import { fingerprint, lastSeq, MEMBER_PASSWORD, readDb, runCli, startTeam, type Team } from './backupFixture';
import fs from 'node:fs';

interface Editor {
  client: TestClient;
  readonly edits: number;
  stop(): Promise<void>;
}

/** A real client editing its board without pause: a title change per tick, a new card every fifth. */
function keepEditing(client: TestClient, cardId: string, name: string): Editor {
  let stopped = false;
  let edits = 0;
  const running = (async () => {
    while (!stopped) {
      const n = ++edits;
      if (n % 5 === 0)
        addCard(client.doc, { stageId: readStages(client.doc)[0]!.id, title: `${name} #${n}` });
      else setCardTitle(client.doc, cardId, `${name} draft ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return {
    client,
    get edits() {
      return edits;
    },
    stop: async () => {
      stopped = true;
      await running;
    }
  };
}

/** True once the server's document holds every update the client made. */
async function serverHas(server: TestServer, boardId: string, client: TestClient): Promise<boolean> {
  const held = Y.decodeStateVector(await server.rooms.read(boardId, (doc) => Y.encodeStateVector(doc)));
  const made = Y.decodeStateVector(Y.encodeStateVector(client.doc));
  return [...made].every(([id, clock]) => (held.get(id) ?? 0) >= clock);
}

/** A board as the original log stood at seq `cut`: its updates up to it, applied in order. */
function boardAt(dbFile: string, boardId: string, cut: number): Uint8Array {
  return readDb(dbFile, (db) => {
    const snapshots = db.prepare('select count(*) as n from doc_snapshots where board_id = ?').get(boardId);
    expect(snapshots, 'compaction is off: the whole log is there to cut').toEqual({ n: 0 });
    const rows = db
      .prepare('select "update" from doc_updates where board_id = ? and seq <= ? order by seq')
      .all(boardId, cut) as { update: Buffer }[];
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.update);
    return Y.encodeStateAsUpdate(doc);
  });
}

describe('a backup taken while a team edits', () => {
  let team: Team;
  let restored: TestServer | undefined;
  const editors: Editor[] = [];

  beforeAll(async () => {
    team = await startTeam(3);
  });

  afterAll(async () => {
    for (const editor of editors) {
      await editor.stop();
      editor.client.destroy();
    }
    await restored?.stop();
    await team?.stop();
  });

  it('restores every board as it stood at the moment of the backup, every draft, account and membership', async () => {
    const { server, boards } = team;
    const dbFile = server.config.dbFile;
    for (const board of boards) {
      const first = await team.upload(board);
      await team.upload(board, first.attachmentId);
      await team.upload(board);
    }
    for (const board of boards) {
      for (const [i, target] of board.editors.entries()) {
        const client = await connectClient(target, board.id);
        editors.push(keepEditing(client, board.cardId, `editor ${i + 1}`));
      }
    }
    // Each editor well under way, and all of it committed, before the backup starts.
    for (const editor of editors) await waitFor('edits before the backup', () => editor.edits >= 20);
    for (const [i, editor] of editors.entries()) {
      await waitFor('edits stored', () => serverHas(server, boards[i >> 1]!.id, editor.client));
    }
    const uploadedBefore = new Set(team.uploads.keys());
    const s0 = lastSeq(dbFile);

    // Drafts keep arriving while the backup runs, as edits do.
    let backingUp = true;
    const uploading = (async () => {
      for (let n = 0; backingUp; n++) await team.upload(boards[n % boards.length]!);
    })();
    const archive = path.join(team.root, 'team.stageboard.tgz');
    const backup = await runCli(['backup', archive], { DATA_DIR: team.dataDir });
    const s1 = lastSeq(dbFile);
    backingUp = false;
    await uploading;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^database: \d+ pages .* copied, integrity ok/m);
    expect(backup.stdout).toMatch(/^archive: .* written/m);

    // Editing goes on after the backup, then settles.
    const atExit = editors.map((e) => e.edits);
    for (const [i, editor] of editors.entries())
      await waitFor('edits after', () => editor.edits >= atExit[i]! + 10);
    for (const editor of editors) await editor.stop();
    for (const [i, editor] of editors.entries()) {
      await waitFor('edits stored', () => serverHas(server, boards[i >> 1]!.id, editor.client));
    }

    const restoredDir = path.join(team.root, 'restored');
    const restore = await runCli(['restore', archive], { DATA_DIR: restoredDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^restored into /m);

    const restoredDb = path.join(restoredDir, 'stageboard.db');
    const cut = lastSeq(restoredDb);
    expect(cut).toBeGreaterThanOrEqual(s0);
    expect(cut).toBeLessThanOrEqual(s1);
    expect(lastSeq(dbFile)).toBeGreaterThan(cut);
    const expected = new Map(boards.map((b) => [b.id, boardAt(dbFile, b.id, cut)]));
    const memberships = await Promise.all(team.members.map((m) => server.services.members.boardsOf(m.id)));
    const rows = readDb(restoredDb, (db) =>
      db.prepare('select board_id, attachment_id, v from attachment_versions').all()
    ) as { board_id: string; attachment_id: string; v: number }[];
    for (const editor of editors) editor.client.destroy();
    editors.length = 0;

    restored = await startTestServer(restoredDir, { seedDemo: false });
    for (const board of boards) {
      const served = await restored.rooms.read(board.id, (doc) => Y.encodeStateAsUpdate(doc));
      expect(Buffer.from(served).equals(Buffer.from(expected.get(board.id)!)), `board ${board.id}`).toBe(
        true
      );
    }
    // A viewer's session came along: their client syncs the board as it stood.
    const viewer = boards[0]!.viewer;
    const client = await connectClient({ syncUrl: restored.syncUrl, cookie: viewer.cookie }, boards[0]!.id);
    expect(Buffer.from(Y.encodeStateAsUpdate(client.doc))).toEqual(Buffer.from(expected.get(boards[0]!.id)!));
    client.destroy();

    const restoredPaths = rows.map((r) => `attachments/${r.board_id}/${r.attachment_id}/v${r.v}`);
    for (const before of uploadedBefore) expect(restoredPaths).toContain(before);
    for (const where of restoredPaths) {
      const bytes = fs.readFileSync(path.join(restoredDir, ...where.split('/')));
      expect(bytes.equals(team.uploads.get(where)!), where).toBe(true);
    }
    expect(
      Object.keys(fingerprint(path.join(restoredDir, 'attachments')))
        .filter((p) => !p.endsWith('/'))
        .sort()
    ).toEqual(restoredPaths.map((p) => p.slice('attachments/'.length)).sort());

    for (const [i, member] of team.members.entries()) {
      const { user } = await restored.services.auth.signIn({
        email: member.email,
        password: MEMBER_PASSWORD
      });
      expect(user.id).toBe(member.id);
      expect(await restored.services.members.boardsOf(member.id)).toEqual(memberships[i]);
    }
  }, 60_000);
});
