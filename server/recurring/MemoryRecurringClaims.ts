import type { ClaimKey, RecurringClaims } from './RecurringClaims';

/** Claims for the memory family: one process, nothing survives it. */
export class MemoryRecurringClaims implements RecurringClaims {
  readonly #taken = new Map<string, string>();

  async claim({ boardId, ruleId, period }: ClaimKey, cardId: string): Promise<boolean> {
    const key = `${boardId}\n${ruleId}\n${period}`;
    if (this.#taken.has(key)) return false;
    this.#taken.set(key, cardId);
    return true;
  }

  async removeBoard(boardId: string): Promise<void> {
    for (const key of this.#taken.keys()) if (key.startsWith(`${boardId}\n`)) this.#taken.delete(key);
  }
}
