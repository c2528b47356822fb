/**
 * The part of persistence a room uses: its board's log of updates and the snapshot they fold
 * into. Rooms receive only this, as tldraw's room receives its storage, so the board catalogue,
 * templates and accounts are out of their reach.
 */

/** Everything needed to rebuild a board's Y.Doc: apply `snapshot`, then `updates` in order. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /**
   * Seq of the board's last logged update, counting those already folded into the snapshot, so a
   * compacted board with an empty log still reports its snapshot's throughSeq (0 when nothing was ever
   * logged). Seqs are shared by all boards: increasing per board, not consecutive.
   */
  lastSeq: number;
  /** Bytes of snapshot plus logged updates: what the document costs on disk. */
  bytes: number;
}

export interface DocLog {
  /** Loads a board's snapshot and the updates logged after it; an unknown board yields an empty doc. */
  loadDoc(boardId: string): Promise<StoredDoc>;
  /** Appends one Yjs update to the board's log durably and returns its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces the snapshot and drops logged updates with seq <= throughSeq, in one transaction.
   * Rejects a throughSeq beyond the board's lastSeq; a throughSeq below the stored snapshot's is stale
   * (its updates are gone) and changes nothing.
   */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
}
