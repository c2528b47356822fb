import * as Y from 'yjs';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from './DocStore';

/**
 * Reads a board's document for housekeeping, or resolves null when the store holds none. An open
 * room is asked (rooms.read): its document is the one clients edit and may be ahead of the store
 * by appends in flight. Any other board is read from the store into a throwaway document rather
 * than through rooms.read, which would keep each board read loaded for ROOM_IDLE_MS, so a pass
 * over many boards would hold them all at once. No room writes such a board while it is read
 * (every write goes through a room); a change made after the read is seen by the next pass.
 */
export async function readDocOnce<T>(
  rooms: Pick<RoomManager, 'read' | 'stats'>,
  docs: Pick<DocStore, 'loadDoc'>,
  boardId: string,
  fn: (doc: Y.Doc) => T
): Promise<T | null> {
  const room = rooms.stats().boards.find((b) => b.boardId === boardId);
  // No await between the check and read(): the room cannot go idle in between.
  if (room?.state === 'ready' || room?.state === 'loading') return rooms.read(boardId, fn);
  const stored = await docs.loadDoc(boardId);
  if (!stored.snapshot && stored.updates.length === 0) return null;
  const doc = new Y.Doc();
  try {
    // As Room loads it: the snapshot, then the updates logged after it (DocStore's StoredDoc).
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return fn(doc);
  } finally {
    doc.destroy();
  }
}
