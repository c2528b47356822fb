/**
 * Writes a board straight into Stageboard's SQLite store while the server is stopped, as
 * scripts/big-board.ts does: a catalogue row plus the whole document as one logged update.
 */
import * as Y from 'yjs';
import { newId } from '../../src/lib/board';
import { loadConfig } from '../../server/config';
import { SqliteDocStore } from '../../server/store/SqliteDocStore';

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
    return id;
  } finally {
    await store.close();
  }
}
