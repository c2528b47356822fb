/**
 * What every TokenStore does, memory or SQLite (tokenStores.test.ts runs both): the rules the
 * TokenService leans on. Test names carry the rule.
 */
import { describe, expect, it } from 'vitest';
import type { TokenRecord, TokenStore } from '#server/auth/TokenStore';

export interface TokenStoreSetup {
  tokens: TokenStore;
  /** An account id the store may reference (SQLite has a foreign key to users). */
  userId: string;
  otherUserId: string;
  /** Closes and opens the store again (persistent stores only). */
  reopen?: () => Promise<TokenStore>;
  cleanup(): Promise<void>;
}

const record = (n: number, userId: string, at = 1000 + n): TokenRecord => ({
  id: `${n}`.padStart(16, '0'),
  tokenHash: `${n}`.padStart(64, 'a'),
  userId,
  name: `token ${n}`,
  scope: n % 2 ? 'read' : 'write',
  createdAt: at,
  expiresAt: n === 3 ? at + 10 : null,
  lastUsedAt: null
});

export function tokenStoreContract(name: string, setup: () => Promise<TokenStoreSetup>): void {
  describe(`TokenStore contract: ${name}`, () => {
    it('T1 finds a token by its hash, as stored, and nothing by another hash', async () => {
      const s = await setup();
      try {
        await s.tokens.insert(record(3, s.userId));
        expect(await s.tokens.findByHash(record(3, s.userId).tokenHash)).toEqual(record(3, s.userId));
        expect(await s.tokens.findByHash('b'.repeat(64))).toBeNull();
      } finally {
        await s.cleanup();
      }
    });

    it("T2 lists an account's tokens newest first, and only its own", async () => {
      const s = await setup();
      try {
        await s.tokens.insert(record(1, s.userId, 1));
        await s.tokens.insert(record(2, s.userId, 3));
        await s.tokens.insert(record(4, s.otherUserId, 2));
        expect((await s.tokens.listFor(s.userId)).map((t) => t.name)).toEqual(['token 2', 'token 1']);
      } finally {
        await s.cleanup();
      }
    });

    it("T3 a removed token is found no more, and an account cannot remove another's", async () => {
      const s = await setup();
      try {
        const mine = record(1, s.userId);
        await s.tokens.insert(mine);
        expect(await s.tokens.remove(s.otherUserId, mine.id)).toBe(false);
        expect(await s.tokens.findByHash(mine.tokenHash)).not.toBeNull();
        expect(await s.tokens.remove(s.userId, mine.id)).toBe(true);
        expect(await s.tokens.findByHash(mine.tokenHash)).toBeNull();
        expect(await s.tokens.remove(s.userId, mine.id)).toBe(false);
      } finally {
        await s.cleanup();
      }
    });

    it('T4 a use is recorded', async () => {
      const s = await setup();
      try {
        await s.tokens.insert(record(2, s.userId));
        await s.tokens.touch(record(2, s.userId).id, 5000);
        expect((await s.tokens.findByHash(record(2, s.userId).tokenHash))?.lastUsedAt).toBe(5000);
      } finally {
        await s.cleanup();
      }
    });

    it('T5 a token id or hash is stored once', async () => {
      const s = await setup();
      try {
        await s.tokens.insert(record(1, s.userId));
        await expect(s.tokens.insert(record(1, s.userId))).rejects.toThrow();
      } finally {
        await s.cleanup();
      }
    });

    it('T6 tokens survive a restart (persistent stores)', async () => {
      const s = await setup();
      try {
        if (!s.reopen) return;
        await s.tokens.insert(record(2, s.userId));
        const again = await s.reopen();
        expect(await again.findByHash(record(2, s.userId).tokenHash)).toEqual(record(2, s.userId));
      } finally {
        await s.cleanup();
      }
    });
  });
}
