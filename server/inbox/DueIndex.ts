/**
 * The card dates the due-date notices look at (DueNotices.ts), behind one interface like the
 * other stores: memory for tests and a MemoryDocStore process, SQLite for the app. Finding what
 * falls due then reads an index, not every board document.
 */

/** What was last told about a date: nothing, that it is due tomorrow, that it passed. */
export type DueTold = '' | 'due-soon' | 'overdue';

export interface DueRow {
  boardId: string;
  cardId: string;
  /** 'YYYY-MM-DD' */
  date: string;
  told: DueTold;
}

export interface DueIndex {
  /** Records the card's date (a new date is untold), or forgets the card (null). */
  setDate(boardId: string, cardId: string, date: string | null): Promise<void>;
  /** Replaces a board's dates with these (its document was read whole); marks it indexed. */
  indexBoard(boardId: string, dates: ReadonlyMap<string, string>, at: number): Promise<void>;
  /** The boards indexed so far. */
  indexedBoards(): Promise<Set<string>>;
  /**
   * Dates that ask for a notice: after `today` up to `soonUntil` (the next working day) not yet
   * told, or before `today` not yet told as overdue; at most `limit`, oldest date first.
   */
  pending(today: string, soonUntil: string, limit: number): Promise<DueRow[]>;
  /** Records what was told about the card's date (only while the date is still `date`). */
  markTold(boardId: string, cardId: string, date: string, told: DueTold): Promise<void>;
  /** Forgets a board's dates (the board is being deleted). */
  removeBoard(boardId: string): Promise<void>;
}
