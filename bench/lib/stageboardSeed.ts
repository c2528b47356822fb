/**
 * Writes a board straight into Stageboard's SQLite store while the server is stopped, as
 * scripts/big-board.ts does: a catalogue row plus the whole document as one logged update, and
 * the memberships the launcher's createRoom would have made (a board nobody is a member of is
 * open to nobody): the first administrator (the bench owner) as owner, the bench writers as managers.
 */
import * as Y from 'yjs';
import { newId } from '#lib/board';
import type { BoardRole } from '#lib/auth/permissions';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteMemberStore } from '#server/auth/SqliteMemberStore';
import { loadConfig } from '#server/config';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { BENCH_WRITER_EMAILS } from '../servers/stageboardAccounts';

/** Creates the board in `dataDir` (the launcher's DATA_DIR) and returns its id. */
export async function seedStageboardStore(
  dataDir: string,
  chunks: readonly Uint8Array[],
  title: string
): Promise<string> {
  // The same environment the launcher gives the server, so both open the same database file.
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const store = SqliteDocStore.open(config);
  try {
    const id = newId();
    await store.createBoard({ id, title, templateId: null });
    await store.appendUpdate(id, Y.mergeUpdates([...chunks]));
    const users = SqliteAuthStore.over(store);
    const members = SqliteMemberStore.over(store);
    const add = (userId: string, role: BoardRole) =>
      members.putMember({ boardId: id, userId, role, addedBy: null, createdAt: Date.now() });
    // Before anyone signed up there is no administrator yet; the first one adopts the board then.
    const admin = await users.getFirstAdmin();
    if (admin) await add(admin.id, 'owner');
    for (const email of BENCH_WRITER_EMAILS) {
      const writer = await users.getUserByEmail(email);
      if (writer) await add(writer.id, 'manager');
    }
    return id;
  } finally {
    await store.close();
  }
}
