import type { DueIndex, DueRow, DueTold } from './DueIndex';

/** A due-date index in memory. */
export class MemoryDueIndex implements DueIndex {
  readonly #rows = new Map<string, DueRow>();
  readonly #indexed = new Set<string>();

  async setDate(boardId: string, cardId: string, date: string | null): Promise<void> {
    const key = `${boardId}\n${cardId}`;
    if (date === null) this.#rows.delete(key);
    else if (this.#rows.get(key)?.date !== date) this.#rows.set(key, { boardId, cardId, date, told: '' });
  }

  async indexBoard(boardId: string, dates: ReadonlyMap<string, string>): Promise<void> {
    await this.removeBoard(boardId);
    for (const [cardId, date] of dates) await this.setDate(boardId, cardId, date);
    this.#indexed.add(boardId);
  }

  async indexedBoards(): Promise<Set<string>> {
    return new Set(this.#indexed);
  }

  async pending(today: string, soonUntil: string, limit: number): Promise<DueRow[]> {
    return [...this.#rows.values()]
      .filter(
        (r) =>
          (r.date > today && r.date <= soonUntil && r.told === '') || (r.date < today && r.told !== 'overdue')
      )
      .sort((a, b) => a.date.localeCompare(b.date))
      .slice(0, limit)
      .map((r) => ({ ...r }));
  }

  async markTold(boardId: string, cardId: string, date: string, told: DueTold): Promise<void> {
    const row = this.#rows.get(`${boardId}\n${cardId}`);
    if (row?.date === date) row.told = told;
  }

  async removeBoard(boardId: string): Promise<void> {
    for (const [key, row] of this.#rows) if (row.boardId === boardId) this.#rows.delete(key);
    this.#indexed.delete(boardId);
  }
}
