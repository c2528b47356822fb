/**
 * Personal access tokens (server/auth/TokenService.ts), apart from schema.ts, which re-exports
 * them for drizzle-kit.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema';

/**
 * One row per token an account made for scripts and integrations. Like `sessions`, the key is
 * the sha256 of the token, never the token: a copied database file holds nothing anyone can
 * present. A revoked token is deleted, so the lookup every request makes finds nothing at once.
 */
export const accessTokens = sqliteTable(
  'access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** How the API and the account page name a token: the hash's first 16 hex characters. */
    id: text('id').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** 'read' | 'write' (src/lib/auth/tokenScopes.ts). */
    scope: text('scope').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Null: never expires. */
    expiresAt: integer('expires_at'),
    /** Written at most once a minute per token (TokenService), so a busy script is mostly reads. */
    lastUsedAt: integer('last_used_at')
  },
  (table) => [index('access_tokens_user_idx').on(table.userId)]
);
