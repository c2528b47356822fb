import { newestTokenFirst, type TokenRecord, type TokenStore } from './TokenStore';

/** Tokens for the memory family: one process, nothing survives it. */
export class MemoryTokenStore implements TokenStore {
  readonly #byHash = new Map<string, TokenRecord>();

  async insert(record: TokenRecord): Promise<void> {
    if (this.#byHash.has(record.tokenHash) || [...this.#byHash.values()].some((t) => t.id === record.id)) {
      throw new Error('Token already stored.');
    }
    this.#byHash.set(record.tokenHash, { ...record });
  }

  async findByHash(tokenHash: string): Promise<TokenRecord | null> {
    const found = this.#byHash.get(tokenHash);
    return found ? { ...found } : null;
  }

  async listFor(userId: string): Promise<TokenRecord[]> {
    return [...this.#byHash.values()]
      .filter((t) => t.userId === userId)
      .map((t) => ({ ...t }))
      .sort(newestTokenFirst);
  }

  async remove(userId: string, id: string): Promise<boolean> {
    for (const [hash, t] of this.#byHash) {
      if (t.id === id && t.userId === userId) return this.#byHash.delete(hash);
    }
    return false;
  }

  async touch(id: string, at: number): Promise<void> {
    for (const t of this.#byHash.values()) if (t.id === id) t.lastUsedAt = at;
  }
}
